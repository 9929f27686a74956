/** Checks RFC 3597 generic rdata of a known type against that type's wire layout (RFC 3597 section 5). */

type WirePart = 'name' | 'names' | 'u16' | 'u32' | 'string' | 'strings' | 'svcparams' | 'hip';

const layouts: Readonly<Partial<Record<string, readonly WirePart[]>>> = {
  NS: ['name'],
  CNAME: ['name'],
  PTR: ['name'],
  DNAME: ['name'],
  MX: ['u16', 'name'],
  KX: ['u16', 'name'],
  AFSDB: ['u16', 'name'],
  SRV: ['u16', 'u16', 'u16', 'name'],
  SOA: ['name', 'name', 'u32', 'u32', 'u32', 'u32', 'u32'],
  TXT: ['strings'],
  SPF: ['strings'],
  HINFO: ['string', 'string'],
  SVCB: ['u16', 'name', 'svcparams'],
  HTTPS: ['u16', 'name', 'svcparams'],
  HIP: ['hip', 'names'],
};

/** A cursor over rdata octets; each read returns a problem or undefined. */
class WireReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  get left(): number {
    return this.bytes.length - this.at;
  }

  skip(count: number, what: string): string | undefined {
    this.at += count;
    return this.at > this.bytes.length ? `${what} runs past the end` : undefined;
  }

  u8(): number | undefined {
    return this.bytes[this.at++];
  }

  u16(): number | undefined {
    const high = this.bytes[this.at];
    const low = this.bytes[this.at + 1];
    this.at += 2;
    return high === undefined || low === undefined ? undefined : (high << 8) | low;
  }

  name(): string | undefined {
    let length = 1;
    for (;;) {
      const label = this.u8();
      if (label === undefined) return 'a domain name runs past the end';
      if (label & 0xc0) return 'a domain name uses compression, which zone data may not';
      length += label + 1;
      if (length > 256) return 'a domain name is longer than 255 octets';
      if (label === 0) return undefined;
      const problem = this.skip(label, 'a domain name');
      if (problem) return problem;
    }
  }

  string(): string | undefined {
    const size = this.u8();
    if (size === undefined) return 'a character-string is missing';
    return this.skip(size, 'a character-string');
  }

  /** SvcParams: key, length, value; keys strictly increasing (RFC 9460 section 2.2). */
  svcParams(): string | undefined {
    let previous = -1;
    while (this.left > 0) {
      const key = this.u16();
      const length = this.u16();
      if (key === undefined || length === undefined) return 'an SvcParam header runs past the end';
      if (key <= previous) return 'SvcParam keys are not in strictly increasing order';
      previous = key;
      const problem = this.skip(length, `SvcParam key${key}`);
      if (problem) return problem;
    }
    return undefined;
  }

  /** HIP: HIT length, algorithm, public key length, then the HIT and the key (RFC 8005 section 5). */
  hip(): string | undefined {
    const hitLength = this.u8();
    this.u8();
    const keyLength = this.u16();
    if (hitLength === undefined || keyLength === undefined) return 'the HIP header runs past the end';
    return this.skip(hitLength + keyLength, 'the HIT and public key');
  }
}

function readPart(reader: WireReader, part: WirePart): string | undefined {
  switch (part) {
    case 'u16':
      return reader.skip(2, 'a 16-bit field');
    case 'u32':
      return reader.skip(4, 'a 32-bit field');
    case 'name':
      return reader.name();
    case 'names':
      while (reader.left > 0) {
        const problem = reader.name();
        if (problem) return problem;
      }
      return undefined;
    case 'string':
      return reader.string();
    case 'strings':
      do {
        const problem = reader.string();
        if (problem) return problem;
      } while (reader.left > 0);
      return undefined;
    case 'svcparams':
      return reader.svcParams();
    case 'hip':
      return reader.hip();
  }
}

/** Why hex data does not have the wire layout of `type`, or undefined when it does (or the layout is not known). */
export function checkWireForm(type: string, hex: string): string | undefined {
  const layout = layouts[type];
  if (!layout) return undefined;
  const reader = new WireReader(Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16)));
  for (const part of layout) {
    const problem = readPart(reader, part);
    if (problem) return problem;
  }
  return reader.left === 0 ? undefined : `${reader.left} octets are left over`;
}
