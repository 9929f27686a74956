/**
 * Interns strings to dense ids (0, 1, 2, ...) with open addressing over typed arrays. A `Map<string, number>`
 * of a million names costs about twice the time and more memory, because V8 hashes and compares the rope
 * strings the parser builds names from on every lookup; here each name is hashed once, in JavaScript.
 */
export class StringTable {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
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
    return this.lookup(text, hashOf(text));
  }

  /** The id of `text`, interning it when new. */
  intern(text: string): number {
    const hash = hashOf(text);
    const found = this.lookup(text, hash);
    if (found >= 0) return found;
    const id = this.values.length;
    if ((id + 1) * 2 > this.slots.length) this.grow();
    this.values.push(text);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.place(id, hash);
    return id;
  }

  private lookup(text: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id < 0) return -1;
      if (this.hashes[id] === hash && this.values[id] === text) return id;
    }
  }

  private place(id: number, hash: number): void {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while ((this.slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let id = 0; id < this.values.length; id++) this.place(id, this.hashes[id] ?? 0);
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
