import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import type { DeviceInput, DiagnoseInput, Verdict } from '../../lib/diagnose/types';
import { VERDICTS } from '../../lib/diagnose/types';
import { decideVerdict, isFailing } from '../../lib/diagnose/verdict';
import {
  branchFleet,
  FAILURE,
  failing,
  fleet,
  healthy,
  INTEGRATION_OFF,
  notRead,
  shown,
} from '../fixtures/diagnose/build';

const PROXY = { address: '10.99.0.8', port: 3128 };

function verdictOf(device: DeviceInput, integration: Partial<DiagnoseInput['integration']> = {}): Verdict {
  const result = diagnose(fleet([device], integration));
  return result.devices[0]?.verdict as Verdict;
}

describe('verdicts', () => {
  it('healthy: no Cloud Configuration failure for the device', () => {
    expect(verdictOf(healthy('a', shown({ dns: [] })))).toBe('healthy');
    expect(verdictOf(healthy('a'))).toBe('healthy');
  });

  it('healthy: an alert whose status is clear (recovered, green, disabled) is no failure', () => {
    for (const status of ['GREEN', 'recovered', 'Disabled'])
      expect(verdictOf(failing('a', shown({ dns: [] }), { alert: { status, details: '' } }))).toBe('healthy');
  });

  it('an unknown alert status still counts as a failure', () => {
    expect(isFailing({ status: 'Failure', details: '' })).toBe(true);
    expect(isFailing({ status: 'YELLOW', details: '' })).toBe(true);
    expect(isFailing(null)).toBe(false);
  });

  it('expected-integration-off: failure while cloud integration is disabled', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'] })), INTEGRATION_OFF)).toBe(
      'expected-integration-off',
    );
  });

  it('expected-integration-off needs no show network at all', () => {
    for (const sn of [
      notRead(),
      { ok: false as const, reason: 'unsupported' as const },
      shown({ cut: 'before-dns' }),
    ])
      expect(verdictOf(failing('a', sn), INTEGRATION_OFF)).toBe('expected-integration-off');
  });

  it('dns-missing: integration on, no management DNS server', () => {
    expect(verdictOf(failing('a', shown({ dns: [] })))).toBe('dns-missing');
  });

  it('proxy: integration on, DNS present, a management proxy enabled', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'], proxy: PROXY })))).toBe('proxy');
  });

  it('connectivity: integration on, DNS present, no proxy', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'], proxy: 'disabled' })))).toBe('connectivity');
  });

  it('connectivity when the output stops after the DNS line but before the proxy section', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'], cut: 'before-proxy' })))).toBe('connectivity');
  });

  it('the realistic branch fleet gets one verdict of each kind it stages', () => {
    const verdicts = Object.fromEntries(diagnose(branchFleet()).devices.map((d) => [d.id, d.verdict]));
    expect(verdicts).toEqual({
      'hq-1': 'healthy',
      'hq-2': 'healthy',
      'hq-3': 'healthy',
      'branch-nodns': 'dns-missing',
      'branch-proxy': 'proxy',
      'branch-resolver': 'connectivity',
      'branch-old': 'unknown',
    });
  });
});

describe('precedence: the first of expected-integration-off, dns-missing, proxy, connectivity wins', () => {
  it('integration off + no DNS → expected-integration-off', () => {
    expect(verdictOf(failing('a', shown({ dns: [] })), INTEGRATION_OFF)).toBe('expected-integration-off');
  });

  it('integration off + proxy → expected-integration-off', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'], proxy: PROXY })), INTEGRATION_OFF)).toBe(
      'expected-integration-off',
    );
  });

  it('integration off + DNS present, no proxy → expected-integration-off', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53'] })), INTEGRATION_OFF)).toBe(
      'expected-integration-off',
    );
  });

  it('no DNS + proxy → dns-missing', () => {
    expect(verdictOf(failing('a', shown({ dns: [], proxy: PROXY })))).toBe('dns-missing');
  });

  it('proxy + DNS → proxy', () => {
    expect(verdictOf(failing('a', shown({ dns: ['10.0.0.53', '10.0.0.54'], proxy: PROXY })))).toBe('proxy');
  });
});

