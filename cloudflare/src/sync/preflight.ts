import {
  canonicalContent,
  cloudflareContentLength,
  cloudflareRecordWireLimit,
  cloudflareRrsetContentLimit,
  cloudflareWireOctets,
} from '../../../core/src/index';
import type { DesiredRecord, PlanRecordBody } from './plan-types';

/** A record of the zone file that Cloudflare would refuse, found before anything is sent. */
export interface PreflightProblem {
  readonly name: string;
  readonly type: string;
  readonly display: string;
  /** 0-based line in the zone file. */
  readonly line?: number;
  readonly problem: string;
}

/**
 * Cloudflare's limits on what a sync would write (semantics.md §7): at most 4,096 octets of wire data per record,
 * 8,192 characters of content per name and type, comments without line breaks, and no tags on the Free plan. The
 * same limits are lint findings (cloudflare-record-size); checking them here too keeps a sync from sending a batch
 * that can only be rejected.
 */
export function preflightProblems(
  desired: readonly DesiredRecord[],
  options: { readonly freePlan: boolean },
): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const rrsets = new Map<string, { length: number; reported: boolean }>();
  for (const record of desired) {
    const report = (problem: string): void => {
      problems.push({
        name: record.name,
        type: record.type,
        display: record.display,
        ...(record.line === undefined ? {} : { line: record.line }),
        problem,
      });
    };
    const wire = cloudflareWireOctets(record.body);
    if (wire > cloudflareRecordWireLimit) {
      report(`${wire} octets of wire data; Cloudflare stores at most ${cloudflareRecordWireLimit} per record`);
    }
    const key = `${record.name}\u0000${record.type}`;
    const rrset = rrsets.get(key) ?? { length: 0, reported: false };
    rrsets.set(key, rrset);
    rrset.length += cloudflareContentLength(contentOf(record.body));
    if (rrset.length > cloudflareRrsetContentLimit && !rrset.reported) {
      rrset.reported = true;
      report(
        `the ${record.type} records at ${record.name} reach ${rrset.length} characters of content; Cloudflare allows ${cloudflareRrsetContentLimit} per name and type`,
      );
    }
    if (/[\r\n]/.test(record.comment)) report('the comment has a line break, which Cloudflare refuses');
    if (options.freePlan && record.tags.length > 0) {
      report(`tags (${record.tags.join(', ')}) need a paid plan; the zone is on Free`);
    }
  }
  return problems;
}

/** One paragraph listing the problems, for the refusal of an apply. */
export function preflightMessage(problems: readonly PreflightProblem[]): string {
  const lines = problems.map((problem) => {
    const line = problem.line === undefined ? '' : ` (line ${problem.line + 1})`;
    return `${problem.name} ${problem.type} ${abbreviate(problem.display)}${line}: ${problem.problem}`;
  });
  const count = problems.length === 1 ? '1 record' : `${problems.length} records`;
  return `Nothing was sent: Cloudflare would refuse ${count} of the zone file. Fix ${problems.length === 1 ? 'it' : 'them'} first:\n${lines.join('\n')}`;
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The content as Cloudflare stores and counts it: `content`, or the formatted `data` of a data type. */
function contentOf(body: PlanRecordBody): string {
  return body.content ?? canonicalContent(body);
}
