import { checkHostName, describeHostNameProblem } from './names';
import type { DnsAnswer, DnsLookupResult, DnsQueryResult, DnsResolver, DnsStatus } from './types';

export { createDohResolver } from './doh';
export { formatNslookup } from './nslookup';
export { createSystemResolver } from './system';

// Real chains are two or three steps; the bound only stops a resolver that answers with a loop.
const MAX_CHAIN = 16;

/** name → … → canonical name, following the CNAME answers from the name asked. */
export function cnameChain(name: string, answers: readonly DnsAnswer[]): string[] {
  const targets = new Map<string, string>();
  for (const answer of answers) {
    if (answer.type === 'CNAME' && !targets.has(answer.name)) targets.set(answer.name, answer.data);
  }
  const chain = [name];
  let current = name;
  for (let step = 0; step < MAX_CHAIN; step++) {
    const next = targets.get(current);
    if (!next || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

function mergeAnswers(results: readonly DnsQueryResult[]): DnsAnswer[] {
  const seen = new Set<string>();
  const merged: DnsAnswer[] = [];
  for (const answer of results.flatMap((result) => result.answers)) {
    const key = `${answer.name}|${answer.type}|${answer.data}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(answer);
  }
  return merged;
}

/**
 * One verdict for the host from its A and AAAA answers. Any address means it resolves (an IPv4-only host is
 * healthy even if Firefox reports "unknown host" for its IPv6 question); otherwise a definite NXDOMAIN beats a
 * failure of the other question, and a failure beats "no data", which could hide an address we never got.
 */
function verdict(
  results: readonly DnsQueryResult[],
  addresses: readonly string[],
): Pick<DnsLookupResult, 'status' | 'error'> {
  if (addresses.length) return { status: 'ok' };
  if (results.some((result) => result.status === 'nxdomain')) return { status: 'nxdomain' };
  const failed = results.find((result) => result.status === 'error');
  if (failed) return { status: 'error', ...(failed.error ? { error: failed.error } : {}) };
  return { status: 'no-data' satisfies DnsStatus };
}

/** What `nslookup <name>` shows: A and AAAA asked in parallel, the CNAME chain, the addresses, the time. */
export async function lookupHost(
  name: string,
  resolver: DnsResolver,
  options: { signal?: AbortSignal } = {},
): Promise<DnsLookupResult> {
  const started = performance.now();
  const info = { kind: resolver.kind, label: resolver.label };
  const host = checkHostName(name);
  if (!host.ok) {
    return {
      name: name.trim(),
      resolver: info,
      status: 'error',
      answers: [],
      cnameChain: [],
      addresses: [],
      ms: 0,
      error: { code: 'invalid-name', message: describeHostNameProblem(host.problem) },
    };
  }
  const results = await Promise.all([
    resolver.resolve(host.name, 'A', options.signal),
    resolver.resolve(host.name, 'AAAA', options.signal),
  ]);
  const answers = mergeAnswers(results);
  const addresses = [
    ...answers.filter((answer) => answer.type === 'A'),
    ...answers.filter((answer) => answer.type === 'AAAA'),
  ].map((answer) => answer.data);
  return {
    name: host.name,
    resolver: info,
    ...verdict(results, addresses),
    answers,
    cnameChain: cnameChain(host.name, answers),
    addresses: [...new Set(addresses)],
    ms: Math.round(performance.now() - started),
  };
}

/** The region's hosts, each looked up on its own so one slow name does not hold back the others' results. */
export function lookupHosts(
  names: readonly string[],
  resolver: DnsResolver,
  options: { signal?: AbortSignal } = {},
): Promise<DnsLookupResult>[] {
  return names.map((name) => lookupHost(name, resolver, options));
}

/**
 * What a lookup observed about the name (issue 19's "a false DNS answer"): it resolves; the resolver said it does
 * not (NXDOMAIN, no address, or SERVFAIL: the resolver tried and failed on this name); or nothing was learnt
 * about the name, because the resolver could not be reached, timed out, refused, or answered something that is
 * not DNS. Only the first two may be shown as an answer; the third is "not checked".
 */
export type LookupOutcome = 'resolves' | 'does-not-resolve' | 'not-checked';

export function lookupOutcome(
  result: Pick<DnsLookupResult, 'status' | 'addresses' | 'error'>,
): LookupOutcome {
  if (result.status === 'ok') return result.addresses.length > 0 ? 'resolves' : 'does-not-resolve';
  if (result.status === 'nxdomain' || result.status === 'no-data') return 'does-not-resolve';
  return result.error?.code === 'servfail' ? 'does-not-resolve' : 'not-checked';
}
