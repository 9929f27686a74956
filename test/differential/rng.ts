import { Random } from '../fuzz/random';

/** The fuzzer's seeded generator with the helpers zone generation wants, so that every input can be made again. */
export class Rng {
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.random.next();
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
