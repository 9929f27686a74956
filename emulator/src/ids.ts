import { createHash, randomBytes } from 'node:crypto';

/** A record id: 32 lowercase hex characters, like Cloudflare's. */
export function newRecordId(): string {
  return randomBytes(16).toString('hex');
}

/** A zone id derived from the zone name, so a zone keeps its id across restarts even without a state file. */
export function zoneIdFor(name: string): string {
  return createHash('md5').update(`zone-records emulator zone ${name}`).digest('hex');
}

export function isIdentifier(text: string): boolean {
  return /^[0-9a-f]{32}$/.test(text);
}