describe('unknown: a failure whose settings could not be read', () => {
  it.each([
    ['unsupported on its version', { ok: false as const, reason: 'unsupported' as const }],
    ['the command failed', { ok: false as const, reason: 'failed' as const, message: 'Timeout' }],
    ['not read', notRead()],
    ['output truncated before the DNS line', shown({ cut: 'before-dns' })],
  ])('%s → unknown', (_label, sn) => {
    expect(verdictOf(failing('a', sn))).toBe('unknown');
  });

  it('the same unread device with integration off is expected-integration-off instead', () => {
    expect(verdictOf(failing('a', notRead()), INTEGRATION_OFF)).toBe('expected-integration-off');
  });
});

describe('decideVerdict is total', () => {
  it('tolerates missing pieces of a device', () => {
    expect(decideVerdict({}, 2)).toBe('healthy');
    expect(decideVerdict({ alert: FAILURE }, 2)).toBe('unknown');
    expect(decideVerdict({ alert: FAILURE, showNetwork: null }, 2)).toBe('unknown');
    expect(decideVerdict({ alert: FAILURE, showNetwork: { ok: true, parsed: null as never } }, 2)).toBe(
      'unknown',
    );
  });

  it('gives a verdict, deterministically, to any combination of nulls, errors and shapes', () => {
    const sendFlags = fc.dictionary(
      fc.constantFrom(
        'sendIntrusionEvents',
        'sendFileEvents',
        'sendConnectionEvents',
        'sendOtherEvents',
        'id',
      ),
      fc.oneof(fc.boolean(), fc.string(), fc.constant(null)),
    );
    const proxy = fc.option(
      fc.record({
        enabled: fc.boolean(),
        state: fc.string(),
        address: fc.option(fc.string(), { nil: undefined }),
        port: fc.option(fc.integer(), { nil: undefined }),
        fields: fc.constant({}),
      }),
      { nil: null },
    );
    const parsed = fc.record({
      dnsServers: fc.option(fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string())), { nil: null }),
      gateway: fc.record({
        ipv4: fc.option(fc.constantFrom('10.0.0.1', 'data-interfaces', ''), { nil: undefined }),
      }),
      interfaces: fc.constant([]),
      proxy,
      sections: fc.constant([]),
      truncated: fc.boolean(),
    });
    const showNetwork = fc.oneof(
      fc.record({ ok: fc.constant(true as const), parsed }),
      fc.record({
        ok: fc.constant(false as const),
        reason: fc.constantFrom('unsupported' as const, 'failed' as const, 'not-read' as const),
        message: fc.option(fc.string(), { nil: undefined }),
      }),
      fc.constant(null as never),
      fc.anything({ withNullPrototype: true, withBoxedValues: true }) as fc.Arbitrary<never>,
    );
    const device = fc.record({
      id: fc.string(),
      name: fc.string(),
      version: fc.string(),
      alert: fc.option(fc.record({ status: fc.string(), details: fc.string() }), { nil: null }),
      showNetwork,
    });
    const input = fc.record({
      fmc: fc.oneof(
        fc.record({
          origin: fc.string(),
          version: fc.string(),
          domain: fc.record({ uuid: fc.string(), name: fc.string() }),
        }),
        fc.anything({ withNullPrototype: true, withBoxedValues: true }) as fc.Arbitrary<never>,
      ),
      integration: fc.record({
        cloudEvents: fc.oneof(sendFlags, fc.constant(null), fc.constant('error' as const)),
        securex: fc.oneof(
          fc.record({ enabled: fc.boolean() }),
          fc.constant(null),
          fc.constant('error' as const),
        ),
        regionHost: fc.option(
          fc.oneof(fc.constantFrom('api-sse.cisco.com', 'api.eu.sse.itd.cisco.com'), fc.string()),
          {
            nil: null,
          },
        ),
      }),
      devices: fc.array(device, { maxLength: 6 }),
      browserDns: fc.option(
        fc.array(fc.record({ host: fc.string(), ok: fc.boolean(), addresses: fc.array(fc.ipV4()) })),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(input, (value) => {
        const first = diagnose(value as DiagnoseInput);
        const second = diagnose(value as DiagnoseInput);
        expect(second).toEqual(first);
        expect(first.devices).toHaveLength(value.devices.length);
        for (const d of first.devices) expect(VERDICTS).toContain(d.verdict);
        expect(Object.values(first.counts).reduce((a, b) => a + b, 0)).toBe(value.devices.length);
      }),
      { numRuns: 300 },
    );
  });

  it('does not throw on an input that is not even an object', () => {
    for (const junk of [null, undefined, 42, 'x', [], { devices: 'nope' }])
      expect(() => diagnose(junk as never)).not.toThrow();
  });
});
