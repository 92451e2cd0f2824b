import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIpAddress, parseShowNetwork } from '../../lib/fmc/show-network';
import { generateFleet, renderShowNetwork } from '../fmc-sim/fleet';

// Outputs as FTD prints them: labels padded to column 28, continuation lines indented to it.

const ONE_DNS_72 = `===============[ System Information ]===============
Hostname                  : ftd-branch-01
Domains                   : corp.example
DNS Servers               : 10.20.0.53
DNS from router           : enabled
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.20.0.1
IPv6 Default route
  Gateway                 : none

==================[ management0 ]===================
Admin State               : enabled
Admin Speed               : sfpDetect
Operation Speed           : 1gbps
Link                      : up
Channels                  : Management & Events
Mode                      : Non-Autonegotiation
MDI/MDIX                  : Auto/MDIX
MTU                       : 1500
MAC Address               : 00:50:56:8F:8C:3C
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.20.0.10
Netmask                   : 255.255.255.0
Gateway                   : 10.20.0.1
----------------------[ IPv6 ]----------------------
Configuration             : Disabled

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled

======[ System Information - Data Interfaces ]======
DNS Servers               :
Interfaces                :
`;

const THREE_DNS_74 = `===============[ System Information ]===============
Hostname                  : firepower
DNS Servers               : 208.67.222.222
                            208.67.220.220
                            2620:119:35::35
DNS from router           : enabled
Management port           : 8305
IPv4 Default route
  Gateway                 : data-interfaces

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Management & Events
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 192.168.45.45
Netmask                   : 255.255.255.0
----------------------[ IPv6 ]----------------------
Configuration             : Disabled

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled
`;

const IPV6_ONLY = `===============[ System Information ]===============
Hostname                  : ftd-v6
DNS Servers               : 2001:4860:4860::8888
                            2001:4860:4860::8844
DNS from router           : disabled
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.0.0.1
IPv6 Default route
  Gateway                 : fe80::1

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Management & Events
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.0.0.10
Netmask                   : 255.255.255.0
----------------------[ IPv6 ]----------------------
Configuration             : Manual
Address                   : 2001:db8:10::10
Prefix Length             : 64

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled
`;

const NO_DNS = `===============[ System Information ]===============
Hostname                  : ftd-nodns
DNS from router           : disabled
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.50.0.1

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Management & Events
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.50.0.10
Netmask                   : 255.255.255.0
----------------------[ IPv6 ]----------------------
Configuration             : Disabled

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled
`;

const PROXY_ON = `===============[ System Information ]===============
Hostname                  : ftd-proxied
DNS Servers               : 10.20.0.53
                            10.20.1.53
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.20.0.1

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Management & Events
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.20.0.11
Netmask                   : 255.255.255.0

===============[ Proxy Information ]================
State                     : Enabled
HTTP Proxy Address        : proxy.corp.example
HTTP Proxy Port           : 3128
Authentication            : Basic
Username                  : svc-ftd
`;

const BR1_66 = `===============[ System Information ]===============
Hostname                  : firepower
DNS Servers               : 10.1.1.53
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.1.1.1

======================[ br1 ]=======================
State                     : Enabled
Channels                  : Management & Events
Mode                      : Non-Autonegotiation
MDI/MDIX                  : Auto/MDIX
MTU                       : 1500
MAC Address               : 00:50:56:A5:1E:3B
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.1.1.20
Netmask                   : 255.255.255.0
Broadcast                 : 10.1.1.255
----------------------[ IPv6 ]----------------------
Configuration             : Disabled

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled
`;

/** Management traffic through the data interfaces, whose DNS the last section lists (7.x). */
const DATA_INTERFACES = `===============[ System Information ]===============
Hostname                  : ftd-edge
DNS from router           : enabled
Management port           : 8305
IPv4 Default route
  Gateway                 : data-interfaces
IPv6 Default route
  Gateway                 : data-interfaces

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Management & Events
----------------------[ IPv4 ]----------------------
Configuration             : DHCP
Address                   : 192.168.1.2
Netmask                   : 255.255.255.0

===============[ Proxy Information ]================
State                     : Disabled
Authentication            : Disabled

======[ System Information - Data Interfaces ]======
DNS Servers               : 10.30.0.53
                            10.30.1.53
Interfaces                : outside
`;

