/**
 * The diagnosis on random inputs: nulls, 'error', unreadable or cut `show network` outputs, odd alert statuses,
 * odd values where the types say otherwise. `diagnose` is total (never throws), deterministic (same input, deep
 * equal output), gives every device one of the six verdicts, and follows the README's precedence: no failure →
 * healthy; integration off → expected-integration-off; settings unreadable → unknown; no DNS → dns-missing;
 * proxy → proxy; else connectivity. A device's verdict depends on that device and the integration only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose, toJson, toMarkdown } from '../../lib/diagnose';
import type { DiagnoseInput, Verdict } from '../../lib/diagnose/types';
import { VERDICTS } from '../../lib/diagnose/types';
import { parseShowNetwork } from '../../lib/fmc/show-network';
import { renderShowNetwork, type SimDevice } from '../fmc-sim/fleet';
import { propertyConfig } from './config';

const config = propertyConfig(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// Random inputs.

const junk = fc.anything({ maxDepth: 2, withBoxedValues: true, withNullPrototype: true });

/** A device as FTD prints it, rendered then cut anywhere: what the parser really gives. */
const realShowNetwork = fc
  .record({
    dns: fc.array(fc.oneof(fc.ipV4(), fc.ipV6()), { maxLength: 3 }),
    proxy: fc.boolean(),
    gateway: fc.constantFrom('10.0.0.1', 'data-interfaces'),
    cut: fc.option(fc.nat(), { nil: undefined }),
    crlf: fc.boolean(),
  })
  .map(({ dns, proxy, gateway, cut, crlf }) => {
    const device = {
      hostName: 'ftd',
      dnsServers: dns,
      dnsFromRouter: false,
      gateway,
      managementInterface: 'management0',
      managementAddress: '10.0.0.10',
      proxy: proxy ? { enabled: true, address: '10.99.0.8', port: 3128 } : { enabled: false },
    } as SimDevice;
    let text = renderShowNetwork(device);
    if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
    return parseShowNetwork(crlf ? text.replace(/\n/g, '\r\n') : text);
  });

/** Parsed shapes the parser never gives but a stored or hand-made input may hold. */
const oddParsed = fc.record(
  {
    dnsServers: fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.array(fc.oneof(fc.ipV4(), fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
      junk,
    ),
    proxy: fc.oneof(
      fc.constant(null),
      fc.record({ enabled: fc.oneof(fc.boolean(), junk), address: junk, port: junk }),
      junk,
    ),
    gateway: fc.oneof(fc.record({ ipv4: fc.oneof(fc.ipV4(), junk) }), junk),
    truncated: fc.oneof(fc.boolean(), junk),
  },
  { requiredKeys: [] },
);

const showNetworkArb = fc.oneof(
  { weight: 4, arbitrary: realShowNetwork.map((parsed) => ({ ok: true as const, parsed })) },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 80 })
      .map((text) => ({ ok: true as const, parsed: parseShowNetwork(text) })),
  },
  { weight: 1, arbitrary: oddParsed.map((parsed) => ({ ok: true, parsed })) },
  {
    weight: 2,
    arbitrary: fc.record({
      ok: fc.constant(false as const),
      reason: fc.constantFrom('unsupported' as const, 'failed' as const, 'not-read' as const),
      message: fc.option(fc.string(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, undefined, 'error', { ok: 'yes' }, { ok: true, parsed: null }),
  },
);

const STATUSES = [
  'RED',
  'YELLOW',
  'red',
  ' Yellow ',
  'GREEN',
  'green',
  'RECOVERED',
  'Disabled',
  'OK',
  'success',
  'ERROR',
  'Failure',
  '',
  'critical',
];

const alertArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        status: fc.oneof(fc.constantFrom(...STATUSES), fc.string({ maxLength: 8 }), fc.integer(), junk),
        details: fc.oneof(fc.string({ maxLength: 30 }), junk),
        timestamp: fc.oneof(fc.integer(), fc.double(), junk),
      },
      { requiredKeys: ['status'] },
    ),
  },
  { weight: 1, arbitrary: junk },
);

const deviceArb = fc.record({
  id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.uuid(), junk),
  name: fc.oneof(fc.string({ maxLength: 10 }), junk),
  version: fc.oneof(fc.constantFrom('7.2.5', '6.4.0', ''), junk),
  alert: alertArb,
  showNetwork: showNetworkArb,
});

const sendFlags = fc.dictionary(
  fc.constantFrom(
    'sendIntrusionEvents',
    'sendFileEvents',
    'sendConnectionEvents',
    'sendFutureEvents',
    'id',
    'send',
  ),
  fc.oneof(fc.boolean(), junk),
  { maxKeys: 4 },
);

const integrationArb = fc.record(
  {
    cloudEvents: fc.oneof(sendFlags, fc.constant(null), fc.constant('error'), fc.constant(undefined), junk),
    securex: fc.oneof(
      fc.record({ enabled: fc.oneof(fc.boolean(), junk) }),
      fc.constant(null),
      fc.constant('error'),
      junk,
    ),
    regionHost: fc.oneof(
      fc.constantFrom('api-sse.cisco.com', 'api.eu.sse.itd.cisco.com', 'api.apj.sse.itd.cisco.com'),
      fc.constant(null),
      fc.string({ maxLength: 12 }),
      junk,
    ),
    regionName: fc.oneof(fc.constantFrom('US', 'EU', 'Europe'), junk),
  },
  { requiredKeys: ['cloudEvents', 'securex', 'regionHost'] },
);

