/**
 * Two independent 32-bit hashes (FNV-1a-like and a multiplicative one) of a sequence of strings, mixed one at a time:
 * what `duplicate-record` compares records by, so that no copy of their rdata is kept. Equal sequences always hash
 * equal; unequal ones collide in both hashes about once in 2^64.
 */
/** The length from which `mix` tries the ASCII fast path. */
export const asciiPathFrom = 32;

export class RdataHasher {
  a = 0;
  b = 0;
  private bytes = new Uint8Array(1024);
  private words = new Int32Array(this.bytes.buffer);
  private readonly encoder = new TextEncoder();

  reset(a: number, b: number): void {
    this.a = a;
    this.b = b;
  }

  /** Mixes one string in (upper-case ASCII letters as lower-case when `foldCase`), then a separator. */
  mix(text: string, foldCase: boolean): void {
    // Below this length the call into the encoder costs more than it saves.
    if (text.length < asciiPathFrom || !this.mixAscii(text, foldCase)) this.mixChars(text, foldCase);
  }

  /**
   * The fast path, for ASCII text (nearly all rdata): the native encoder copies the characters out as bytes, and
   * they are mixed four at a time, where reading them one by one from the (sliced) string costs more than the
   * mixing. Which path a string takes depends only on its characters and length, so equal strings hash equal.
   * False (nothing mixed) when the text is not ASCII.
   */
  mixAscii(text: string, foldCase: boolean): boolean {
    const length = text.length;
    if (length + 4 > this.bytes.length) this.grow(length + 4);
    const bytes = this.bytes;
    const { read, written } = this.encoder.encodeInto(text, bytes);
    if (read !== length || written !== length) return false;
    if (foldCase) {
      for (let i = 0; i < length; i++) {
        const code = bytes[i] ?? 0;
        if (code >= 65 && code <= 90) bytes[i] = code + 32;
      }
    }
    bytes[length] = 0;
    bytes[length + 1] = 0;
    bytes[length + 2] = 0;
    const words = this.words;
    let h1 = this.a;
    let h2 = this.b;
    for (let i = 0, count = (length + 3) >> 2; i < count; i++) {
      const word = words[i] ?? 0;
      h1 = Math.imul(h1 ^ word, 0x01000193);
      h2 = Math.imul(h2 + word, 0x5bd1e995) ^ (h2 >>> 15);
    }
    // The length tells apart texts that differ only by trailing NULs, which the zero padding would hide.
    this.separate(Math.imul(h1 ^ length, 0x01000193), Math.imul(h2 + length, 0x5bd1e995) ^ (h2 >>> 15));
    return true;
  }

  /** The slow path: any text, one UTF-16 unit at a time. */
  mixChars(text: string, foldCase: boolean): void {
    let h1 = this.a;
    let h2 = this.b;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (foldCase && code >= 65 && code <= 90) code += 32;
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 + code, 0x5bd1e995) ^ (h2 >>> 15);
    }
    this.separate(h1, h2);
  }

  private separate(h1: number, h2: number): void {
    this.a = Math.imul(h1 ^ 0x1f, 0x01000193);
    this.b = Math.imul(h2 + 0x1f, 0x5bd1e995) ^ (h2 >>> 15);
  }

  private grow(length: number): void {
    let size = this.bytes.length;
    while (size < length) size *= 2;
    this.bytes = new Uint8Array(size);
    this.words = new Int32Array(this.bytes.buffer);
  }
}
