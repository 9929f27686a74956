// `npm run gen`: writes the generated files (docs/rules.md, the rules setting's schema in package.json) and says
// which changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, projectRoot, read } from './index';

async function main(): Promise<void> {
  for (const file of await generatedFiles()) {
    if (read(file.path) === file.text) {
      console.log(`${file.path}: up to date`);
      continue;
    }
    fs.writeFileSync(path.join(projectRoot, file.path), file.text);
    console.log(`${file.path}: written`);
  }
}

void main();
