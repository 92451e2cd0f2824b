import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import { alertResults } from '../../lib/diagnose/evidence';
import type { DeviceDiagnosis, DiagnoseInput, EvidenceId } from '../../lib/diagnose/types';
import { parseShowNetwork } from '../../lib/fmc/show-network';
import { failing, fleet, healthy, INTEGRATION_OFF, notRead, shown } from '../fixtures/diagnose/build';

function evidence(input: DiagnoseInput, id = 'a'): DeviceDiagnosis['evidence'] {
  return diagnose(input).devices.find((d) => d.id === id)?.evidence ?? [];
}
const textOf = (items: DeviceDiagnosis['evidence'], id: EvidenceId) => items.find((e) => e.id === id)?.text;

describe('evidence: what was read, per device', () => {
  it('show network without a DNS line', () => {
    expect(textOf(evidence(fleet([failing('a', shown({ dns: [] }))])), 'dns')?.en).toBe(
      'show network: DNS Servers line absent',
    );
  });

  it('the DNS servers read', () => {
    expect(
      textOf(evidence(fleet([failing('a', shown({ dns: ['10.0.0.53', '2620:119:35::35'] }))])), 'dns')?.en,
    ).toBe('show network: DNS Servers 10.0.0.53, 2620:119:35::35');
  });

  it('an enabled proxy with its address and port', () => {
    const items = evidence(
      fleet([failing('a', shown({ dns: ['10.0.0.53'], proxy: { address: '10.99.0.8', port: 3128 } }))]),
    );
    expect(textOf(items, 'proxy')?.en).toBe('Proxy State: Enabled (10.99.0.8:3128)');
  });

  it('the cloud events sent and SecureX state', () => {
    const items = evidence(fleet([failing('a', shown({ dns: [] }))]));
    expect(textOf(items, 'cloud-events')?.en).toBe('Cloud events: intrusion/file events sent');
    expect(textOf(items, 'cloud-events')?.fr).toBe(
      'Événements cloud : envoi des événements d’intrusion et de fichiers',
    );
    expect(textOf(items, 'securex')?.en).toBe('SecureX: enabled');
  });

  it('the management gateway, data-interfaces included', () => {
    const items = evidence(fleet([failing('a', shown({ dns: ['10.0.0.53'], gateway: 'data-interfaces' }))]));
    expect(textOf(items, 'gateway')?.en).toBe('Gateway: data-interfaces');
  });

  it('the alert quotes its failing results, split at the FMC’s <br>, the Cloud Configuration one first', () => {
    const items = evidence(
      fleet([
        failing('a', shown({ dns: [] }), {
          alert: {
            status: 'RED',
            details:
              'SI URL Lists and Feeds - Success<br>URL Category - Failure<BR/>Cisco Cloud Configuration - Failure',
          },
        }),
      ]),
    );
    expect(textOf(items, 'alert')?.en).toBe(
      'Health alert: RED — Cisco Cloud Configuration - Failure; URL Category - Failure',
    );
  });

  it('splits alert details into results, failing ones first, in the FMC’s order otherwise', () => {
    expect(
      alertResults(
        ' A - Success <br>B - Failure<br/><br>Cisco Cloud Configuration - Failure<BR />C - Success',
      ),
    ).toEqual(['Cisco Cloud Configuration - Failure', 'B - Failure', 'A - Success', 'C - Success']);
    expect(alertResults('one line')).toEqual(['one line']);
    expect(alertResults(undefined)).toEqual([]);
  });

  it('a complete output without a Proxy section (older releases) is not called cut off', () => {
    const text = [
      '===============[ System Information ]===============',
      'Hostname                  : ftd2100',
      'DNS Servers               : 10.62.3.53',
      'Management port           : 8305',
      'IPv4 Default route',
      '  Gateway                 : 10.62.3.1',
      '',
      '======================[ br1 ]=======================',
      'State                     : Enabled',
      '----------------------[ IPv4 ]----------------------',
      'Configuration             : Manual',
      'Address                   : 10.62.3.20',
      '----------------------[ IPv6 ]----------------------',
      'Configuration             : Disabled',
      '',
    ].join('\n');
    const input = fleet([failing('a', { ok: true, parsed: parseShowNetwork(text) }, { version: '6.2.3' })]);
    const items = evidence(input);
    expect(textOf(items, 'proxy')?.en).toBe(
      'show network: the complete output has no Proxy Information section (older releases such as 6.2.3 print none), so no management proxy is shown',
    );
    expect(textOf(items, 'proxy')?.fr).toContain('la sortie complète n’a pas de section Proxy Information');
    expect(items.some((e) => e.id === 'show-network')).toBe(false);
    expect(items.map((e) => e.text.en).join('\n')).not.toMatch(/cut off/);
    expect(diagnose(input).devices[0]?.verdict).toBe('connectivity');
  });

  it('an output that stops mid-section says where it was cut, and that the proxy was not seen before the cut', () => {
    const items = evidence(fleet([failing('a', shown({ dns: ['10.0.0.53'], cut: 'before-proxy' }))]));
    expect(textOf(items, 'show-network')?.en).toBe(
      'show network: the output is cut off in the management0 section; what follows was not seen',
    );
    expect(textOf(items, 'show-network')?.fr).toBe(
      'show network : la sortie s’interrompt dans la section management0 ; la suite n’a pas été lue',
    );
    expect(textOf(items, 'proxy')?.en).toBe('show network: no Proxy Information section seen before the cut');
  });

  it('an alert status that says neither failing nor clear is shown as unknown, never as healthy', () => {
    for (const [status, shownAs] of [
      ['ERROR', 'ERROR'],
      ['blue', 'blue'],
      ['', 'no status'],
    ] as const) {
      const input = fleet([failing('a', shown({ dns: ['10.0.0.53'] }), { alert: { status, details: 'x' } })]);
      const text = textOf(evidence(input), 'alert');
      expect(text?.en).toBe(
        `Health alert: ${shownAs}, a status that does not say whether the check fails (examined as a possible failure, not as healthy) — x`,
      );
      expect(text?.fr).toContain('un état qui ne dit pas si la vérification échoue');
      expect(diagnose(input).devices[0]?.verdict).not.toBe('healthy');
    }
    const failed = textOf(
      evidence(fleet([failing('a', shown({ dns: [] }), { alert: { status: 'FAILED', details: 'x' } })])),
      'alert',
    );
    expect(failed?.en).toBe('Health alert: FAILED — x');
  });

  it('an unread failing device says why', () => {
    expect(textOf(evidence(fleet([failing('a', notRead())])), 'show-network')?.en).toBe(
      'show network: not read for this device',
    );
    const failed = evidence(fleet([failing('a', { ok: false, reason: 'failed', message: 'HTTP 500' })]));
    expect(textOf(failed, 'show-network')?.en).toBe('show network: the command failed: HTTP 500');
    expect(textOf(evidence(fleet([failing('a', shown({ cut: 'before-dns' }))])), 'dns')?.en).toBe(
      'show network: the output stops before the DNS Servers line',
    );
  });

  it('the region in use, or the US host assumed', () => {
    const eu = evidence(
      fleet([failing('a', shown({ dns: [] }))], { regionHost: 'api.eu.sse.itd.cisco.com' }),
    );
    expect(textOf(eu, 'region')?.en).toBe('Cloud region: Europe (EU), SSE host api.eu.sse.itd.cisco.com');
    const unknown = evidence(fleet([failing('a', shown({ dns: [] }))], { regionHost: null }));
    expect(textOf(unknown, 'region')?.en).toBe(
      'Cloud region: unknown, the US host api-sse.cisco.com is assumed',
    );
  });

  it('what healthy peers use, for devices that need a DNS proposal', () => {
    const items = evidence(
      fleet([healthy('h', shown({ dns: ['10.0.0.53'] })), failing('a', shown({ dns: [] }))]),
    );
    expect(textOf(items, 'peer-dns')?.en).toBe('The only healthy device read uses 10.0.0.53.');
  });

  it('a healthy unread device has no integration or show network evidence', () => {
    expect(evidence(fleet([healthy('h')]), 'h').map((e) => e.id)).toEqual(['alert']);
  });

  it('integration off: evidence explains it, with cloud events and SecureX', () => {
    const items = evidence(fleet([failing('a', notRead())], INTEGRATION_OFF));
    expect(textOf(items, 'cloud-events')?.en).toMatch(/none sent/);
    expect(textOf(items, 'securex')?.en).toBe('SecureX: disabled');
  });

  it('the browser’s own look-up of the region host', () => {
    const ok = evidence(
      fleet(
        [failing('a', shown({ dns: ['10.0.0.53'] }))],
        {},
        {
          browserDns: [{ host: 'api-sse.cisco.com', ok: true, addresses: ['198.51.100.10'] }],
        },
      ),
    );
    expect(textOf(ok, 'browser-dns')?.en).toBe('This browser resolves api-sse.cisco.com: 198.51.100.10');
  });
});

