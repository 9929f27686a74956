/**
 * Interns strings to dense ids (0, 1, 2, ...) with open addressing over typed arrays. A `Map<string, number>`
 * of a million names costs about twice the time and more memory, because V8 hashes and compares the rope
 * strings the parser builds names from on every lookup; here each name is hashed once, in JavaScript.
 */
export class StringTable {
  // Pairs (hash, id + 1) side by side, 0 marking a free slot: a probe reads the hash next to the id in the same
  // cache line, and a key that is absent (every new owner of a big zone) is rejected without touching `values`.
  private slots = new Int32Array(2 << 12);
  private readonly values: string[] = [];

  get size(): number {
    return this.values.length;
  }

  /** The string of an id. */
  value(id: number): string {
    return this.values[id] ?? '';
  }

  /** The id of `text`, or -1 when it was never interned. */
  find(text: string): number {
    const hash = hashOf(text);
    const slot = this.lookup(text, hash);
    return slot < 0 ? -1 : (this.slots[slot + 1] ?? 0) - 1;
  }

  /** The id of `text`, interning it when new. */
  intern(text: string): number {
    const hash = hashOf(text);
    const slot = this.lookup(text, hash);
    if (slot < 0) return this.add(text, hash, ~slot);
    return (this.slots[slot + 1] ?? 0) - 1;
  }

  private add(text: string, hash: number, freeSlot: number): number {
    const id = this.values.length;
    this.values.push(text);
    // Kept at most half full, as before (slots holds two numbers per entry).
    if ((id + 1) * 4 > this.slots.length) {
      this.grow();
      this.place(id, hash);
    } else {
      this.slots[freeSlot] = hash;
      this.slots[freeSlot + 1] = id + 1;
    }
    return id;
  }

  /** The slot holding `text`, or the bitwise complement of the free slot where it would go. */
  private lookup(text: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let slot = (hash << 1) & mask; ; slot = (slot + 2) & mask) {
      const entry = slots[slot + 1] ?? 0;
      if (entry === 0) return ~slot;
      if (slots[slot] === hash && this.values[entry - 1] === text) return slot;
    }
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

/** FNV-1a over UTF-16 code units, finished with a multiply-xorshift so that the low bits spread well. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}
