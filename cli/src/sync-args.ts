/** The options of `zone-records plan` and `zone-records apply`, parsed once. */
export interface SyncArguments {
  readonly command: 'plan' | 'apply';
  readonly file: string;
  readonly zoneName?: string;
  readonly zoneId?: string;
  readonly format: 'text' | 'json';
  readonly allowDeletes: boolean;
  /** Changes per batch request; undefined means the zone plan's limit. */
  readonly batchSize?: number;
  readonly updateMethod: 'patch' | 'put';
  /** Leave out a record Cloudflare refuses (and its name's other changes) and apply the rest. */
  readonly skipFailing: boolean;
}

export type ParsedArguments =
  | { readonly kind: 'run'; readonly args: SyncArguments }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly message: string };

export function syncHelp(command: 'plan' | 'apply'): string {
  const applyOptions =
    command === 'apply'
      ? `  --allow-deletes     confirm a plan that deletes more than 10 records or 25 % of the zone
  --batch-size N      changes per batch request (default: the zone plan's limit, 200 Free, 3,500 paid)
  --skip-failing      when Cloudflare refuses a record, leave it out (and its name's other changes) and
                      apply the rest; by default a refused chunk stops the apply with nothing of it applied
`
      : '';
  const what =
    command === 'plan'
      ? 'Shows what a sync of FILE to the live zone would change, as a diff and a summary line.\n' +
        'Exit status: 0 nothing to do, 3 changes to make, 1 error, 2 bad usage.'
      : 'Makes the live zone equal to FILE with one batch request per chunk, printing each chunk applied.\n' +
        'Exit status: 0 applied (or nothing to do), 1 error or partly applied, 2 bad usage.';
  return `usage: zone-records ${command} (--zone NAME | --zone-id ID) [options] FILE

${what}

options:
  --zone NAME         the zone, by name (looked up with the API)
  --zone-id ID        the zone, by id
  --format text|json  output format (default text)
  --update put|patch  how changed records are written (default patch: fields a zone file cannot say are kept)
${applyOptions}  -h, --help          show this help

environment:
  CLOUDFLARE_API_TOKEN     API token (or CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY)
  CLOUDFLARE_API_BASE_URL  API base URL (default https://api.cloudflare.com/client/v4)
`;
}

export function parseSyncArguments(command: 'plan' | 'apply', argv: readonly string[]): ParsedArguments {
  let file: string | undefined;
  let zoneName: string | undefined;
  let zoneId: string | undefined;
  let format: 'text' | 'json' = 'text';
  let allowDeletes = false;
  let batchSize: number | undefined;
  let updateMethod: 'patch' | 'put' = 'patch';
  let skipFailing = false;
  const error = (message: string): ParsedArguments => ({ kind: 'usage-error', message });

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? splitOnce(argument) : [argument];
    const value = (): string | undefined => inline ?? argv[++index];
    switch (flag) {
      case '-h':
      case '--help':
        return { kind: 'help', text: syncHelp(command) };
      case '--zone':
        zoneName = value();
        if (zoneName === undefined || zoneName === '') return error('--zone needs a zone name');
        break;
      case '--zone-id':
        zoneId = value();
        if (zoneId === undefined || zoneId === '') return error('--zone-id needs a zone id');
        break;
      case '--format': {
        const text = value();
        if (text !== 'text' && text !== 'json') return error("--format must be 'text' or 'json'");
        format = text;
        break;
      }
      case '--update': {
        const text = value();
        if (text !== 'patch' && text !== 'put') return error("--update must be 'patch' or 'put'");
        updateMethod = text;
        break;
      }
      case '--allow-deletes':
        if (command !== 'apply') return error('--allow-deletes is an option of apply');
        allowDeletes = true;
        break;
      case '--skip-failing':
        if (command !== 'apply') return error('--skip-failing is an option of apply');
        skipFailing = true;
        break;
      case '--batch-size': {
        if (command !== 'apply') return error('--batch-size is an option of apply');
        const text = value() ?? '';
        const size = Number(text);
        if (!/^\d+$/.test(text) || size < 1) return error('--batch-size must be a positive whole number');
        batchSize = size;
        break;
      }
      default:
        if (argument.startsWith('-') && argument !== '-') return error(`unknown option '${argument}'`);
        if (file !== undefined) return error('give exactly one zone file');
        file = argument;
    }
  }
  if (file === undefined) return error('missing the zone file');
  if ((zoneName === undefined) === (zoneId === undefined)) return error('give either --zone NAME or --zone-id ID');
  return {
    kind: 'run',
    args: {
      command,
      file,
      format,
      allowDeletes,
      updateMethod,
      skipFailing,
      ...(zoneName === undefined ? {} : { zoneName }),
      ...(zoneId === undefined ? {} : { zoneId }),
      ...(batchSize === undefined ? {} : { batchSize }),
    },
  };
}

function splitOnce(argument: string): [string, string] {
  const equals = argument.indexOf('=');
  return [argument.slice(0, equals), argument.slice(equals + 1)];
}
