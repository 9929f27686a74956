import type * as vscode from 'vscode';

/** Activation only: everything the extension does is wired up from here. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
