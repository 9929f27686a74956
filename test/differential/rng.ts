/** A small seeded pseudo-random generator (mulberry32), so that every differential input can be made again. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  hex(octets: number): string {
    let out = '';
    for (let i = 0; i < octets; i++) out += this.int(0, 255).toString(16).padStart(2, '0');
    return out;
  }

  base64(octets: number): string {
    return Buffer.from(this.hex(octets), 'hex').toString('base64');
  }

  label(maxLength = 12): string {
    const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
    let out = this.pick([...'abcdefghijklmnopqrstuvwxyz']);
    const length = this.int(0, maxLength - 1);
    for (let i = 0; i < length; i++) out += this.pick([...letters]);
    return out;
  }
}
