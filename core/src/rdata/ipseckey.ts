/** IPSECKEY (RFC 4025): precedence, gateway type, algorithm, a gateway of that type and an optional public key. */
import { isIpv4, isIpv6 } from './address';
import { readBase64 } from './encodings';
import { RdataReader } from './reader';
import type { RdataParser } from './types';

/** RFC 4025 section 2.3 gateway types, with what the gateway field must be. */
const GATEWAY_FORMS: Readonly<Record<number, string>> = {
  0: '"." (no gateway)',
  1: 'an IPv4 address',
  2: 'an IPv6 address',
  3: 'a domain name',
};

export const parseIpseckey: RdataParser = (tokens, context) => {
  const reader = new RdataReader(tokens, context, 'IPSECKEY');
  reader.integer('precedence', 255);
  const gatewayTypeToken = reader.peek();
  const gatewayType = reader.integer('gateway_type', 255);
  if (gatewayTypeToken && gatewayType !== undefined && GATEWAY_FORMS[gatewayType] === undefined) {
    reader.report('bad-rdata', `IPSECKEY gateway type ${gatewayType} is not defined (0 to 3).`, gatewayTypeToken.range);
  }
  const algorithm = reader.integer('algorithm', 255);
  // One missing-rdata is enough when the record stops early.
  if (reader.hasErrors && reader.remaining === 0) return reader.result();
  if (gatewayType === 3) reader.name('gateway');
  else {
    const gateway = reader.take('gateway');
    if (gateway) {
      reader.tokenField('gateway', gateway.text, gateway);
      const fits =
        gatewayType === undefined ||
        (gatewayType === 0 && gateway.text === '.') ||
        (gatewayType === 1 && isIpv4(gateway.text)) ||
        (gatewayType === 2 && isIpv6(gateway.text)) ||
        GATEWAY_FORMS[gatewayType] === undefined;
      if (!fits) {
        reader.report(
          'bad-rdata',
          `IPSECKEY gateway type ${gatewayType} needs ${GATEWAY_FORMS[gatewayType] ?? 'a gateway'} here, not "${gateway.text}".`,
          gateway.range,
        );
      }
    }
  }
  // RFC 4025 section 2.4: algorithm 0 means that no key is present; any other algorithm needs its key.
  if (!reader.hasErrors) readBase64(reader, 'public_key', { allowEmpty: algorithm === 0 });
  return reader.result();
};