/**
 * An older release's complete output: no Proxy Information section at all, the output ends after the
 * management interface's IPv6 block. Shaped after what `../shared/docs/fmc-rest-api.md` reports of Cisco TAC
 * note 212420 (FTD 6.2.3 on a Firepower 2100): a Domains line above DNS Servers, several servers, `br1`.
 */
const NO_PROXY_SECTION_623 = `===============[ System Information ]===============
Hostname                  : ftd2100
Domains                   : example.net
DNS Servers               : 10.62.3.53
                            10.62.4.53
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.62.3.1

======================[ br1 ]=======================
State                     : Enabled
Channels                  : Management & Events
Mode                      : Non-Autonegotiation
MDI/MDIX                  : Auto/MDIX
MTU                       : 1500
MAC Address               : 00:2C:C8:41:09:80
----------------------[ IPv4 ]----------------------
Configuration             : Manual
Address                   : 10.62.3.20
Netmask                   : 255.255.255.0
Broadcast                 : 10.62.3.255
----------------------[ IPv6 ]----------------------
Configuration             : Disabled
`;

/** The command API cut the answer inside System Information, before any DNS line. */
const TRUNCATED_EARLY = `===============[ System Information ]===============
Hostname                  : ftd-cut
Management po`;

/** Cut after the DNS lines, inside the interface section. */
const TRUNCATED_LATE = `===============[ System Information ]===============
Hostname                  : ftd-cut
DNS Servers               : 10.20.0.53
                            10.20.1.53
Management port           : 8305
IPv4 Default route
  Gateway                 : 10.20.0.1

==================[ management0 ]===================
Admin State               : enabled
Channels                  : Manag`;

