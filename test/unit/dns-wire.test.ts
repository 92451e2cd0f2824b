import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DnsParseError,
  decodeMessage,
  encodeQuery,
  formatIpv6,
  fromBase64Url,
  toBase64Url,
} from '../../lib/dns/wire';
import { REAL_WORLD_RESPONSE } from '../dns/captured';
import { decodeQuestion, encodeResponse } from '../dns/wire-response';
import type { ZoneRecord } from '../dns/zone';

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));
const label = (text: string) => [text.length, ...ascii(text)];

describe('DNS wire queries', () => {
  it('match RFC 8484’s example GET for www.example.com A', () => {
    // RFC 8484 §4.1.1, byte for byte.
    expect(toBase64Url(encodeQuery('www.example.com', 'A'))).toBe(
      'AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB',
    );
  });

  it('encode AAAA and CNAME questions and ignore a trailing dot and case', () => {
    expect(encodeQuery('API-SSE.cisco.com.', 'AAAA')).toEqual(
      Uint8Array.from([
        0,
        0,
        1,
        0,
        0,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        ...label('api-sse'),
        ...label('cisco'),
        ...label('com'),
        0,
        0,
        28,
        0,
        1,
      ]),
    );
    expect(decodeQuestion(encodeQuery('a.b', 'CNAME'))).toEqual({ id: 0, name: 'a.b', type: 5 });
  });

  it('refuse labels that cannot go on the wire', () => {
    expect(() => encodeQuery(`${'a'.repeat(64)}.com`, 'A')).toThrow(DnsParseError);
    expect(() => encodeQuery('a..com', 'A')).toThrow(DnsParseError);
  });

  it('round-trip base64url without padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(() => fromBase64Url('abc+/=')).toThrow(DnsParseError);
  });
});

