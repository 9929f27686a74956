import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openFixture, screenshot, waitFor } from '../helpers';

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

describe('diagnostics and quick fixes from the language server', () => {
  after(closeAll);

  it('reports the findings of a zone file with their codes', async () => {
    const editor = await openFixture('lint-demo.zone');
    assert.equal(editor.document.languageId, 'dns-zone');
    const diagnostics = await waitFor('diagnostics of lint-demo.zone', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri);
      return found.length >= 2 ? found : undefined;
    });
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('non-punycode-name'), `codes: ${codes.join(', ')}`);
    assert.ok(codes.includes('cname-and-other-data'), `codes: ${codes.join(', ')}`);
    const conflict = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'cname-and-other-data');
    assert.equal(conflict?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(conflict?.range.start.line, 8);
  });

  it('offers the Punycode quick fix, and applying it clears the finding', async () => {
    const editor = await openFixture('lint-demo.zone');
    const uri = editor.document.uri;
    const finding = vscode.languages
      .getDiagnostics(uri)
      .find((diagnostic) => codeOf(diagnostic) === 'non-punycode-name');
    assert.ok(finding);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.edit !== undefined && /xn--caf-dma/.test(action.title));
    assert.ok(fix, `quick fixes: ${actions.map((action) => action.title).join(' | ')}`);

    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    await vscode.commands.executeCommand('workbench.view.extension.zoneRecords');

    assert.equal(await vscode.workspace.applyEdit(fix.edit!), true);
    assert.match(editor.document.lineAt(finding.range.start.line).text, /^xn--caf-dma\b/);
    await waitFor('the finding to clear', () =>
      vscode.languages.getDiagnostics(uri).every((diagnostic) => codeOf(diagnostic) !== 'non-punycode-name'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('re-lints open files when the rule settings change', async () => {
    const editor = await openFixture('lint-demo.zone');
    const uri = editor.document.uri;
    const codes = (): string[] => vscode.languages.getDiagnostics(uri).map(codeOf);
    await waitFor('the findings', () => codes().includes('non-punycode-name'));
    const settings = vscode.workspace.getConfiguration('zoneRecords');
    await settings.update('lint.rules', { 'non-punycode-name': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the rule to be off', () => !codes().includes('non-punycode-name'));
      assert.ok(codes().includes('cname-and-other-data'), 'the other findings stay');
    } finally {
      await settings.update('lint.rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the rule to be back', () => codes().includes('non-punycode-name'));
  });
});
