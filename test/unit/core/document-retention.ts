// Run in a child process with --expose-gc by document-retention.test.ts: parses a large zone whose $ORIGIN is long
// enough to be sliced as a view of the text, drops the text, and prints how much heap is still in use.
import { parse } from '../../../core/src/parse/parser';
import { inferOrigin } from '../../../core/src/parse/origin';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with --expose-gc');

function parseLargeDocument(): void {
  // Built at run time so that the text is a string of its own (not a literal that the code keeps).
  const lines = ['$ORIGIN a-rather-long-origin.example.com.', '@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300'];
  for (let i = 0; i < 400_000; i++) lines.push(`host${i} 300 IN A 192.0.2.${i % 250}`);
  const text = lines.join('\n');
  parse(text, { origin: inferOrigin(text, undefined) });
}

collect();
const before = process.memoryUsage().heapUsed;
parseLargeDocument();
collect();
process.stdout.write(`${JSON.stringify({ retainedBytes: process.memoryUsage().heapUsed - before })}\n`);
