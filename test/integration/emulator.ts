import * as vscode from 'vscode';
import { testEnv } from './helpers';

/** A record as the emulator's API lists it (only what the tests compare). */
export interface LiveRecord {
  readonly type: string;
  readonly name: string;
  readonly content: string;
}

/**
 * Reads the API directly (not through the extension), so that a test checks the live zone's real state
 * rather than what the extension believes it to be.
 */
export async function liveRecords(zone: string): Promise<LiveRecord[]> {
  const zoneId = testEnv.zoneIds[zone];
  if (zoneId === undefined) throw new Error(`the emulator has no zone ${zone}`);
  const body = (await getJson(`${testEnv.apiUrl}/zones/${zoneId}/dns_records?per_page=5000`)) as {
    result: LiveRecord[];
  };
  return body.result.map(({ type, name, content }) => ({ type, name, content }));
}

/** Creates a record directly through the API, as a change made in Cloudflare's dashboard would be. */
export async function createLiveRecord(
  zone: string,
  record: { type: string; name: string; content: string; ttl: number },
): Promise<string> {
  const zoneId = testEnv.zoneIds[zone];
  if (zoneId === undefined) throw new Error(`the emulator has no zone ${zone}`);
  const response = await fetch(`${testEnv.apiUrl}/zones/${zoneId}/dns_records`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${testEnv.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(record),
  });
  if (!response.ok) throw new Error(`POST dns_records answered ${response.status}`);
  return ((await response.json()) as { result: { id: string } }).result.id;
}

/** How many requests the emulator has received with this method and a path ending in `pathSuffix`. */
export async function requestCount(method: string, pathSuffix: string): Promise<number> {
  const origin = new URL(testEnv.apiUrl).origin;
  const body = (await getJson(`${origin}/__emulator/log?method=${method}`)) as { entries: { path: string }[] };
  return body.entries.filter((entry) => entry.path.endsWith(pathSuffix)).length;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${testEnv.token}` } });
  // The URL and status only: the token stays out of the test output.
  if (!response.ok) throw new Error(`GET ${new URL(url).pathname} answered ${response.status}`);
  return response.json();
}

type WindowFunction = 'showWarningMessage' | 'withProgress';

/**
 * Runs `body` with one function of `vscode.window` replaced, for every extension in this extension host (they
 * share the object), and puts the original back afterwards. Used to answer a modal dialog or to drive a
 * progress notification's cancellation token, which a test cannot click.
 */
export async function withWindowFunction<T>(
  name: WindowFunction,
  replacement: (original: (...args: never[]) => unknown) => (...args: never[]) => unknown,
  body: () => Thenable<T>,
): Promise<T> {
  const window = vscode.window as unknown as Record<WindowFunction, (...args: never[]) => unknown>;
  const original = window[name];
  const replaced = replacement(original.bind(vscode.window));
  window[name] = replaced;
  if (window[name] !== replaced) throw new Error(`vscode.window.${name} cannot be replaced in this host`);
  try {
    return await body();
  } finally {
    window[name] = original;
  }
}
