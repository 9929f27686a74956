import { strict as assert } from 'node:assert';
import type { CorpusEntry, CorpusLint, Verdict } from './corpus';
import {
  corpusAvailable,
  firstErrors,
  lintCorpusFile,
  readManifest,
  readNamedVerdicts,
  readReferenceVerdicts,
  statedVerdict,
  zonesRoot,
} from './corpus';
import { ourTuples, peerLimitation, peerTuples, tupleDifference } from './zonefile-peer';

/**
 * Files where our verdict (bind profile: any error means invalid; `bad-hostname` too where the harness runs
 * `-k fail`) differs from the manifest's `expect`, each with its reason. `follows-named`: named-checkzone, the reference, agrees with us; the upstream harness that wrote
 * `expect` runs a laxer loader (BIND's own unit tests skip zone checks, NSD/PowerDNS/dnspython accept more) or a
 * stricter one (Knot). `not-checked`: a check we do not make (yet). `core-gap`: a parser or rdata gap to fix.
 */
const expectDifferences: Readonly<
  Record<string, { kind: 'follows-named' | 'not-checked' | 'core-gap'; reason: string }>
> = {
  'bind9/bin/tests/system/checkzone/zones/bad-rpz-prefix.db': {
    kind: 'not-checked',
    reason: 'RPZ trigger names are only checked by named with -P (response policy zones are out of scope)',
  },
  'bind9/tests/dns/testdata/master/master10.data': {
    kind: 'follows-named',
    reason: "BIND's loader unit test does not require an SOA; named-checkzone (and soa-missing) do",
  },
  'bind9/tests/dns/testdata/master/master17.data': {
    kind: 'follows-named',
    reason: "BIND's loader unit test skips zone checks; named-checkzone refuses apex NS without addresses",
  },
  'bind9/bin/tests/system/unknown/ns1/example-class10.db': {
    kind: 'follows-named',
    reason: 'loaded as a CLASS10 zone upstream; as an IN zone named-checkzone refuses the class change',
  },
  'knot/tests/knot/semantic_check_data/soa.nonfirst': {
    kind: 'follows-named',
    reason: 'no TTL before the first record: Knot defaults it, BIND (and we) refuse',
  },
  'knot/tests/knot/semantic_check_data/dname_children.zone': {
    kind: 'follows-named',
    reason: 'records below a DNAME are a warning (below-dname) as in BIND; Knot refuses them',
  },
  'knot/tests/knot/semantic_check_data/dname_extra_ns.zone': {
    kind: 'follows-named',
    reason: "NS beside a DNAME is a warning (dname-and-ns): BIND's good1.db test loads one, Knot refuses it",
  },
  'nsd/tpkg/bug077_dname_length.tdir/bug077_dname_length.zone': {
    kind: 'follows-named',
    reason: 'labels over 63 octets: NSD truncates, BIND (and we) refuse',
  },
  'nsd/tpkg/ipseckey.tdir/ipseckey.zone': {
    kind: 'follows-named',
    reason:
      'IPSECKEY with algorithm 2 (RSA) and no public key: RFC 4025 section 2.4 allows no key only with algorithm 0; NSD accepts it, named-checkzone refuses',
  },
  'nsd/tpkg/svcb.tdir/crypto.cloudflare.com.zone': {
    kind: 'follows-named',
    reason:
      'the draft key "echconfig" is not in the IANA SvcParamKeys registry (key 5 is "ech"), so it has no key number to encode: NSD accepts it, named-checkzone refuses',
  },
  'nsd/tpkg/svcb.tdir/svcb.success-cases.zone': {
    kind: 'follows-named',
    reason:
      'the draft key "echconfig" is not in the IANA SvcParamKeys registry (key 5 is "ech"), so it has no key number to encode: NSD accepts it, named-checkzone refuses',
  },
  'nsd/tpkg/long/xfrd_connect_ip6.tdir/xfrd_connect_ip6.zone': {
    kind: 'follows-named',
    reason: 'apex NS targets in the zone without addresses (ns-target-without-address), as named-checkzone says',
  },
  'pdns/regression-tests/zones/test.com': {
    kind: 'follows-named',
    reason: 'a TXT character-string over 255 octets: PowerDNS splits it, BIND (and we) refuse',
  },
  'pdns/regression-tests/zones/unit.test': {
    kind: 'follows-named',
    reason: 'a short \\DDD escape: PowerDNS accepts it, BIND (and we) refuse',
  },
  'dnspython/tests/example': {
    kind: 'follows-named',
    reason:
      'a DS without a delegation (ds-not-at-delegation) and an NSEC3 next hashed owner of 4 octets for SHA-1 (20): dnspython accepts them; named-checkzone 9.18 refuses the file earlier (a form it does not parse)',
  },
  'dnspython/tests/example1.good': {
    kind: 'follows-named',
    reason:
      'a DS without a delegation (ds-not-at-delegation) and an NSEC3 next hashed owner of 4 octets for SHA-1 (20): dnspython accepts them; named-checkzone 9.18 refuses the file earlier (a form it does not parse)',
  },
  'simdzone/tests/zones/xbounds.zone': {
    kind: 'follows-named',
    reason:
      'the name redaction made CNAME and other data at one name and NSEC3 owners that are not base32hex: named-checkzone refuses it too',
  },
  'octodns-bind/tests/zones/unit.tests.': {
    kind: 'follows-named',
    reason: 'octoDNS accepts a DS at the apex and NS without addresses; named-checkzone refuses',
  },
  'dnscontrol/commands/test_data/ds.com.zone': {
    kind: 'follows-named',
    reason: 'a DS without a delegation (and no NS at all): named-checkzone refuses it too',
  },
  'bind9/tests/dns/testdata/master/master4.data': {
    kind: 'follows-named',
    reason: "no apex NS: BIND's loader unit test accepts it, named-checkzone (and ns-missing) refuse it",
  },
  'bind9/tests/dns/testdata/master/master6.data': {
    kind: 'follows-named',
    reason: "no apex NS: BIND's loader unit test accepts it, named-checkzone (and ns-missing) refuse it",
  },
  'bind9/tests/dns/testdata/master/master11.data': {
    kind: 'follows-named',
    reason: "no apex NS: BIND's loader unit test accepts it, named-checkzone (and ns-missing) refuse it",
  },
  'nsd/tpkg/bug024_zonec_soa.tdir/bug024_zonec_soa.zone': {
    kind: 'follows-named',
    reason: 'no apex NS: NSD accepts it, named-checkzone and kzonecheck (and ns-missing) refuse it',
  },
  'nsd/tpkg/bug087_parse_at.tdir/bug087_parse_at.zone': {
    kind: 'follows-named',
    reason: 'no apex NS: NSD accepts it, named-checkzone and kzonecheck (and ns-missing) refuse it',
  },
  'nsd/tpkg/bug128_backslash_eos.tdir/bug128_backslash_eos.zone': {
    kind: 'follows-named',
    reason: 'no apex NS: NSD accepts it, named-checkzone and kzonecheck (and ns-missing) refuse it',
  },
  'knot/tests/knot/semantic_check_data/glue_besides.missing': {
    kind: 'follows-named',
    reason: 'a delegation without its required glue: Knot refuses it, named only warns (missing-glue is a warning)',
  },
  'bind9/bin/tests/system/checkzone/zones/bad-_dns-svcb1.db': {
    kind: 'follows-named',
    reason: "RFC 9461's rules for DNS server SVCB are a warning (dns-svcb) for BIND: named 9.18 does not check them",
  },
  'bind9/bin/tests/system/checkzone/zones/bad-_dns-svcb2.db': {
    kind: 'follows-named',
    reason: "RFC 9461's rules for DNS server SVCB are a warning (dns-svcb) for BIND: named 9.18 does not check them",
  },
  'bind9/bin/tests/system/checkzone/zones/bad-ds-2.db': {
    kind: 'follows-named',
    reason:
      'a DS without NS at its name is a warning (ds-not-at-delegation) for BIND: named 9.18, Knot and NSD load it',
  },
  'nsd/tpkg/unknown_rr.tdir/unknown_rr.zone': {
    kind: 'follows-named',
    reason: 'TYPE200-202 are in the meta range 128-255 (meta-range-type): NSD loads them, named and Knot refuse',
  },
  'nsd/tpkg/rr-test.tdir/rr-test.zone': {
    kind: 'follows-named',
    reason: 'MD and MF records (obsolete-md-mf) and an X25 address in text: NSD loads them, named refuses',
  },
};

