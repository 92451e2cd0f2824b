/**
 * `show network` on random devices: what the simulator renders (0–4 DNS servers, IPv4 and IPv6, proxy on or
 * off, gateway or data interfaces, management0 or br1) parses back to the device; any cut, CRLF, blank lines
 * and garbage lines never make the parser throw, and a cut output gives the device's DNS servers, a prefix of
 * them, or null (unknown) — never a server the device does not have. An output that ends after the IPv6 block
 * with no proxy section (older releases) is complete; cut anywhere before that, it is cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpAddress, parseShowNetwork, type ShowNetwork } from '../../lib/fmc/show-network';
import { renderShowNetwork, type SimDevice } from '../fmc-sim/fleet';
import { propertyConfig } from './config';

const config = propertyConfig(import.meta.url);

type NetworkFields = Pick<
  SimDevice,
  | 'hostName'
  | 'dnsServers'
  | 'dnsFromRouter'
  | 'gateway'
  | 'managementInterface'
  | 'managementAddress'
  | 'proxy'
>;

const ipv4 = fc.ipV4();
const ipv6 = fc.ipV6();
const hostName = fc.oneof(fc.domain(), ipv4, fc.constantFrom('firepower', 'ftd-01.example.com'));

const networkArb: fc.Arbitrary<NetworkFields> = fc.record({
  hostName,
  dnsServers: fc.array(fc.oneof(ipv4, ipv6), { maxLength: 4 }),
  dnsFromRouter: fc.boolean(),
  gateway: fc.oneof(ipv4, fc.constant('data-interfaces')),
  managementInterface: fc.constantFrom('management0' as const, 'br1' as const),
  managementAddress: ipv4,
  proxy: fc.oneof(
    fc.constant({ enabled: false }),
    fc.record({
      enabled: fc.constant(true),
      address: fc.oneof(ipv4, ipv6, fc.domain()),
      port: fc.integer({ min: 1, max: 65_535 }),
    }),
  ),
});

function device(fields: NetworkFields): SimDevice {
  return {
    id: 'd',
    name: 'ftd',
    model: 'Cisco Secure Firewall 3110',
    version: '7.4.1',
    domainUuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f',
    failingDataTypes: [],
    cause: null,
    showNetworkSupported: true,
    commandFails: false,
    ...fields,
  };
}

/**
 * Where the simulator's rendering has the form older releases print in full: the end of the management
 * interface's IPv6 Configuration line, and the start of the proxy section's header after it.
 */
function noProxyWindow(full: string): { ipv6End: number; proxyStart: number } {
  const configuration = full.indexOf('Configuration', full.indexOf('[ IPv6 ]'));
  const ipv6End = full.indexOf('\n', configuration);
  return { ipv6End, proxyStart: full.indexOf('=', ipv6End) };
}

/** What a parse may hold whatever the input: the types the diagnosis relies on. */
function expectWellFormed(parsed: ShowNetwork): void {
  expect(parsed.dnsServers === null || Array.isArray(parsed.dnsServers)).toBe(true);
  for (const server of parsed.dnsServers ?? []) expect(isIpAddress(server), server).toBe(true);
  expect(Array.isArray(parsed.interfaces)).toBe(true);
  expect(Array.isArray(parsed.sections)).toBe(true);
  expect(typeof parsed.truncated).toBe('boolean');
  expect(typeof parsed.gateway).toBe('object');
  if (parsed.proxy) {
    expect(typeof parsed.proxy.enabled).toBe('boolean');
    expect(parsed.proxy.port === undefined || Number.isFinite(parsed.proxy.port)).toBe(true);
  }
  expect(parsed.managementPort === undefined || Number.isFinite(parsed.managementPort)).toBe(true);
}

