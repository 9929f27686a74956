import type { Rule } from '../rule';

const httpProtocols = new Set(['http/1.1', 'h2', 'h3']);

/** The owner names RFC 9461 gives DNS-server SVCB records: `_dns.<name>` or `_<port>._dns.<name>`. */
function isDnsServerName(key: string): boolean {
  return key.startsWith('_dns.') || /^_\d+\._dns\./.test(key);
}

/** The SvcParams of presentation-form SVCB rdata, by key (values unquoted, unparsed). */
function params(tokens: readonly { readonly text: string }[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const token of tokens.slice(2)) {
    const text = token.text.startsWith('"') && token.text.endsWith('"') ? token.text.slice(1, -1) : token.text;
    const equals = text.indexOf('=');
    const key = (equals < 0 ? text : text.slice(0, equals)).toLowerCase();
    let value = equals < 0 ? '' : text.slice(equals + 1);
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    found.set(key, value);
  }
  return found;
}

/** RFC 9461: a DNS server's SVCB record in ServiceMode says its protocols (alpn), and DoH ones say their path. */
export const dnsSvcb: Rule = {
  code: 'dns-svcb',
  scope: 'record',
  description:
    'An SVCB record for a DNS server (`_dns` owner, RFC 9461) in ServiceMode lacks `alpn`, or offers DNS over HTTPS (http/1.1, h2, h3) without `dohpath`.',
  // named 9.18 does not check RFC 9461's rules and loads such a zone: for BIND it is a warning.
  defaultSeverity: { cloudflare: 'error', bind: 'warning', knot: 'warning' },
  profiles: ['cloudflare', 'bind', 'knot'],
  create(context) {
    return {
      recordTypes: ['SVCB'],
      record(record) {
        if (record.type !== 'SVCB' || record.generic || !isDnsServerName(record.ownerKey)) return;
        if (record.rdata[0]?.text === '0') return;
        const found = params(record.rdata);
        const alpn = found.get('alpn');
        if (alpn === undefined) {
          context.report({
            message:
              'A DNS server SVCB record (RFC 9461) must say its protocols: add alpn= (e.g. alpn=dot, or alpn=h2 with dohpath=/dns-query{?dns}).',
            range: record.range,
            file: record.file,
          });
          return;
        }
        const protocols = alpn.split(/(?<!\\),/);
        if (protocols.some((protocol) => httpProtocols.has(protocol)) && !found.has('dohpath')) {
          context.report({
            message:
              'This DNS server SVCB record offers DNS over HTTPS (alpn has http/1.1, h2 or h3) without dohpath= (RFC 9461 section 5): add e.g. dohpath=/dns-query{?dns}.',
            range: record.range,
            file: record.file,
          });
        }
      },
    };
  },
};
