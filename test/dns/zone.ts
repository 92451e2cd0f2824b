import { MALWARE_CLOUD_HOSTS } from '../../lib/dns/settings';
import { REGIONS } from '../../lib/knowledge/regions';

/** A name's records in the test zone; a name absent from the zone is NXDOMAIN. */
export interface ZoneEntry {
  cname?: string;
  a?: string[];
  aaaa?: string[];
  ttl?: number;
}

export type Zone = Record<string, ZoneEntry>;

export type ZoneRecordType = 'A' | 'AAAA' | 'CNAME';

export interface ZoneRecord {
  name: string;
  type: ZoneRecordType;
  ttl: number;
  data: string;
}

/** The name that stays NXDOMAIN, to show a region failing (India's API host). */
export const NXDOMAIN_HOST = 'api.in.sse.itd.cisco.com';
/** A name that exists with no address: NOERROR and an empty answer. */
export const NODATA_HOST = 'no-address.example.test';

/**
 * Like the TAC note's nslookup: api-sse.cisco.com is a CNAME to Akamai's akadns.net name, which has two
 * addresses (and here an IPv6 one). Every other required host resolves directly, except NXDOMAIN_HOST.
 * Addresses come from the documentation ranges (RFC 5737, RFC 3849).
 */
export function defaultZone(): Zone {
  const zone: Zone = {
    'api-sse.cisco.com': { cname: 'api-sse.cisco.com.akadns.net', ttl: 60 },
    'api-sse.cisco.com.akadns.net': { a: ['192.0.2.110', '198.51.100.16'], aaaa: ['2001:db8::110'], ttl: 20 },
    'api.eu.sse.itd.cisco.com': { a: ['203.0.113.30'], ttl: 300 },
    [NODATA_HOST]: {},
  };
  const others = REGIONS.flatMap((region) => [region.apiHost, ...region.otherHosts])
    .concat(MALWARE_CLOUD_HOSTS)
    .filter((name) => !name.includes('*') && !(name in zone) && name !== NXDOMAIN_HOST);
  others.forEach((name, i) => {
    zone[name] = { a: [`203.0.113.${100 + i}`], ttl: 300 };
  });
  return zone;
}

function plain(name: string): string {
  return name.trim().replace(/\.$/, '').toLowerCase();
}

/** What a recursive resolver would answer from this zone: it follows CNAMEs and keeps them in the answer. */
export function answerFromZone(
  zone: Zone,
  name: string,
  type: ZoneRecordType | string,
): { rcode: 0 | 3; records: ZoneRecord[] } {
  const records: ZoneRecord[] = [];
  let current = plain(name);
  for (let step = 0; step < 10; step++) {
    const entry = zone[current];
    if (!entry) return { rcode: 3, records };
    const ttl = entry.ttl ?? 300;
    if (entry.cname) {
      records.push({ name: current, type: 'CNAME', ttl, data: plain(entry.cname) });
      if (type === 'CNAME') return { rcode: 0, records };
      current = plain(entry.cname);
      continue;
    }
    const data = type === 'A' ? entry.a : type === 'AAAA' ? entry.aaaa : undefined;
    for (const address of data ?? [])
      records.push({ name: current, type: type as ZoneRecordType, ttl, data: address });
    return { rcode: 0, records };
  }
  return { rcode: 0, records };
}
