/**
 * Interns strings to dense ids (0, 1, 2, ...) with open addressing over typed arrays. The characters of every
 * interned string are packed into one byte buffer rather than kept as a million JavaScript strings: the garbage
 * collector then has nothing to copy or mark for them, which on a large zone is most of what keeping the owner
 * names used to cost. A string with a character above U+00FF (a rare, unconverted IDN key) is kept as itself.
 *
 * A table may be given a common suffix (a zone's origin, which all its owner names end with): a string that ends
 * with it is hashed and stored without it, so that it is neither hashed nor copied again for every name.
 */
export class StringTable {
  // Pairs (hash, id + 1) side by side, 0 marking a free slot: a probe reads the hash next to the id in the same
  // cache line, and a key that is absent (every new owner of a big zone) is rejected without comparing characters.
  private slots = new Int32Array(2 << 12);
  /** Where each id's characters start in `chars`; the next id's start (or `charCount`) is where they end. */
  private starts = new Int32Array(1024);
  /** 1 for an id whose string goes on with the common suffix after its stored characters. */
  private suffixed = new Uint8Array(1024);
  private chars = new Uint8Array(64 * 1024);
  private charCount = 0;
  private count = 0;
  /** Strings that do not fit one byte per character, by id; their span in `chars` is empty. */
  private readonly wide = new Map<number, string>();
  // The string staged after the last stored one (by stage, copyIn or findEntry): whether it fits one byte per
  // character, how many characters were copied, and whether the common suffix follows them.
  private staged = true;
  private stagedLength = 0;
  private stagedSuffixed = false;
  /** What `touch` read; kept so that the reads are not optimised away. */
  private touched = 0;

  constructor(private readonly commonSuffix = '') {}

  get size(): number {
    return this.count;
  }

  /** The string of an id. */
  value(id: number): string {
    if (id < 0 || id >= this.count) return '';
    const wide = this.wide.get(id);
    if (wide !== undefined) return wide;
    const stored = latin1(this.chars, this.starts[id] ?? 0, this.endOf(id));
    return this.suffixed[id] === 1 ? stored + this.commonSuffix : stored;
  }

  /** The id of `text`, or -1 when it was never interned. */
  find(text: string): number {
    const hash = this.stage(text);
    const slot = this.lookup(hash, text);
    return slot < 0 ? -1 : (this.slots[slot + 1] ?? 0) - 1;
  }

  /** The id here of the string `other` holds as `id` (-1 when absent), without making that string. */
  findEntry(other: StringTable, id: number): number {
    if (id < 0 || id >= other.count) return -1;
    const wide = other.wide.get(id);
    if (wide !== undefined) return this.find(wide);
    const otherSuffix = other.suffixed[id] === 1 ? other.commonSuffix : '';
    if (!isNarrow(otherSuffix)) return this.find(other.value(id));
    const start = other.starts[id] ?? 0;
    const prefixLength = other.endOf(id) - start;
    const length = prefixLength + otherSuffix.length;
    this.makeRoom(length);
    const chars = this.chars;
    const at = this.charCount;
    chars.set(other.chars.subarray(start, start + prefixLength), at);
    for (let i = 0; i < otherSuffix.length; i++) chars[at + prefixLength + i] = otherSuffix.charCodeAt(i);
    const stored = this.endsWithSuffix(chars, at, length) ? length - this.commonSuffix.length : length;
    let hash = 0x811c9dc5;
    for (let i = 0; i < stored; i++) hash = Math.imul(hash ^ (chars[at + i] ?? 0), 0x01000193);
    this.staged = true;
    this.stagedLength = stored;
    this.stagedSuffixed = stored !== length;
    const slot = this.lookup(finish(hash, length), undefined);
    return slot < 0 ? -1 : (this.slots[slot + 1] ?? 0) - 1;
  }

  /**
   * `find` for the `hash` that `hashOf(text)` gave. Tables with the same common suffix hash a string alike, so a
   * key hashed once can be looked up in several.
   */
  findHashed(text: string, hash: number): number {
    this.copyIn(text);
    const slot = this.lookup(hash, text);
    return slot < 0 ? -1 : (this.slots[slot + 1] ?? 0) - 1;
  }

