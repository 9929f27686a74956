// How long the language server takes from opening a document of each pathological line shape (about 1 MB) to its
// first diagnostics, through a real LSP client over stdio. Part of `npm run fuzz -- --lsp`; needs dist/ built.
import { LspClient } from '../server/lspClient';
import { build, lineShapes } from './linearity';

export async function lspFirstDiagnosticsReport(bytes = 1024 * 1024): Promise<string> {
  const lines = ['| line shape | size | open to first diagnostics (ms) |', '| --- | ---: | ---: |'];
  const client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } } });
  try {
    for (const [index, shape] of lineShapes.entries()) {
      const copies = Math.max(1, Math.round(bytes / shape.line.length));
      const text = build(shape, copies);
      const uri = `file:///fuzz/shape-${index}.zone`;
      const started = performance.now();
      await client.open(uri, text);
      const ms = performance.now() - started;
      await client.close(uri);
      lines.push(`| ${shape.name} | ${(text.length / 1024).toFixed(0)} KB | ${ms.toFixed(0)} |`);
    }
  } finally {
    await client.stop();
  }
  return lines.join('\n');
}
