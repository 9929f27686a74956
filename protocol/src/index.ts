/**
 * What the extension and the language server say to each other, named once for both sides: the language they
 * serve, the settings section the server reads, and the custom requests. Plain names and shapes only, so that
 * neither side's LSP library leaks into the other.
 */

/** The language id of zone files (package.json `contributes.languages`). */
export const languageId = 'dns-zone';

/** The configuration section of every setting (`zoneRecords.lint.profile`, `zoneRecords.apiBaseUrl`, ...). */
export const configurationSection = 'zoneRecords';

/** `zoneRecords/serverStats`: the server's memory use and open documents, for benchmarks and bug reports. */
export const serverStatsRequest = 'zoneRecords/serverStats';

export interface ServerStats {
  readonly documents: number;
  readonly heapUsed: number;
  readonly rss: number;
  /** True when a garbage collection ran first (node started with --expose-gc). */
  readonly collected: boolean;
}
