/** The record types the quick lookups ask for: what `nslookup` shows for a host. */
export type RecordType = 'A' | 'AAAA' | 'CNAME';

export const RECORD_TYPE_CODES = { A: 1, CNAME: 5, AAAA: 28 } as const satisfies Record<RecordType, number>;

export function recordTypeFromCode(code: number): RecordType | undefined {
  if (code === 1) return 'A';
  if (code === 5) return 'CNAME';
  if (code === 28) return 'AAAA';
  return undefined;
}

/** One answer record. Names carry no trailing dot and are lower case, so they compare as strings. */
export interface DnsAnswer {
  name: string;
  type: RecordType;
  ttl: number;
  /** An address for A/AAAA, the target name for CNAME. */
  data: string;
}

export type DnsErrorCode =
  | 'unreachable'
  | 'refused'
  | 'servfail'
  | 'timeout'
  | 'bad-response'
  | 'http-status'
  | 'invalid-name'
  | 'not-allowed';

export interface DnsError {
  code: DnsErrorCode;
  /** Technical detail in English (an exception text, an RCODE): shown under the translated message. */
  message?: string;
  /** The HTTP status of an `http-status` error. */
  httpStatus?: number;
  /** The deadline of a `timeout` error, so the message can say how long the resolver had. */
  timeoutMs?: number;
}

/**
 * `no-data`: the name exists but has no record of the asked type (NOERROR, empty answer).
 * `nxdomain`: the name does not exist (RCODE 3), or Firefox's resolver found nothing for it.
 */
export type DnsStatus = 'ok' | 'nxdomain' | 'no-data' | 'error';

export type ResolverKind = 'doh-json' | 'doh-wire' | 'system';

export interface DnsResolverInfo {
  kind: ResolverKind;
  /** The DoH URL, or 'Firefox system resolver'. */
  label: string;
}

/** The answer to one question (one name, one type). */
export interface DnsQueryResult {
  name: string;
  type: RecordType;
  status: DnsStatus;
  answers: DnsAnswer[];
  ms: number;
  error?: DnsError;
}

/** What `nslookup <name>` shows: A and AAAA together, with the CNAME chain that led to them. */
export interface DnsLookupResult {
  name: string;
  resolver: DnsResolverInfo;
  status: DnsStatus;
  answers: DnsAnswer[];
  /** name → … → canonical name; just `[name]` when there is no CNAME. */
  cnameChain: string[];
  /** A addresses, then AAAA. */
  addresses: string[];
  ms: number;
  error?: DnsError;
}

/** Shared by DoH and Firefox's `browser.dns`, so the lookups and the UI do not care which one answers. */
export interface DnsResolver extends DnsResolverInfo {
  /** Resolves to a result, errors included; rejects only when `signal` is aborted by the caller. */
  resolve(name: string, type: RecordType, signal?: AbortSignal): Promise<DnsQueryResult>;
}
