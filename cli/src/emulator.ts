import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isLoopbackHost, isPlanName, planNames, startEmulator, type ZoneOption } from '../../emulator/src/index';

const usage = `usage: zone-records emulator [options]

Serves a local Cloudflare DNS records API (API v4) until stopped with Ctrl-C.

options:
  --host HOST          address to listen on (default 127.0.0.1)
  --port N             port to listen on; 0 picks a free port (default 8787)
  --token T            the API token to accept (default: a random token, printed at start)
  --read-only-token T  also accept T for reads only (writes with it get 403 "Authentication error")
  --email E --key K    also accept X-Auth-Email / X-Auth-Key with this email and global key
  --plan P             plan of the zones: ${planNames.join(', ')} (default free)
  --zone NAME[=FILE]   serve zone NAME, loading its records from the BIND zone FILE; repeatable
                       (default: one empty zone example.com)
  --state FILE         keep zones and records in FILE (JSON) across restarts
  --allow-remote       allow a --host that other machines can reach
  -v, --verbose        print every request (method, path, status, injected fault) on stderr
  -h, --help           show this help

Point the client at it with CLOUDFLARE_API_BASE_URL=<the printed URL> and CLOUDFLARE_API_TOKEN=<token>.
`;

/** `zone-records emulator`: see the usage text. Resolves with the exit code once the emulator has stopped. */
export async function runEmulator(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8787' },
        token: { type: 'string' },
        'read-only-token': { type: 'string' },
        email: { type: 'string' },
        key: { type: 'string' },
        plan: { type: 'string', default: 'free' },
        zone: { type: 'string', multiple: true },
        state: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be 0..65535, not '${values.port}'`);
  const plan = values.plan;
  if (!isPlanName(plan)) return fail(`--plan must be one of ${planNames.join(', ')}, not '${plan}'`);
  if (!isLoopbackHost(values.host) && !values['allow-remote']) {
    return fail(`${values.host} is not a loopback address; add --allow-remote to serve other machines`);
  }
  if ((values.email === undefined) !== (values.key === undefined)) return fail('--email and --key go together');
  if (values.token !== undefined && !/^[A-Za-z0-9._~+/=-]+$/.test(values.token)) {
    return fail('--token may contain only letters, digits and - _ . ~ + / =');
  }

  const zones: ZoneOption[] = [];
  for (const spec of values.zone ?? []) {
    const zone = readZoneOption(spec);
    if (typeof zone === 'string') return fail(zone);
    zones.push(zone);
  }

  let running;
  try {
    running = await startEmulator({
      host: values.host,
      port,
      plan,
      allowRemote: values['allow-remote'],
      ...(values.token !== undefined ? { token: values.token } : {}),
      ...(values['read-only-token'] !== undefined ? { readOnlyToken: values['read-only-token'] } : {}),
      ...(values.email !== undefined && values.key !== undefined ? { email: values.email, globalKey: values.key } : {}),
      ...(zones.length > 0 ? { zones } : {}),
      ...(values.state !== undefined ? { statePath: values.state } : {}),
    });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    const message = inUse
      ? `port ${port} on ${values.host} is in use; choose another --port, or --port 0 for a free one`
      : error instanceof Error
        ? error.message
        : String(error);
    process.stderr.write(`zone-records emulator: ${message}\n`);
    return 1;
  }

  if (values.verbose) {
    running.log.subscribe((entry) => {
      const fault = entry.fault === undefined ? '' : ` (${entry.fault})`;
      const status = entry.status === 0 ? 'dropped' : String(entry.status);
      process.stderr.write(`${entry.method} ${entry.path}${entry.query} ${status}${fault}\n`);
    });
  }
  const lines = [`listening on ${running.url}`, ...running.zones.map((zone) => `zone ${zone.name} ${zone.id}`)];
  if (values.token === undefined) lines.push(`token ${running.token}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.stop();
  return 0;
}

function readZoneOption(spec: string): ZoneOption | string {
  const equals = spec.indexOf('=');
  const name = equals < 0 ? spec : spec.slice(0, equals);
  if (name.trim() === '') return `--zone needs a zone name, as in --zone example.com=example.com.zone`;
  if (equals < 0) return { name };
  const file = spec.slice(equals + 1);
  try {
    return { name, bind: readFileSync(file, 'utf8') };
  } catch (error) {
    return `cannot read the zone file ${file} for --zone ${name}: ${(error as NodeJS.ErrnoException).message}`;
  }
}

function fail(message: string): number {
  process.stderr.write(`zone-records emulator: ${message}\n\n${usage}`);
  return 2;
}