/** Files where named-checkzone's verdict differs from ours (only files it loaded or refused), with the reason. */
const namedDifferences: Readonly<Record<string, string>> = {
  'bind9/bin/tests/system/checkzone/zones/bad-eui64-trailing-garbage.db':
    'EUI64 with trailing data is refused here, as the upstream test expects ("bad EUI"); named 9.18 loads it',
  'bind9/tests/dns/testdata/master/master16.data':
    "its 65512 octets of TXT rdata are the most a DNS message can carry, as BIND's loader test says (it loads); named-checkzone 9.18 runs out of buffer space",
  'nsd/tpkg/svcb.tdir/svcb.test-vectors-pf.zone':
    'SvcParamKeys registered after named 9.18 (ohttp 8, tls-supported-groups 9, docpath 10, pvd 11, oots 12) are known here; named 9.18 refuses the file at ohttp',
};

/** A signed zone: kzonecheck then runs its DNSSEC checks, which the linter does not make. */
const knotSigned =
  'a signed zone (RRSIG over the apex SOA): kzonecheck runs its DNSSEC checks (signatures, NSEC/NSEC3 chains, key and NSEC3PARAM parameters), which the linter does not verify';

/** Files where kzonecheck's verdict differs from the knot profile's, with the reason. */
const knotDifferences: Readonly<Record<string, string>> = {
  'bind9/bin/tests/system/checkzone/zones/bad-nsec3-padded.db':
    'Knot reads base32hex with "=" padding in an NSEC3 next hashed owner; RFC 5155 has no padding (named refuses too), so bad-base32 stays an error',
  'bind9/bin/tests/system/checkzone/zones/good-nsec3-nopadhash.db':
    'Knot wants base32hex in whole 8-character groups; a 5-character next hashed owner is valid RFC 5155 text (named loads it), not checked here',
  'bind9/bin/tests/system/checkzone/zones/warn.deprecated.ds-alg.db': knotSigned,
  'bind9/bin/tests/system/checkzone/zones/warn.deprecated.rsasha1.db': knotSigned,
  'knot/tests/knot/semantic_check_data/nsec3_chain_01.signed': knotSigned,
  'knot/tests/knot/semantic_check_data/nsec3_param_invalid.signed': knotSigned,
  'knot/tests/knot/semantic_check_data/dnskey_param_error.signed': knotSigned,
  'nsd/tpkg/nsec3_zone.tdir/nsec3_zone.zone': knotSigned,
  'nsd/tpkg/cutest_qroot.tdir/root.zone': knotSigned,
  'pdns/regression-tests.nobackend/zonemd-test-cases/zones/45-root-zone/root.zone.signed': knotSigned,
  'bind9/tests/dns/testdata/master/master15.data':
    'TXT rdata of 65513 octets cannot travel in a DNS message; Knot loads it, named refuses it and so do we',
  'bind9/bin/tests/system/unknown/ns1/broken3.db':
    'RFC 3597 rdata that is not valid for its type (an A of 5 octets): Knot loads it as it is, named (and we) refuse it',
  'bind9/bin/tests/system/unknown/ns1/broken4.db':
    'RFC 3597 SOA rdata with a compressed name: Knot loads it as it is, named (and we) refuse it',
  'bind9/bin/tests/system/unknown/ns1/broken5.db':
    'TYPE255 (ANY) in generic form: Knot loads it, named (and meta-type) refuse a query type in a zone',
  'nsd/tpkg/ipseckey.tdir/ipseckey.zone':
    'IPSECKEY with algorithm 2 and no public key (RFC 4025 section 2.4 allows none only with algorithm 0): Knot loads it, named (and we) refuse it',
};

