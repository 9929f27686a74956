/** The largest value a TTL field can hold on the wire (RFC 2181 §8 says values above 2^31-1 mean 0). */
export const maxWireTtl = 0xffffffff;

const secondsPerUnit: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/**
 * Reads a TTL as BIND does: a plain number of seconds (`3600`) or one or more number+unit groups
 * (`1w2d3h4m5s`, units case-insensitive). A bare number after a unit group (`1h30`) is refused, as BIND refuses it.
 * Returns undefined for anything else, including values above 2^32-1.
 */
export function parseTtl(text: string): number | undefined {
  const length = text.length;
  if (length === 0) return undefined;
  let total = 0;
  let index = 0;
  let sawUnit = false;
  while (index < length) {
    const digitsStart = index;
    let value = 0;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < 48 || code > 57) break;
      value = value * 10 + (code - 48);
      if (value > maxWireTtl) return undefined;
      index++;
    }
    if (index === digitsStart) return undefined;
    if (index === length) {
      if (sawUnit) return undefined;
      return value;
    }
    const multiplier = secondsPerUnit[text.charAt(index).toLowerCase()];
    if (multiplier === undefined) return undefined;
    total += value * multiplier;
    if (total > maxWireTtl) return undefined;
    sawUnit = true;
    index++;
  }
  return total;
}

const wordUnits: readonly (readonly [number, string])[] = [
  [604800, 'week'],
  [86400, 'day'],
  [3600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** Spells a TTL out for hover text: `5400` -> `1 hour 30 minutes`, `0` -> `0 seconds`. */
export function formatTtlWords(seconds: number): string {
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return `${seconds} seconds`;
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, unit] of wordUnits) {
    const count = Math.floor(rest / size);
    if (count === 0) continue;
    rest -= count * size;
    parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
  }
  return parts.join(' ');
}
