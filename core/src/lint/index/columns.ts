// Growable columns and tables of numbers in typed arrays: what the lint engine keeps per record, without an
// object per record.

/** A growable column of 32-bit integers: four bytes a record instead of a JS object per record. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/** Same as IntColumn for values that may not fit 32 bits (TTLs up to 2^32-1 and beyond). */
export class NumberColumn {
  private data = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index] ?? 0;
  }
}

/** Fixed-width rows of 32-bit integers in one typed array: one bounds check and one growth for a whole row. */
export class IntTable {
  private data: Int32Array;
  length = 0;

  constructor(private readonly width: number) {
    this.data = new Int32Array(width * 1024);
  }

  /** Appends a row of zeros and returns its index. */
  addRow(): number {
    if ((this.length + 1) * this.width > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    return this.length++;
  }

  get(row: number, column: number): number {
    return this.data[row * this.width + column] ?? 0;
  }

  set(row: number, column: number, value: number): void {
    this.data[row * this.width + column] = value;
  }
}

/**
 * A map from 32-bit integers to non-negative 32-bit integers, open addressing in one typed array: for a rule that
 * remembers a number per record of a large owner, where a Map of a hundred thousand entries is a large object to
 * grow and to collect.
 */
export class IntMap {
  // Pairs (key, ~value), 0 marking a free slot: ~value is never 0 for a value of 0 to 2^31 - 1.
  private slots = new Int32Array(2 * 1024);
  private count = 0;

  /** The value of `key`, or -1 when it has none. */
  get(key: number): number {
    const slots = this.slots;
    const mask = slots.length - 2;
    for (let slot = spread(key) & mask; ; slot = (slot + 2) & mask) {
      const stored = slots[slot + 1] ?? 0;
      if (stored === 0) return -1;
      if (slots[slot] === key) return ~stored;
    }
  }

  /** Sets the value of `key` (0 to 2^31 - 1). */
  set(key: number, value: number): void {
    const slots = this.slots;
    const mask = slots.length - 2;
    let slot = spread(key) & mask;
    for (; (slots[slot + 1] ?? 0) !== 0; slot = (slot + 2) & mask) {
      if (slots[slot] === key) {
        slots[slot + 1] = ~value;
        return;
      }
    }
    slots[slot] = key;
    slots[slot + 1] = ~value;
    // Kept at most half full.
    if (++this.count * 4 > slots.length) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.count = 0;
    for (let slot = 0; slot < old.length; slot += 2) {
      const stored = old[slot + 1] ?? 0;
      if (stored !== 0) this.set(old[slot] ?? 0, ~stored);
    }
  }
}

/** A multiply-xorshift of the key, shifted to an even slot: consecutive keys (ordinals) land apart. */
function spread(key: number): number {
  const mixed = Math.imul(key, 0x9e3779b1);
  return (mixed ^ (mixed >>> 16)) << 1;
}