describe('parseShowNetwork on realistic outputs', () => {
  it('reads one DNS server and ignores the data-interface DNS line of another section (7.2)', () => {
    const parsed = parseShowNetwork(ONE_DNS_72);
    expect(parsed.dnsServers).toEqual(['10.20.0.53']);
    expect(parsed.hostname).toBe('ftd-branch-01');
    expect(parsed.searchDomains).toEqual(['corp.example']);
    expect(parsed.dnsFromRouter).toBe(true);
    expect(parsed.managementPort).toBe(8305);
    expect(parsed.gateway).toEqual({ ipv4: '10.20.0.1', ipv6: 'none' });
    expect(parsed.interfaces).toEqual([
      {
        name: 'management0',
        adminState: 'enabled',
        link: 'up',
        channels: 'Management & Events',
        mac: '00:50:56:8F:8C:3C',
        ipv4: {
          configuration: 'Manual',
          address: '10.20.0.10',
          netmask: '255.255.255.0',
          gateway: '10.20.0.1',
        },
        ipv6: { configuration: 'Disabled' },
      },
    ]);
    expect(parsed.proxy).toMatchObject({ enabled: false, state: 'Disabled', authentication: 'Disabled' });
    expect(parsed.dataInterfaces).toEqual({ dnsServers: [], interfaces: [] });
    expect(parsed.truncated).toBe(false);
  });

  it('reads three DNS servers on continuation lines, IPv6 included, and the data-interfaces gateway (7.4)', () => {
    const parsed = parseShowNetwork(THREE_DNS_74);
    expect(parsed.dnsServers).toEqual(['208.67.222.222', '208.67.220.220', '2620:119:35::35']);
    expect(parsed.gateway.ipv4).toBe('data-interfaces');
    expect(parsed.interfaces[0]?.ipv4.address).toBe('192.168.45.45');
  });

  it('reads a data-interfaces gateway and keeps the data-interface DNS apart from the management DNS', () => {
    const parsed = parseShowNetwork(DATA_INTERFACES);
    expect(parsed.gateway).toEqual({ ipv4: 'data-interfaces', ipv6: 'data-interfaces' });
    expect(parsed.dnsServers).toEqual([]);
    expect(parsed.dataInterfaces).toEqual({
      dnsServers: ['10.30.0.53', '10.30.1.53'],
      interfaces: ['outside'],
    });
    expect(parsed.interfaces[0]?.ipv4.configuration).toBe('DHCP');
  });

  it('reads IPv6 DNS servers and the IPv6 gateway without mistaking addresses for labels', () => {
    const parsed = parseShowNetwork(IPV6_ONLY);
    expect(parsed.dnsServers).toEqual(['2001:4860:4860::8888', '2001:4860:4860::8844']);
    expect(parsed.dnsFromRouter).toBe(false);
    expect(parsed.gateway).toEqual({ ipv4: '10.0.0.1', ipv6: 'fe80::1' });
    expect(parsed.interfaces[0]?.ipv6).toEqual({
      configuration: 'Manual',
      address: '2001:db8:10::10',
      prefixLength: '64',
    });
  });

  it('reports no DNS servers when the line is absent from a complete output', () => {
    const parsed = parseShowNetwork(NO_DNS);
    expect(parsed.dnsServers).toEqual([]);
    expect(parsed.truncated).toBe(false);
  });

  it('reads an enabled proxy and the address and port lines that follow its state', () => {
    const parsed = parseShowNetwork(PROXY_ON);
    expect(parsed.proxy).toEqual({
      enabled: true,
      state: 'Enabled',
      address: 'proxy.corp.example',
      port: 3128,
      authentication: 'Basic',
      fields: {
        state: 'Enabled',
        'http proxy address': 'proxy.corp.example',
        'http proxy port': '3128',
        authentication: 'Basic',
        username: 'svc-ftd',
      },
    });
    expect(parsed.dnsServers).toEqual(['10.20.0.53', '10.20.1.53']);
  });

  it('splits a proxy given as host:port on one line', () => {
    const text = PROXY_ON.replace(
      /HTTP Proxy Address .*\nHTTP Proxy Port .*\n/,
      'Proxy                     : 10.99.0.8:8080\n',
    );
    expect(parseShowNetwork(text).proxy).toMatchObject({ enabled: true, address: '10.99.0.8', port: 8080 });
  });

  it('reads the br1 management interface of older devices (6.x)', () => {
    const parsed = parseShowNetwork(BR1_66);
    expect(parsed.interfaces.map((i) => i.name)).toEqual(['br1']);
    expect(parsed.interfaces[0]).toMatchObject({
      adminState: 'Enabled',
      mac: '00:50:56:A5:1E:3B',
      ipv4: { address: '10.1.1.20', netmask: '255.255.255.0' },
    });
    expect(parsed.dnsServers).toEqual(['10.1.1.53']);
    expect(parsed.gateway.ipv4).toBe('10.1.1.1');
  });

  it('reads a complete output without a Proxy section (older releases) as complete, not cut off', () => {
    for (const text of [
      NO_PROXY_SECTION_623,
      NO_PROXY_SECTION_623.trimEnd(),
      `${NO_PROXY_SECTION_623}\n\n`,
    ]) {
      const parsed = parseShowNetwork(text);
      expect(parsed.truncated).toBe(false);
      expect(parsed.proxy).toBeNull();
      expect(parsed.dnsServers).toEqual(['10.62.3.53', '10.62.4.53']);
      expect(parsed.searchDomains).toEqual(['example.net']);
      expect(parsed.interfaces[0]).toMatchObject({ name: 'br1', ipv6: { configuration: 'Disabled' } });
    }
  });

  it('reads such an output cut anywhere before its IPv6 block ends as cut off', () => {
    const full = NO_PROXY_SECTION_623;
    const end = full.indexOf('Disabled', full.indexOf('[ IPv6 ]'));
    for (let cut = full.indexOf('\n') + 1; cut < end + 'Disabled'.length; cut++) {
      // A cut that leaves "Disab" for "Disabled" is cut; so is one that stops before the IPv6 block.
      expect(parseShowNetwork(full.slice(0, cut)).truncated, JSON.stringify(full.slice(cut - 20, cut))).toBe(
        true,
      );
    }
  });

  it('reads an output that stops on a half-printed header, an IPv4 line or a manual IPv6 block without its address as cut off', () => {
    expect(parseShowNetwork(`${NO_PROXY_SECTION_623}\n=============`).truncated).toBe(true);
    expect(parseShowNetwork(`${NO_PROXY_SECTION_623}===============[ Proxy Inform`).truncated).toBe(true);
    const ipv4End = NO_PROXY_SECTION_623.indexOf('----------------------[ IPv6 ]');
    expect(parseShowNetwork(NO_PROXY_SECTION_623.slice(0, ipv4End)).truncated).toBe(true);
    const manual = NO_PROXY_SECTION_623.replace(
      'Configuration             : Disabled',
      'Configuration             : Manual',
    );
    expect(parseShowNetwork(manual).truncated).toBe(true);
    expect(
      parseShowNetwork(`${manual}Address                   : 2001:db8::20\nPrefix Length             : 64\n`)
        .truncated,
    ).toBe(false);
  });

  it('does not claim "no DNS" when the output stops inside System Information', () => {
    const parsed = parseShowNetwork(TRUNCATED_EARLY);
    expect(parsed.dnsServers).toBeNull();
    expect(parsed.truncated).toBe(true);
    expect(parsed.hostname).toBe('ftd-cut');
  });

  it('keeps what it read before a cut further down', () => {
    const parsed = parseShowNetwork(TRUNCATED_LATE);
    expect(parsed.dnsServers).toEqual(['10.20.0.53', '10.20.1.53']);
    expect(parsed.interfaces[0]?.name).toBe('management0');
    expect(parsed.proxy).toBeNull();
    expect(parsed.truncated).toBe(true);
  });

  it('gives the same result with Windows line ends and extra blank lines', () => {
    const noisy = THREE_DNS_74.split('\n').join('\r\n\r\n');
    expect(parseShowNetwork(noisy)).toEqual(parseShowNetwork(THREE_DNS_74));
  });

  it('skips a preamble and unknown sections', () => {
    const text = `> show network\r\n\n===[ Future Section ]===\nWidget Mode : turbo\n   stray value\n${NO_DNS}`;
    const parsed = parseShowNetwork(text);
    expect(parsed.dnsServers).toEqual([]);
    expect(parsed.sections[0]).toBe('Future Section');
    expect(parsed.interfaces.map((i) => i.name)).toEqual(['management0']);
  });

  it('reads nothing from text that is not show network', () => {
    const parsed = parseShowNetwork('% Invalid input detected');
    expect(parsed).toMatchObject({ dnsServers: null, interfaces: [], proxy: null, truncated: true });
  });
});