describe('parseShowNetwork on random devices (property)', () => {
  it('round-trips the simulator rendering: DNS, proxy, gateway, interface', () => {
    fc.assert(
      fc.property(networkArb, (fields) => {
        const parsed = parseShowNetwork(renderShowNetwork(device(fields)));
        expect(parsed.hostname).toBe(fields.hostName);
        expect(parsed.dnsServers).toEqual(fields.dnsServers);
        expect(parsed.dnsFromRouter).toBe(fields.dnsFromRouter);
        expect(parsed.gateway).toEqual({ ipv4: fields.gateway });
        expect(parsed.interfaces.map((iface) => iface.name)).toEqual([fields.managementInterface]);
        expect(parsed.interfaces[0]?.ipv4.address).toBe(fields.managementAddress);
        expect(parsed.proxy?.enabled).toBe(fields.proxy.enabled);
        if (fields.proxy.enabled) {
          expect(parsed.proxy?.address).toBe(fields.proxy.address);
          expect(parsed.proxy?.port).toBe(fields.proxy.port);
        } else {
          expect(parsed.proxy?.address).toBeUndefined();
        }
        expect(parsed.truncated).toBe(false);
        expectWellFormed(parsed);
      }),
      config.params(),
    );
  });

  it('gives the same result with CRLF line ends, blank lines and trailing blanks', () => {
    fc.assert(
      fc.property(
        networkArb,
        fc.constantFrom('\r\n', '\r', '\n\n', '\r\n\r\n', '\n  \n'),
        fc.constantFrom('', '\n', '\r\n', '   '),
        (fields, lineEnd, tail) => {
          const text = renderShowNetwork(device(fields));
          expect(parseShowNetwork(text.split('\n').join(lineEnd) + tail)).toEqual(parseShowNetwork(text));
        },
      ),
      config.params(),
    );
  });

  it('reads a cut output as the device’s DNS servers, a prefix of them, or unknown; never a wrong server', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (fields, at) => {
        const full = renderShowNetwork(device(fields));
        const cut = at % (full.length + 1);
        const parsed = parseShowNetwork(full.slice(0, cut));
        expectWellFormed(parsed);
        const servers = parsed.dnsServers;
        if (servers !== null) {
          // A prefix of the real list, in order.
          expect(fields.dnsServers.slice(0, servers.length), full.slice(0, cut)).toEqual(servers);
        }
        // Once the next section's header is in, System Information is complete: the answer is the whole list.
        const closedAt = full.indexOf(']', full.indexOf(`[ ${fields.managementInterface} ]`)) + 1;
        if (cut >= closedAt) expect(servers).toEqual(fields.dnsServers);
        // An output that stops before the proxy section's state says it was cut, except where the prefix is
        // exactly what older releases print in full: up to the IPv6 block's end, before the proxy header.
        const stateEnd = full.indexOf('\n', full.indexOf('State  '));
        const { ipv6End, proxyStart } = noProxyWindow(full);
        const completeOlderForm = cut >= ipv6End && cut <= proxyStart;
        if (cut < stateEnd && !completeOlderForm) expect(parsed.truncated, full.slice(0, cut)).toBe(true);
        if (completeOlderForm) expect(parsed.truncated).toBe(false);
        // A proxy is reported enabled only when it is.
        if (parsed.proxy?.enabled) expect(fields.proxy.enabled).toBe(true);
      }),
      config.params(4),
    );
  });

  it('reads an output without a proxy section (older releases) as complete, and any cut before its end as cut', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), fc.constantFrom('', '\n', '\r\n', '\n\n'), (fields, at, tail) => {
        const rendered = renderShowNetwork(device(fields));
        const { ipv6End } = noProxyWindow(rendered);
        const full = rendered.slice(0, ipv6End);
        const parsed = parseShowNetwork(full + tail);
        expect(parsed.truncated).toBe(false);
        expect(parsed.proxy).toBeNull();
        expect(parsed.dnsServers).toEqual(fields.dnsServers);
        expect(parsed.gateway).toEqual({ ipv4: fields.gateway });
        const cut = at % full.length;
        expect(parseShowNetwork(full.slice(0, cut)).truncated, full.slice(0, cut)).toBe(true);
      }),
      config.params(),
    );
  });

  it('never throws on garbage lines, random text and random cuts', () => {
    const garbageLine = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '=====[',
        '--[ IPv4 ]--',
        '   ',
        'DNS Servers :',
        'DNS Servers : , ,',
        '                            ::',
        'IPv6 Default route',
        'Port : 99999999999999999999',
        '===[ Proxy Information ]===',
        'State : enabled',
        'Address : [::1]:',
        'Address : http://',
        '% Invalid input detected',
        '\u0000\uffff',
      ),
    );
    fc.assert(
      fc.property(
        networkArb,
        fc.array(fc.tuple(fc.nat(), garbageLine), { maxLength: 8 }),
        fc.nat(),
        (fields, inserts, cutAt) => {
          const lines = renderShowNetwork(device(fields)).split('\n');
          for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
          const text = lines.join(cutAt % 2 ? '\r\n' : '\n');
          expectWellFormed(parseShowNetwork(text));
          expectWellFormed(parseShowNetwork(text.slice(0, cutAt % (text.length + 1))));
        },
      ),
      config.params(),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => expectWellFormed(parseShowNetwork(text))),
      config.params(),
    );
  });
});

describe('parseShowNetwork: counterexamples the properties found', () => {
  const full = [
    '===============[ System Information ]===============',
    'Hostname                  : ftd-01',
    'DNS Servers               : 10.100.100.100',
    '                            2001:db8::10.100.10.100',
    'IPv4 Default route',
    '  Gateway                 : 10.10.0.254',
    '==================[ management0 ]===================',
    '===============[ Proxy Information ]================',
    'State                     : Enabled',
    'Authentication            : Disabled',
  ].join('\n');
  const upTo = (text: string) => full.slice(0, full.indexOf(text) + text.length);

  it('does not take an IPv6 server cut short ("2001:db8::") for a server', () => {
    expect(parseShowNetwork(upTo('2001:db8::')).dnsServers).toEqual(['10.100.100.100']);
    // A line that ends is read as printed.
    expect(parseShowNetwork(`${upTo('2001:db8::')}\n`).dnsServers).toEqual(['10.100.100.100', '2001:db8::']);
  });

  it('does not take a gateway cut short for the gateway', () => {
    expect(parseShowNetwork(upTo('10.10.0.25')).gateway).toEqual({});
  });

  it('reads a proxy state cut short ("Ena") as no state, so the output counts as cut', () => {
    const parsed = parseShowNetwork(upTo(': Ena'));
    expect(parsed.proxy).toMatchObject({ enabled: false, state: '' });
    expect(parsed.truncated).toBe(true);
  });
});
