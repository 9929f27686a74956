// The files generated from the code's tables. `npm run gen` writes them; test/unit/generated.test.ts checks that
// the committed ones are what this gives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { renderRulesDoc } from './rules-doc';
import { manifestWithRulesSchema } from './settings-schema';

export const projectRoot = path.resolve(__dirname, '../..');

export interface GeneratedFile {
  /** Relative to the project root. */
  readonly path: string;
  readonly text: string;
}

export async function generatedFiles(): Promise<GeneratedFile[]> {
  return [
    { path: 'docs/rules.md', text: await formatted('docs/rules.md', renderRulesDoc(), 'markdown') },
    { path: 'package.json', text: manifestWithRulesSchema(read('package.json')) },
  ];
}

/** Formatted as `npm test`'s prettier check wants it, so a generated file passes that check too. */
async function formatted(file: string, text: string, parser: string): Promise<string> {
  const options = (await prettier.resolveConfig(path.join(projectRoot, file))) ?? {};
  return prettier.format(text, { ...options, parser });
}

export function read(file: string): string {
  return fs.readFileSync(path.join(projectRoot, file), 'utf8');
}
