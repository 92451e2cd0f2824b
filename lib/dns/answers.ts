import { canonicalName } from './names';
import { type DnsAnswer, type DnsError, type DnsStatus, type RecordType, recordTypeFromCode } from './types';

/** A record from either DoH format, before it is known to be one the lookups read. */
export interface RawRecord {
  name: string;
  type: number;
  ttl: number;
  data: string | undefined;
}

/** Keeps A, AAAA and CNAME records (DNSSEC signatures and the like are dropped), names without trailing dots. */
export function toAnswers(records: readonly RawRecord[]): DnsAnswer[] {
  const answers: DnsAnswer[] = [];
  for (const record of records) {
    const type = recordTypeFromCode(record.type);
    if (!type || record.data === undefined) continue;
    answers.push({
      name: canonicalName(record.name),
      type,
      ttl: record.ttl,
      data: type === 'CNAME' ? canonicalName(record.data) : record.data.trim().toLowerCase(),
    });
  }
  return answers;
}

const RCODE_NAMES: Record<number, string> = {
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
};

/**
 * The outcome of one question from the response code and answers. NOERROR with only a CNAME for an A question
 * is `no-data`: the name exists, its canonical name has no address of that type.
 */
export function classify(
  rcode: number,
  type: RecordType,
  answers: readonly DnsAnswer[],
): { status: DnsStatus; error?: DnsError } {
  switch (rcode) {
    case 0:
      return { status: answers.some((answer) => answer.type === type) ? 'ok' : 'no-data' };
    case 2:
      return { status: 'error', error: { code: 'servfail', message: 'RCODE 2 (SERVFAIL)' } };
    case 3:
      return { status: 'nxdomain' };
    case 5:
      return { status: 'error', error: { code: 'refused', message: 'RCODE 5 (REFUSED)' } };
    default:
      return {
        status: 'error',
        error: {
          code: 'bad-response',
          message: `RCODE ${rcode}${RCODE_NAMES[rcode] ? ` (${RCODE_NAMES[rcode]})` : ''}`,
        },
      };
  }
}