  /** True when the string of `id` starts with `prefix` (which may reach into the common suffix). */
  startsWith(id: number, prefix: string): boolean {
    if (id < 0 || id >= this.count) return false;
    const wide = this.wide.get(id);
    if (wide !== undefined) return wide.startsWith(prefix);
    const start = this.starts[id] ?? 0;
    const stored = this.endOf(id) - start;
    for (let i = 0; i < prefix.length; i++) {
      const code =
        i < stored
          ? this.chars[start + i]
          : this.suffixed[id] === 1
            ? this.commonSuffix.charCodeAt(i - stored)
            : undefined;
      if (code !== prefix.charCodeAt(i)) return false;
    }
    return true;
  }

  /** The id of `text`, interning it when new. */
  intern(text: string): number {
    return this.settle(text, this.stage(text));
  }

  /** The hash `intern` computes for `text`, for `touch` and `internHashed`. */
  hashOf(text: string): number {
    const stored = this.storedLength(text);
    let hash = 0x811c9dc5;
    for (let i = 0; i < stored; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return finish(hash, text.length);
  }

  /**
   * Reads the slots where lookups of the first `count` hashes start. On a large table each read waits for memory;
   * a tight loop of them lets the processor have many under way at once, where interning one string after
   * another waits for each in turn. `internHashed` then finds them in cache.
   */
  touch(hashes: Int32Array, count: number): void {
    const slots = this.slots;
    const mask = slots.length - 2;
    let touched = this.touched;
    for (let i = 0; i < count; i++) touched ^= slots[((hashes[i] ?? 0) << 1) & mask] ?? 0;
    this.touched = touched;
  }

  /**
   * `hashOf(head + '.' + commonSuffix)` without making that string: how a name written relative to the zone's
   * origin is hashed from its parts. Not for a table whose common suffix is empty or the root.
   */
  hashOfHead(head: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < head.length; i++) hash = Math.imul(hash ^ head.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 46 /* . */, 0x01000193);
    return finish(hash, head.length + 1 + this.commonSuffix.length);
  }

  /** `internHashed` for the string `head + '.' + commonSuffix`, with the `hash` that `hashOfHead(head)` gave. */
  internHeadHashed(head: string, hash: number): number {
    const length = head.length + 1;
    this.makeRoom(length);
    const chars = this.chars;
    let at = this.charCount;
    for (let i = 0; i < head.length; i++) {
      const code = head.charCodeAt(i);
      if (code > 0xff) return this.internHashed(`${head}.${this.commonSuffix}`, hash);
      chars[at++] = code;
    }
    chars[at] = 46; /* . */
    this.staged = true;
    this.stagedLength = length;
    this.stagedSuffixed = true;
    const slot = this.lookup(hash, undefined);
    if (slot < 0) return this.add(undefined, hash, ~slot);
    return (this.slots[slot + 1] ?? 0) - 1;
  }

  /** `intern` for the `hash` that `hashOf(text)` gave. */
  internHashed(text: string, hash: number): number {
    this.copyIn(text);
    return this.settle(text, hash);
  }

  private settle(text: string, hash: number): number {
    const slot = this.lookup(hash, text);
    if (slot < 0) return this.add(text, hash, ~slot);
    return (this.slots[slot + 1] ?? 0) - 1;
  }

  /** `stage` without the hash. */
  private copyIn(text: string): void {
    const stored = this.storedLength(text);
    this.makeRoom(stored);
    const chars = this.chars;
    let at = this.charCount;
    let narrow = true;
    for (let i = 0; i < stored; i++) {
      const code = text.charCodeAt(i);
      if (code > 0xff) narrow = false;
      chars[at++] = code;
    }
    this.staged = narrow;
    this.stagedLength = stored;
    this.stagedSuffixed = stored !== text.length;
  }

  /**
   * Hashes `text` and, in the same pass, copies it (without the common suffix) after the last stored string: a
   * new string is then already in place, and comparing with a candidate reads bytes rather than the (often rope)
   * string. Returns the hash.
   */
  private stage(text: string): number {
    const stored = this.storedLength(text);
    this.makeRoom(stored);
    const chars = this.chars;
    let at = this.charCount;
    let hash = 0x811c9dc5;
    let narrow = true;
    for (let i = 0; i < stored; i++) {
      const code = text.charCodeAt(i);
      hash = Math.imul(hash ^ code, 0x01000193);
      if (code > 0xff) narrow = false;
      chars[at++] = code;
    }
    this.staged = narrow;
    this.stagedLength = stored;
    this.stagedSuffixed = stored !== text.length;
    return finish(hash, text.length);
  }