const inputArb = fc.record(
  {
    fmc: fc.oneof(
      fc.record({
        origin: fc.constant('https://fmc.example.com'),
        version: fc.constantFrom('7.4.1', '6.4.0'),
        domain: fc.record({ uuid: fc.uuid(), name: fc.constant('Global') }),
      }),
      junk,
    ),
    integration: integrationArb,
    devices: fc.array(fc.oneof({ weight: 9, arbitrary: deviceArb }, { weight: 1, arbitrary: junk }), {
      maxLength: 8,
    }),
    browserDns: fc.oneof(
      fc.array(
        fc.record({
          host: fc.constantFrom('api-sse.cisco.com', 'api.eu.sse.itd.cisco.com'),
          ok: fc.boolean(),
          addresses: fc.array(fc.ipV4(), { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      junk,
    ),
  },
  { requiredKeys: ['fmc', 'integration', 'devices'] },
) as fc.Arbitrary<unknown> as fc.Arbitrary<DiagnoseInput>;

// ---------------------------------------------------------------------------------------------------------
// The README's rules, written out independently of lib/diagnose.

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object';

/**
 * Statuses that mean the check is not failing (lib/alert/statuses.ts: fine, recovered, switched off). Any other,
 * OK and SUCCESS included (no FMC status), is unknown and examined like a failure.
 */
const CLEAR = new Set(['green', 'recovered', 'disabled']);

function failing(alert: unknown): boolean {
  if (!isObject(alert)) return false;
  const status = alert.status;
  const text =
    typeof status === 'string'
      ? status
      : typeof status === 'number' || typeof status === 'boolean' || typeof status === 'bigint'
        ? String(status)
        : '';
  return !CLEAR.has(text.trim().toLowerCase());
}

/** Scenario 1 (integration off): no event kind sent and SecureX not enabled, both read (or absent). */
function integrationOff(integration: unknown): boolean {
  const settings = isObject(integration) ? integration : {};
  const events = settings.cloudEvents;
  const securex = settings.securex;
  if (events === 'error' || securex === 'error') return false;
  const sent =
    isObject(events) && Object.entries(events).some(([key, on]) => on === true && /^send.+Events$/.test(key));
  const securexOn = isObject(securex) && securex.enabled === true;
  return !sent && !securexOn;
}

function expectedVerdict(device: Record<string, unknown>, off: boolean): Verdict {
  if (!failing(device.alert)) return 'healthy';
  if (off) return 'expected-integration-off';
  const showNetwork = device.showNetwork;
  const parsed =
    isObject(showNetwork) && showNetwork.ok === true && isObject(showNetwork.parsed)
      ? showNetwork.parsed
      : null;
  const servers = parsed?.dnsServers;
  if (!Array.isArray(servers)) return 'unknown';
  if (!servers.some((server) => typeof server === 'string')) return 'dns-missing';
  if (isObject(parsed?.proxy) && parsed.proxy.enabled === true) return 'proxy';
  return 'connectivity';
}

// ---------------------------------------------------------------------------------------------------------

describe('diagnose on random inputs (property)', () => {
  it(
    'is total and deterministic, and gives every device one of the six verdicts by the precedence rule',
    () => {
      const seen = new Set<Verdict>();
      fc.assert(
        fc.property(inputArb, (input) => {
          const first = diagnose(input);
          const second = diagnose(input);
          expect(second).toEqual(first);
          const devices = (input.devices as unknown[]).filter(isObject);
          expect(first.devices).toHaveLength(devices.length);
          const off = integrationOff(input.integration);
          expect(first.integration.scenario).toBe(off ? 1 : 2);
          first.devices.forEach((device, i) => {
            expect(VERDICTS).toContain(device.verdict);
            expect(device.verdict).toBe(expectedVerdict(devices[i] as Record<string, unknown>, off));
            seen.add(device.verdict);
          });
          const counts = Object.values(first.counts).reduce((sum, n) => sum + n, 0);
          expect(counts).toBe(devices.length);
        }),
        config.params(2),
      );
      // The generator reaches every verdict.
      expect([...seen].sort()).toEqual([...VERDICTS].sort());
    },
    config.timeout(10, 2),
  );

  it(
    'gives a device the verdict it gets alone: other devices and the browser’s look-ups do not change it',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const whole = diagnose(input);
          const devices = (input.devices as unknown[]).filter(
            isObject,
          ) as unknown as DiagnoseInput['devices'];
          devices.forEach((device, i) => {
            const alone = diagnose({ ...input, devices: [device], browserDns: [] });
            expect(alone.devices[0]?.verdict).toBe(whole.devices[i]?.verdict);
          });
        }),
        config.params(),
      );
    },
    config.timeout(10),
  );

  it(
    'exports any diagnosis to JSON and Markdown, in both languages, without throwing',
    () => {
      fc.assert(
        fc.property(inputArb, fc.constantFrom('en' as const, 'fr' as const), (input, lang) => {
          const diagnosis = diagnose(input);
          expect(() => JSON.parse(toJson(diagnosis, lang))).not.toThrow();
          expect(typeof toMarkdown(diagnosis, lang, new Date(0))).toBe('string');
        }),
        config.params(),
      );
    },
    config.timeout(10),
  );
});