/** Files dns-zonefile's syntax allows that still differ record by record, with the reason. */
const peerDifferences: Readonly<Record<string, string>> = {};

/** The ratio the issue aims at: agreement with `expect` on the files that state valid or invalid. */
const expectAim = 0.95;

describe('corpus: ../shared/zones against expect, named-checkzone, kzonecheck and dns-zonefile', function () {
  this.timeout(300000);
  const results = new Map<string, { entry: CorpusEntry; lint: CorpusLint }>();

  before(function () {
    if (!corpusAvailable()) {
      console.log(
        `      skipped: the shared zone corpus is not at ${zonesRoot} (it lives beside the project, ../shared/zones)`,
      );
      this.skip();
    }
    for (const entry of readManifest()) results.set(entry.file, { entry, lint: lintCorpusFile(entry) });
  });

  it('never throws and keeps every range inside its file', () => {
    assert.ok(results.size > 200, `the manifest lists ${results.size} files`);
    for (const { entry, lint } of results.values()) {
      for (const diagnostic of lint.diagnostics) {
        if (diagnostic.file !== undefined) continue;
        assert.ok(diagnostic.range.end.offset <= lint.text.length, `${entry.file}: ${diagnostic.code} beyond the end`);
      }
    }
  });

  it('agrees with expect, except for the differences listed with their reasons', () => {
    const unexplained: string[] = [];
    let stated = 0;
    let agreed = 0;
    const kinds = new Map<string, number>();
    for (const { entry, lint } of results.values()) {
      const expected = statedVerdict(entry.expect);
      if (expected === undefined) continue;
      stated++;
      if (expected === lint.harnessVerdict) agreed++;
      else {
        const listed = expectDifferences[entry.file];
        if (listed === undefined) unexplained.push(explain(entry.file, expected, lint.harnessVerdict, lint));
        else kinds.set(listed.kind, (kinds.get(listed.kind) ?? 0) + 1);
      }
    }
    const stale = Object.keys(expectDifferences).filter((file) => {
      const result = results.get(file);
      return result !== undefined && statedVerdict(result.entry.expect) === result.lint.harnessVerdict;
    });
    if (stale.length > 0) console.log(`      now agreeing with expect (remove from the list): ${stale.join(', ')}`);
    console.log(
      `      agreement with expect: ${agreed}/${stated} = ${((100 * agreed) / stated).toFixed(1)} % (aim ${expectAim * 100} %);` +
        ` listed differences: ${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}`,
    );
    assert.deepEqual(unexplained, [], 'differences from expect without a listed reason');
  });

  it('agrees with named-checkzone, except for the differences listed with their reasons', () => {
    const named = readNamedVerdicts();
    const unexplained: string[] = [];
    let compared = 0;
    let agreed = 0;
    for (const { entry, lint } of results.values()) {
      const reference = named.get(entry.file);
      if (reference === undefined) continue;
      compared++;
      if (reference.verdict === lint.verdict) agreed++;
      else if (namedDifferences[entry.file] === undefined) {
        unexplained.push(`${explain(entry.file, reference.verdict, lint.verdict, lint)} (named: ${reference.message})`);
      }
    }
    const stale = Object.keys(namedDifferences).filter((file) => {
      const result = results.get(file);
      return result !== undefined && named.get(file)?.verdict === result.lint.verdict;
    });
    if (stale.length > 0)
      console.log(`      now agreeing with named-checkzone (remove from the list): ${stale.join(', ')}`);
    console.log(
      `      agreement with named-checkzone: ${agreed}/${compared} = ${((100 * agreed) / compared).toFixed(1)} %`,
    );
    assert.deepEqual(unexplained, [], 'differences from named-checkzone without a listed reason');
  });

  it('agrees with kzonecheck in the knot profile, except for the differences listed with their reasons', () => {
    const knot = readReferenceVerdicts('kzonecheck');
    const unexplained: string[] = [];
    let compared = 0;
    let agreed = 0;
    for (const { entry } of results.values()) {
      const reference = knot.get(entry.file);
      if (reference === undefined) continue;
      compared++;
      const lint = lintCorpusFile(entry, 'knot');
      if (reference.verdict === lint.verdict) agreed++;
      else if (knotDifferences[entry.file] === undefined) {
        unexplained.push(
          `${explain(entry.file, reference.verdict, lint.verdict, lint)} (kzonecheck: ${reference.message})`,
        );
      }
    }
    console.log(
      `      agreement of the knot profile with kzonecheck: ${agreed}/${compared} = ${((100 * agreed) / compared).toFixed(1)} %`,
    );
    assert.deepEqual(unexplained, [], 'differences from kzonecheck without a listed reason');
  });

  it('gives the same records as dns-zonefile on every file within the syntax it reads', async () => {
    const { default: zonefile } = await import('dns-zonefile');
    const unexplained: string[] = [];
    let compared = 0;
    for (const { entry, lint } of results.values()) {
      if (peerLimitation(lint.text, lint.result.records) !== undefined) continue;
      if (lint.result.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) continue;
      let peer: Record<string, unknown>;
      try {
        peer = zonefile.parse(lint.text) as unknown as Record<string, unknown>;
      } catch {
        continue;
      }
      compared++;
      const difference = tupleDifference(ourTuples(lint.result.records), peerTuples(peer, lint.origin));
      if (difference.onlyOurs.length + difference.onlyPeer.length === 0 || peerDifferences[entry.file] !== undefined) {
        continue;
      }
      unexplained.push(
        `${entry.file}: only ours ${difference.onlyOurs.slice(0, 3).join(' | ')}; only dns-zonefile ${difference.onlyPeer.slice(0, 3).join(' | ')}`,
      );
    }
    console.log(`      files compared record by record with dns-zonefile: ${compared}`);
    assert.ok(compared >= 30, `only ${compared} files were comparable`);
    assert.deepEqual(unexplained, []);
  });
});

function explain(file: string, expected: Verdict, actual: Verdict, lint: CorpusLint): string {
  return `${file}: expected ${expected}, lint says ${actual}${actual === 'invalid' ? ` (${firstErrors(lint)})` : ''}`;
}