  /** How many first characters of `text` are hashed and stored: all but the common suffix, when it has it. */
  private storedLength(text: string): number {
    const suffix = this.commonSuffix;
    return suffix !== '' && text.endsWith(suffix) ? text.length - suffix.length : text.length;
  }

  private endsWithSuffix(chars: Uint8Array, start: number, length: number): boolean {
    const suffix = this.commonSuffix;
    if (suffix === '' || length < suffix.length) return false;
    const from = start + length - suffix.length;
    for (let i = 0; i < suffix.length; i++) if (chars[from + i] !== suffix.charCodeAt(i)) return false;
    return true;
  }

  private makeRoom(length: number): void {
    if (this.charCount + length > this.chars.length) {
      this.chars = grown(this.chars, Math.max(this.chars.length * 2, this.charCount + length));
    }
  }

  private endOf(id: number): number {
    return id + 1 < this.count ? (this.starts[id + 1] ?? 0) : this.charCount;
  }

  /** Stores the staged string (`text` is only needed when it does not fit one byte per character). */
  private add(text: string | undefined, hash: number, freeSlot: number): number {
    const id = this.count;
    if (id === this.starts.length) {
      this.starts = grown(this.starts, this.starts.length * 2);
      this.suffixed = grown(this.suffixed, this.suffixed.length * 2);
    }
    this.starts[id] = this.charCount;
    if (this.staged) {
      this.charCount += this.stagedLength;
      this.suffixed[id] = this.stagedSuffixed ? 1 : 0;
    } else {
      this.wide.set(id, text ?? '');
    }
    this.count = id + 1;
    // Kept at most half full (slots holds two numbers per entry).
    if ((id + 1) * 4 > this.slots.length) {
      this.grow();
      this.place(id, hash);
    } else {
      this.slots[freeSlot] = hash;
      this.slots[freeSlot + 1] = id + 1;
    }
    return id;
  }

  /**
   * The slot holding the staged string (`text`, when it was given as a string), or the bitwise complement of the
   * free slot where it would go.
   */
  private lookup(hash: number, text: string | undefined): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const entry = slots[slot + 1] ?? 0;
      if (entry === 0) return ~slot;
      if (slots[slot] === hash && this.holds(entry - 1, text)) return slot;
    }
  }

  /** True when `id` is the string just staged (`text`, when it was given as a string). */
  private holds(id: number, text: string | undefined): boolean {
    const wide = this.wide.size > 0 ? this.wide.get(id) : undefined;
    if (wide !== undefined) return wide === text;
    if (!this.staged || this.suffixed[id] !== (this.stagedSuffixed ? 1 : 0)) return false;
    const start = this.starts[id] ?? 0;
    const length = this.stagedLength;
    if (this.endOf(id) - start !== length) return false;
    const chars = this.chars;
    const staged = this.charCount;
    for (let i = 0; i < length; i++) if (chars[start + i] !== chars[staged + i]) return false;
    return true;
  }

  private place(id: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 2;
    let slot = (hash << 1) & mask;
    while ((slots[slot + 1] ?? 0) !== 0) slot = (slot + 2) & mask;
    slots[slot] = hash;
    slots[slot + 1] = id + 1;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 2) {
      const entry = old[slot + 1] ?? 0;
      if (entry !== 0) this.place(entry - 1, old[slot] ?? 0);
    }
  }
}

function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const larger = new (array.constructor as new (length: number) => T)(size);
  larger.set(array);
  return larger;
}

function isNarrow(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function latin1(chars: Uint8Array, start: number, end: number): string {
  // V8 makes a string shorter than 13 characters flat even when built a character at a time, which is the fastest
  // way for a short name; longer ones go through `apply` (not a spread, which walks an iterator), in chunks that keep
  // the argument list short for long (escaped) names.
  if (end - start < 13) {
    let short = '';
    for (let at = start; at < end; at++) short += String.fromCharCode(chars[at] ?? 0);
    return short;
  }
  let text = '';
  for (let at = start; at < end; at += 256) {
    text += String.fromCharCode.apply(null, chars.subarray(at, Math.min(end, at + 256)) as unknown as number[]);
  }
  return text;
}

/**
 * The last step of the hash: the whole length mixed in (it counts the common suffix, which is not hashed), then a
 * multiply-xorshift over FNV-1a, so that the low bits (the slot) spread well.
 */
function finish(fnv: number, length: number): number {
  const mixed = Math.imul(fnv ^ length, 0x01000193);
  let hash = mixed ^ (mixed >>> 15);
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}
