import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';

/** What the client said it supports for `workspace/didChangeWatchedFiles`. */
export interface WatchSupport {
  /** The server may register watchers (`dynamicRegistration`); without it the client chooses what it reports. */
  readonly dynamic: boolean;
  /** Watchers may be a folder URI plus a pattern (LSP 3.17 `relativePatternSupport`), else absolute globs. */
  readonly relativePatterns: boolean;
}

/**
 * Asks the client to watch the files that open documents `$INCLUDE`, so that a change on disk (the included file
 * not being open) is reported with `workspace/didChangeWatchedFiles` and the including documents are linted again.
 * The registration is replaced whenever the set of included files changes.
 */
export class IncludeWatchers {
  private watched = '';
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly support: WatchSupport,
  ) {}

  /** Watches exactly `files` (absolute paths) from now on. */
  watch(files: Iterable<string>): void {
    if (!this.support.dynamic) return;
    const sorted = [...new Set(files)].sort();
    const key = sorted.join('\n');
    if (key === this.watched) return;
    this.watched = key;
    const watchers = sorted.map((file) => this.watcher(file));
    // One registration at a time, in order: the previous one is withdrawn before the next is made.
    this.registration = this.registration.then(async (previous) => {
      previous?.dispose();
      if (watchers.length === 0) return undefined;
      try {
        return await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
      } catch (error) {
        this.connection.console.warn(
          `zone-records: the editor refused to watch $INCLUDEd files (${String(error)}); ` +
            'changes to them on disk show after the including file is edited',
        );
        return undefined;
      }
    });
  }

  private watcher(file: string): FileSystemWatcher {
    if (this.support.relativePatterns) {
      const folder = pathToFileURL(path.dirname(file)).toString();
      return { globPattern: { baseUri: folder, pattern: literalGlob(path.basename(file)) } };
    }
    return { globPattern: literalGlob(file.split(path.sep).join('/')) };
  }
}

/**
 * A glob matching the file name itself: glob syntax characters become `?` (any one character). That may match a
 * few more names; the server only acts on paths that documents include.
 */
function literalGlob(name: string): string {
  return name.replace(/[*?[\]{}]/g, '?');
}