describe('parseShowNetwork against the simulator rendering', () => {
  it('recovers every simulated device field (DNS, gateway, interface, proxy)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const fleet = generateFleet({ seed, devices: 12, failing: 6, oldVersionRatio: 0.3 });
        for (const device of fleet.devices) {
          const parsed = parseShowNetwork(renderShowNetwork(device));
          expect(parsed.dnsServers).toEqual(device.dnsServers);
          expect(parsed.dnsFromRouter).toBe(device.dnsFromRouter);
          expect(parsed.gateway.ipv4).toBe(device.gateway);
          expect(parsed.interfaces[0]?.name).toBe(device.managementInterface);
          expect(parsed.interfaces[0]?.ipv4.address).toBe(device.managementAddress);
          expect(parsed.proxy?.enabled).toBe(device.proxy.enabled);
          if (device.proxy.enabled) {
            expect(parsed.proxy).toMatchObject({ address: device.proxy.address, port: device.proxy.port });
          }
          expect(parsed.truncated).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never reports an empty DNS list for an output cut before the end of System Information', () => {
    const full = THREE_DNS_74;
    const end = full.indexOf('==================[ management0 ]');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: end - 1 }), (cut) => {
        const parsed = parseShowNetwork(full.slice(0, cut));
        expect(parsed.dnsServers === null || parsed.dnsServers.length > 0).toBe(true);
        expect(parsed.truncated).toBe(true);
      }),
    );
  });
});

describe('isIpAddress', () => {
  it.each([
    '10.0.0.1',
    '255.255.255.255',
    '2620:119:35::35',
    '::1',
    'fe80::1',
    '::ffff:192.0.2.1',
    '1:2:3:4:5:6:7:8',
  ])('accepts %s', (value) => expect(isIpAddress(value)).toBe(true));
  it.each([
    '10.0.0',
    '256.1.1.1',
    '10.20.',
    'data-interfaces',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':::',
    'fe80::zz',
  ])('rejects %s', (value) => expect(isIpAddress(value)).toBe(false));
});