describe('DNS wire responses', () => {
  it('decode RFC 8484’s example AAAA answer', () => {
    // RFC 8484 §4.2.2.
    const hex =
      '00008180000100010000000003777777076578616d706c6503636f6d00001c0001c00c001c000100000e7d001020010db8abcd00120001000200030004';
    const bytes = Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
    const message = decodeMessage(bytes);
    expect(message).toMatchObject({ qr: true, rd: true, ra: true, rcode: 0 });
    expect(message.questions).toEqual([{ name: 'www.example.com', type: 28, class: 1 }]);
    expect(message.answers).toEqual([
      { name: 'www.example.com', type: 28, class: 1, ttl: 3709, data: '2001:db8:abcd:12:1:2:3:4' },
    ]);
  });

  it('decode a real-world-shaped answer: compressed names, a CNAME chain, a skipped RRSIG', () => {
    expect(REAL_WORLD_RESPONSE.length).toBe(160);
    const message = decodeMessage(REAL_WORLD_RESPONSE);
    expect(message.id).toBe(0x1234);
    expect(message.answers.map(({ name, type, ttl, data }) => [name, type, ttl, data])).toEqual([
      ['api-sse.cisco.com', 5, 60, 'api-sse.cisco.com.akadns.net'],
      ['api-sse.cisco.com.akadns.net', 5, 20, 'prod.sse.akadns.net'],
      ['prod.sse.akadns.net', 1, 20, '192.0.2.110'],
      ['prod.sse.akadns.net', 46, 20, undefined],
      ['prod.sse.akadns.net', 1, 20, '198.51.100.16'],
    ]);
  });

  it('read the response code', () => {
    const refused = Uint8Array.from(REAL_WORLD_RESPONSE.subarray(0, 35));
    refused[3] = 0x85;
    refused[7] = 0;
    refused[11] = 0;
    expect(decodeMessage(refused).rcode).toBe(5);
  });

  it('reject truncated and malformed messages', () => {
    expect(() => decodeMessage(Uint8Array.from([0, 0, 0x81]))).toThrow(/shorter than a header/);
    expect(() => decodeMessage(REAL_WORLD_RESPONSE.subarray(0, 120))).toThrow(/truncated/);
    const forward = Uint8Array.from(REAL_WORLD_RESPONSE);
    forward[36] = 35; // the first answer's owner now points at itself
    expect(() => decodeMessage(forward)).toThrow(/does not point backwards/);
    const badA = Uint8Array.from(REAL_WORLD_RESPONSE);
    badA[111] = 3; // A RDLENGTH 3
    expect(() => decodeMessage(badA)).toThrow(DnsParseError);
  });

  it('decode what an independent encoder writes, with its name compression', () => {
    const name = fc
      .array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/), { minLength: 1, maxLength: 4 })
      .map((labels) => labels.join('.'));
    const ipv4 = fc.ipV4();
    const ipv6 = fc
      .tuple(...Array.from({ length: 8 }, () => fc.integer({ min: 0, max: 0xffff })))
      .map((groups) => formatIpv6(Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff]))));
    const record = fc.oneof(
      fc.record({ name, type: fc.constant('A' as const), ttl: fc.nat(), data: ipv4 }),
      fc.record({ name, type: fc.constant('AAAA' as const), ttl: fc.nat(), data: ipv6 }),
      fc.record({ name, type: fc.constant('CNAME' as const), ttl: fc.nat(), data: name }),
    );
    fc.assert(
      fc.property(
        name,
        fc.array(record, { maxLength: 8 }),
        fc.integer({ min: 0, max: 5 }),
        (qname, records, rcode) => {
          const bytes = encodeResponse({
            id: 7,
            question: { name: qname, type: 1 },
            rcode,
            records: records as ZoneRecord[],
          });
          const message = decodeMessage(bytes);
          expect(message.rcode).toBe(rcode);
          expect(message.questions[0]?.name).toBe(qname);
          expect(message.answers.map(({ name, ttl, data }) => ({ name, ttl, data }))).toEqual(
            records.map(({ name, ttl, data }) => ({ name, ttl, data })),
          );
        },
      ),
    );
  });

  it('is fed compressed names by the test server’s encoder', () => {
    const records: ZoneRecord[] = [
      { name: 'api-sse.cisco.com', type: 'CNAME', ttl: 60, data: 'api-sse.cisco.com.akadns.net' },
      { name: 'api-sse.cisco.com.akadns.net', type: 'A', ttl: 20, data: '192.0.2.110' },
    ];
    const bytes = encodeResponse({
      id: 0,
      question: { name: 'api-sse.cisco.com', type: 1 },
      rcode: 0,
      records,
    });
    // Owner of the first answer points back at the question (0xc00c): compression is really in play.
    expect(Array.from(bytes.subarray(35, 37))).toEqual([0xc0, 12]);
    expect(decodeMessage(bytes).answers[1]?.name).toBe('api-sse.cisco.com.akadns.net');
  });
});

describe('IPv6 text', () => {
  const v6 = (...groups: number[]) => formatIpv6(Uint8Array.from(groups.flatMap((g) => [g >> 8, g & 0xff])));

  it('follows RFC 5952', () => {
    expect(v6(0, 0, 0, 0, 0, 0, 0, 0)).toBe('::');
    expect(v6(0, 0, 0, 0, 0, 0, 0, 1)).toBe('::1');
    expect(v6(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0x110)).toBe('2001:db8::110');
    // A single zero group is not shortened; the longest run wins, the first on a tie.
    expect(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)).toBe('2001:db8:0:1:1:1:1:1');
    expect(v6(0x2001, 0, 0, 1, 0, 0, 0, 1)).toBe('2001:0:0:1::1');
    expect(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)).toBe('2001:db8::1:0:0:1');
    expect(v6(0xfe80, 0, 0, 0, 0xabcd, 0xef, 0x1, 0xffff)).toBe('fe80::abcd:ef:1:ffff');
  });
});
