import { describe, expect, it } from 'vitest';
import {
  DNS_MESSAGES,
  DNS_NOTES,
  DNS_STATUS_MESSAGES,
  DNS_SYSTEM_MESSAGES,
  describeDnsError,
  describeLookup,
} from '../../lib/dns/error-text';
import { RESOLVER_URL_PROBLEMS } from '../../lib/dns/settings';
import type { DnsErrorCode, DnsLookupResult } from '../../lib/dns/types';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const ALL = { DNS_MESSAGES, DNS_SYSTEM_MESSAGES, DNS_STATUS_MESSAGES, DNS_NOTES, RESOLVER_URL_PROBLEMS };
const CODES: DnsErrorCode[] = [
  'unreachable',
  'refused',
  'servfail',
  'timeout',
  'bad-response',
  'http-status',
  'invalid-name',
  'not-allowed',
];

describe('DNS messages', () => {
  it('exist for every error code', () => {
    expect(Object.keys(DNS_MESSAGES).sort()).toEqual([...CODES].sort());
  });

  it('say the same things in English and French', () => {
    for (const [group, messages] of Object.entries(ALL)) {
      for (const [key, texts] of Object.entries(messages as Record<string, { en: string; fr: string }>)) {
        expect(texts.en.trim(), `${group}.${key}`).not.toBe('');
        expect(texts.fr.trim(), `${group}.${key}`).not.toBe('');
        expect(texts.fr, `${group}.${key}`).not.toBe(texts.en);
        expect(placeholders(texts.fr), `${group}.${key}`).toEqual(placeholders(texts.en));
      }
    }
  });

  it('fill in the resolver, the name, the status and the delay', () => {
    const doh = { kind: 'doh-json' as const, label: 'https://doh.corp.example/dns-query' };
    expect(describeDnsError({ code: 'unreachable' }, { resolver: doh, name: 'a.example' })).toContain(
      'https://doh.corp.example/dns-query cannot be reached',
    );
    expect(
      describeDnsError({ code: 'http-status', httpStatus: 502 }, { resolver: doh, name: 'a' }, 'fr'),
    ).toContain('statut HTTP 502');
    expect(describeDnsError({ code: 'timeout', timeoutMs: 5000 }, { resolver: doh, name: 'a' })).toContain(
      '5 s',
    );
    expect(describeDnsError({ code: 'servfail' }, { resolver: doh, name: 'a.example' })).toContain(
      'a.example',
    );
  });

  it('use Firefox wording for the system resolver', () => {
    const system = { kind: 'system' as const, label: 'Firefox system resolver' };
    const text = describeDnsError(
      { code: 'unreachable', message: 'NS_ERROR_OFFLINE' },
      { resolver: system, name: 'a' },
    );
    expect(text).toContain('NS_ERROR_OFFLINE');
    expect(text).not.toContain('DNS-over-HTTPS');
  });

  it('describe every lookup outcome but success', () => {
    const result = (patch: Partial<DnsLookupResult>): DnsLookupResult => ({
      name: 'api.in.sse.itd.cisco.com',
      resolver: { kind: 'doh-wire', label: 'https://dns.google/dns-query' },
      status: 'ok',
      answers: [],
      cnameChain: [],
      addresses: [],
      ms: 1,
      ...patch,
    });
    expect(describeLookup(result({}))).toBeUndefined();
    expect(describeLookup(result({ status: 'nxdomain' }))).toBe(
      'api.in.sse.itd.cisco.com does not exist (NXDOMAIN) according to https://dns.google/dns-query.',
    );
    expect(
      describeLookup(
        result({ status: 'nxdomain', resolver: { kind: 'system', label: 'Firefox system resolver' } }),
        'fr',
      ),
    ).toContain('cet ordinateur');
    expect(describeLookup(result({ status: 'no-data' }))).toContain('no address');
    expect(describeLookup(result({ status: 'error', error: { code: 'refused' } }))).toContain('REFUSED');
  });
});
