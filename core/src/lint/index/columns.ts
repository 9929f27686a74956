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