describe('the per-device fields of the diagnosis', () => {
  it('managementDns: null when not read, [] when read and none, the servers otherwise', () => {
    const d = diagnose(
      fleet([
        healthy('nr'),
        failing('none', shown({ dns: [] })),
        failing('some', shown({ dns: ['10.0.0.53'] })),
      ]),
    );
    expect(d.devices.map((x) => x.managementDns)).toEqual([
      null,
      { servers: [], source: 'show network' },
      { servers: ['10.0.0.53'], source: 'show network' },
    ]);
  });

  it('managementDns is null when the output stops before the DNS line', () => {
    expect(
      diagnose(fleet([failing('a', shown({ cut: 'before-dns' }))])).devices[0]?.managementDns,
    ).toBeNull();
  });

  it('proxy: null when not read, its state otherwise', () => {
    const d = diagnose(
      fleet([
        healthy('nr'),
        failing('off', shown({ dns: ['1.1.1.1'] })),
        failing('on', shown({ dns: ['1.1.1.1'], proxy: { address: 'p.corp', port: 8080 } })),
      ]),
    );
    expect(d.devices.map((x) => x.proxy)).toEqual([
      null,
      { enabled: false },
      { enabled: true, address: 'p.corp', port: 8080 },
    ]);
  });

  it('counts every verdict, zeros included', () => {
    const d = diagnose(
      fleet([healthy('h'), failing('a', shown({ dns: [] })), failing('b', shown({ dns: [] }))]),
    );
    expect(d.counts).toEqual({
      healthy: 1,
      'expected-integration-off': 0,
      'dns-missing': 2,
      proxy: 0,
      connectivity: 0,
      unknown: 0,
    });
  });
});
