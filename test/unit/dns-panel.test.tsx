// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LookupResult, sharedProblem } from '../../components/dns/LookupResult';
import { type DnsLookupResult, lookupOutcome } from '../../lib/dns';
import { stubI18n } from './support/i18n-stub';

// Issue 19's "false DNS answer": a resolver that cannot be reached says nothing about a name. The name is "not
// checked", never "does not resolve", and the reason is said once for all names, not once per name.

const DOH = { kind: 'doh-json' as const, label: 'https://doh.example/dns-query' };
const result = (name: string, patch: Partial<DnsLookupResult> = {}): DnsLookupResult => ({
  name,
  resolver: DOH,
  status: 'ok',
  answers: [],
  cnameChain: [name],
  addresses: ['192.0.2.10'],
  ms: 12,
  ...patch,
});
const unreachable = (name: string) =>
  result(name, {
    status: 'error',
    addresses: [],
    error: { code: 'unreachable', message: 'Failed to fetch' },
  });

let container: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  stubI18n('en');
  container = document.createElement('ul');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('what a lookup observed', () => {
  it('resolves, does not resolve (NXDOMAIN, no address, SERVFAIL), or was not checked', () => {
    expect(lookupOutcome(result('a'))).toBe('resolves');
    expect(lookupOutcome(result('a', { status: 'nxdomain', addresses: [] }))).toBe('does-not-resolve');
    expect(lookupOutcome(result('a', { status: 'no-data', addresses: [] }))).toBe('does-not-resolve');
    expect(lookupOutcome(result('a', { status: 'error', addresses: [], error: { code: 'servfail' } }))).toBe(
      'does-not-resolve',
    );
    for (const code of [
      'unreachable',
      'timeout',
      'refused',
      'bad-response',
      'http-status',
      'not-allowed',
    ] as const)
      expect(lookupOutcome(result('a', { status: 'error', addresses: [], error: { code } })), code).toBe(
        'not-checked',
      );
  });

  it('shows an unreachable resolver as "not checked", never "does not resolve"', async () => {
    await act(() => render(<LookupResult result={unreachable('api-sse.cisco.com')} lang="en" />, container));
    const item = container.querySelector('[data-testid="dns-result"]') as HTMLElement;
    expect(item.dataset.outcome).toBe('not-checked');
    expect(item.dataset.ok).toBe('false');
    expect(item.querySelector('.state')?.textContent).toBe('not checked');
    expect(item.textContent).not.toContain('does not resolve');
    // A positive control: a name the resolver says does not exist reads so.
    await act(() =>
      render(
        <LookupResult result={result('nope.example', { status: 'nxdomain', addresses: [] })} lang="en" />,
        container,
      ),
    );
    expect(container.querySelector('.state')?.textContent).toBe('does not resolve');
  });

  it('says the same reason once for every name, and per name otherwise', () => {
    const hosts = ['api-sse.cisco.com', 'eventing-ingest.sse.itd.cisco.com', 'mx01.sse.itd.cisco.com'];
    const shared = sharedProblem(hosts.map(unreachable), 'en');
    expect(shared).toContain('cannot be reached');
    expect(sharedProblem([unreachable('a'), result('b')], 'en')).toBeUndefined();
    expect(
      sharedProblem(
        [unreachable('a'), result('b', { status: 'error', addresses: [], error: { code: 'timeout' } })],
        'en',
      ),
    ).toBeUndefined();
    expect(sharedProblem([unreachable('a')], 'en')).toBeUndefined();
  });
});
