import { DeadlineError, withDeadline } from './deadline';
import { canonicalName, checkHostName, describeHostNameProblem } from './names';
import type { DnsAnswer, DnsError, DnsQueryResult, DnsResolver, RecordType } from './types';

/** The part of Firefox's `browser.dns` the lookups use (needs the `dns` permission, Firefox only). */
export interface FirefoxDnsApi {
  resolve(hostname: string, flags?: FirefoxResolveFlag[]): Promise<FirefoxDnsRecord>;
}

export type FirefoxResolveFlag =
  | 'bypass_cache'
  | 'canonical_name'
  | 'disable_ipv4'
  | 'disable_ipv6'
  | 'disable_trr'
  | 'offline'
  | 'priority_low'
  | 'priority_medium'
  | 'speculate'
  | 'allow_name_collisions';

/** MDN documents `addresses`, `canonicalName` and `isTRR`; the TTL fields exist only in some versions. */
export interface FirefoxDnsRecord {
  addresses: string[];
  canonicalName?: string;
  isTRR?: boolean | string;
  TTL?: number;
  isTTLValid?: boolean;
}

export const SYSTEM_RESOLVER_LABEL = 'Firefox system resolver';
export const DEFAULT_SYSTEM_TIMEOUT_MS = 10000;

/**
 * - `disable_trr`: Firefox may have its own DNS-over-HTTPS (TRR) switched on; the point here is the
 *   operating system's resolver, the one nslookup on this computer would use.
 * - `bypass_cache`: the admin clicks after changing something, so a cached answer would mislead.
 * - `disable_ipv4/6`: Firefox answers by address family, not record type; this is how A and AAAA are asked.
 */
function flagsFor(type: RecordType): FirefoxResolveFlag[] {
  const flags: FirefoxResolveFlag[] = ['canonical_name', 'bypass_cache', 'disable_trr'];
  if (type === 'A') flags.push('disable_ipv6');
  if (type === 'AAAA') flags.push('disable_ipv4');
  return flags;
}

/**
 * Firefox rejects with the XPCOM error name as the message. It gives no per-record types and no RCODE: a
 * name that does not exist and DNS servers that do not answer both come back as NS_ERROR_UNKNOWN_HOST.
 */
function classifyFailure(error: unknown): { status: 'nxdomain' } | { status: 'error'; error: DnsError } {
  if (error instanceof DeadlineError) {
    return {
      status: 'error',
      error: { code: 'timeout', message: error.message, timeoutMs: error.timeoutMs },
    };
  }
  const message =
    error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  if (message.includes('NS_ERROR_UNKNOWN_HOST')) return { status: 'nxdomain' };
  if (/NS_ERROR_OFFLINE|NS_ERROR_UNKNOWN_PROXY_HOST|NS_ERROR_NET_/.test(message)) {
    return { status: 'error', error: { code: 'unreachable', message } };
  }
  return { status: 'error', error: { code: 'servfail', message } };
}

function toAnswers(name: string, type: RecordType, record: FirefoxDnsRecord): DnsAnswer[] {
  const ttl = record.isTTLValid && typeof record.TTL === 'number' ? record.TTL : 0;
  const canonical = record.canonicalName ? canonicalName(record.canonicalName) : name;
  const answers: DnsAnswer[] = [];
  // Only the end of the chain is known, so a multi-step chain shows as one step.
  if (canonical !== name) answers.push({ name, type: 'CNAME', ttl, data: canonical });
  if (type === 'CNAME') return answers;
  for (const address of record.addresses) {
    // Classified by shape too, in case a Firefox version ignores the family flags.
    const family: RecordType = address.includes(':') ? 'AAAA' : 'A';
    if (family === type) answers.push({ name: canonical, type, ttl, data: address.toLowerCase() });
  }
  return answers;
}

export function createSystemResolver(
  dnsApi: FirefoxDnsApi | undefined,
  options: { timeoutMs?: number } = {},
): DnsResolver {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYSTEM_TIMEOUT_MS;
  return {
    kind: 'system',
    label: SYSTEM_RESOLVER_LABEL,
    async resolve(input, type, signal) {
      const started = performance.now();
      const host = checkHostName(input);
      if (!host.ok) {
        return {
          name: input.trim(),
          type,
          status: 'error',
          answers: [],
          ms: 0,
          error: { code: 'invalid-name', message: describeHostNameProblem(host.problem) },
        };
      }
      const base = { name: host.name, type };
      if (typeof dnsApi?.resolve !== 'function') {
        return {
          ...base,
          status: 'error',
          answers: [],
          ms: 0,
          error: { code: 'not-allowed', message: 'browser.dns is not available' },
        };
      }
      try {
        const record = await withDeadline(() => dnsApi.resolve(host.name, flagsFor(type)), timeoutMs, signal);
        const answers = toAnswers(host.name, type, record);
        const found = answers.some((answer) => answer.type === type);
        return {
          ...base,
          status: found ? 'ok' : 'no-data',
          answers,
          ms: Math.round(performance.now() - started),
        };
      } catch (error) {
        if (signal?.aborted) throw error;
        return {
          ...base,
          ...classifyFailure(error),
          answers: [],
          ms: Math.round(performance.now() - started),
        } satisfies DnsQueryResult;
      }
    },
  };
}
