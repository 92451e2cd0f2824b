import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import { chooseRegion } from '../../lib/diagnose/region';
import { RUNBOOKS } from '../../lib/diagnose/runbook-steps';
import type { DeviceDiagnosis, DiagnoseInput, RunbookStep } from '../../lib/diagnose/types';
import { VERDICTS } from '../../lib/diagnose/types';
import { REGIONS } from '../../lib/knowledge/regions';
import { failing, fleet, healthy, INTEGRATION_OFF, notRead, shown } from '../fixtures/diagnose/build';

const EU = REGIONS.find((r) => r.id === 'eu');

function device(input: DiagnoseInput, id: string): DeviceDiagnosis {
  const found = diagnose(input).devices.find((d) => d.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
}

const commands = (steps: RunbookStep[]) => steps.flatMap((s) => s.commands.map((c) => c.command));
const stepIds = (steps: RunbookStep[]) => steps.map((s) => s.id);

describe('region host selection', () => {
  it('the EU region puts api.eu.sse.itd.cisco.com in the runbook commands', () => {
    const d = device(
      fleet([failing('a', shown({ dns: ['10.0.0.53'] }))], {
        regionHost: 'api.eu.sse.itd.cisco.com',
        regionName: 'EU',
      }),
      'a',
    );
    const cmds = commands(d.runbook);
    expect(cmds).toContain('nslookup api.eu.sse.itd.cisco.com 10.0.0.53');
    expect(cmds).toContain('curl -v -k https://api.eu.sse.itd.cisco.com');
    expect(cmds).toContain('telnet api.eu.sse.itd.cisco.com 443');
    expect(cmds.join('\n')).not.toContain('api-sse.cisco.com');
  });

  it('the EU expectation hedges the akadns.net alias, the US one states it', () => {
    const eu = device(fleet([failing('a', shown({ dns: ['10.0.0.53'] }))], { regionHost: EU?.apiHost }), 'a');
    const us = device(fleet([failing('a', shown({ dns: ['10.0.0.53'] }))]), 'a');
    const expectOf = (d: DeviceDiagnosis) =>
      d.runbook.flatMap((s) => s.commands).find((c) => c.command.startsWith('nslookup'))?.expect?.en ?? '';
    expect(expectOf(us)).toContain('CNAME) api-sse.cisco.com.akadns.net');
    expect(expectOf(eu)).toMatch(/US host only/);
    expect(expectOf(eu)).not.toContain('api.eu.sse.itd.cisco.com.akadns.net');
  });

  it('an unknown region host (null) defaults to the US host', () => {
    const region = chooseRegion(null);
    expect(region).toMatchObject({ host: 'api-sse.cisco.com', assumed: true, name: null });
    const d = diagnose(fleet([], { regionHost: null }));
    expect(d.integration).toMatchObject({ sseHost: 'api-sse.cisco.com', region: null, regionId: null });
  });

  it('a host in REGIONS gives its region, whatever its case or trailing dot', () => {
    expect(chooseRegion('API.EU.SSE.ITD.CISCO.COM.').region?.id).toBe('eu');
  });

  it('a plausible host unknown to REGIONS is used as given; a hostile one falls back to the US host', () => {
    expect(chooseRegion('api.xx.sse.itd.cisco.com').host).toBe('api.xx.sse.itd.cisco.com');
    expect(chooseRegion('api.eu.sse.itd.cisco.com; rm -rf /').host).toBe('api-sse.cisco.com');
  });

  it('the FMC region name wins over ours in the diagnosis', () => {
    const d = diagnose(fleet([], { regionHost: 'api.eu.sse.itd.cisco.com', regionName: 'Europe (EU)' }));
    expect(d.integration).toMatchObject({
      region: 'Europe (EU)',
      regionId: 'eu',
      sseHost: 'api.eu.sse.itd.cisco.com',
    });
  });
});

describe('runbooks carry the device’s own values', () => {
  it('connectivity: nslookup through each of its DNS servers, the first one first', () => {
    const d = device(fleet([failing('a', shown({ dns: ['192.168.7.53', '192.168.8.53'] }))]), 'a');
    const lookups = commands(d.runbook).filter((c) => c.startsWith('nslookup'));
    expect(lookups).toEqual([
      'nslookup api-sse.cisco.com 192.168.7.53',
      'nslookup api-sse.cisco.com 192.168.8.53',
    ]);
    expect(commands(d.runbook)).toEqual(
      expect.arrayContaining([
        'show network',
        'expert',
        'curl -v -k https://api-sse.cisco.com',
        'telnet api-sse.cisco.com 443',
      ]),
    );
  });

  it('connectivity: compares with a healthy peer’s server when the peers use another set', () => {
    const input = fleet([
      healthy('h1', shown({ dns: ['10.0.0.53', '10.0.0.54'] })),
      failing('a', shown({ dns: ['192.168.7.53'] })),
    ]);
    const d = device(input, 'a');
    expect(commands(d.runbook)).toContain('nslookup api-sse.cisco.com 10.0.0.53');
    expect(d.runbook.find((s) => s.id === 'resolve-peer')?.text.en).toContain(
      'configure network dns servers 10.0.0.53,10.0.0.54',
    );
  });

  it('connectivity: no peer comparison when the peers use the same servers', () => {
    const input = fleet([
      healthy('h1', shown({ dns: ['10.0.0.53'] })),
      failing('a', shown({ dns: ['10.0.0.53'] })),
    ]);
    expect(stepIds(device(input, 'a').runbook)).not.toContain('resolve-peer');
  });

  it('dns-missing: proposes the DNS set most healthy peers use', () => {
    const input = fleet([
      healthy('h1', shown({ dns: ['10.0.0.53', '10.0.0.54'] })),
      healthy('h2', shown({ dns: ['10.0.0.54', '10.0.0.53'] })),
      healthy('h3', shown({ dns: ['172.16.0.53'] })),
      healthy('h4'),
      failing('a', shown({ dns: [] })),
    ]);
    const d = device(input, 'a');
    expect(commands(d.runbook)).toContain('configure network dns servers 10.0.0.53,10.0.0.54');
    expect(d.runbook.find((s) => s.id === 'add-dns-from-peers')?.text.en).toContain(
      'on 2 healthy devices read',
    );
    expect(diagnose(input).peerDns).toEqual({ servers: ['10.0.0.53', '10.0.0.54'], deviceIds: ['h1', 'h2'] });
  });

  it('dns-missing: ties between peer sets go to the set seen first', () => {
    const input = fleet([
      healthy('h1', shown({ dns: ['172.16.0.53'] })),
      healthy('h2', shown({ dns: ['10.0.0.53'] })),
      failing('a', shown({ dns: [] })),
    ]);
    expect(commands(device(input, 'a').runbook)).toContain('configure network dns servers 172.16.0.53');
  });

  it('dns-missing: says there is no proposal when no healthy device was read', () => {
    const d = device(fleet([healthy('h1'), failing('a', shown({ dns: [] }))]), 'a');
    expect(stepIds(d.runbook)).toContain('add-dns');
    expect(stepIds(d.runbook)).not.toContain('add-dns-from-peers');
    expect(d.runbook.find((s) => s.id === 'add-dns')?.text.en).toMatch(/nothing to propose/);
    expect(commands(d.runbook)).toContain('configure network dns servers <dns_ip>[,<dns_ip>]');
  });

  it('failing devices never serve as peers', () => {
    const input = fleet([failing('f', shown({ dns: ['10.9.9.9'] })), failing('a', shown({ dns: [] }))]);
    expect(diagnose(input).peerDns).toBeNull();
  });

  it('proxy: tests the device’s own proxy and cites CSCvs05084', () => {
    const d = device(
      fleet([failing('a', shown({ dns: ['10.0.0.53'], proxy: { address: '10.99.0.8', port: 3128 } }))]),
      'a',
    );
    expect(commands(d.runbook)).toEqual(
      expect.arrayContaining([
        'telnet 10.99.0.8 3128',
        'curl -v -k -x http://10.99.0.8:3128 https://api-sse.cisco.com',
      ]),
    );
    expect(d.runbook.find((s) => s.id === 'bug')?.text.en).toContain(
      'https://bst.cloudapps.cisco.com/bugsearch/bug/CSCvs05084',
    );
    expect(d.runbook.find((s) => s.id === 'allow-hosts')?.text.en).toContain(
      'registration.us.sse.itd.cisco.com',
    );
  });

  it('proxy: a shell-hostile proxy address is never pasted into a command', () => {
    const d = device(
      fleet([failing('a', shown({ dns: ['10.0.0.53'], proxy: { address: 'p;reboot', port: 3128 } }))]),
      'a',
    );
    expect(d.verdict).toBe('proxy');
    const cmds = commands(d.runbook).join('\n');
    expect(cmds).not.toContain('reboot');
    expect(cmds).toContain('curl -v -k -x http://<proxyHost>:3128 https://api-sse.cisco.com');
  });

  it('data-interfaces gateway adds the routing remark and show route', () => {
    const d = device(fleet([failing('a', shown({ dns: ['10.0.0.53'], gateway: 'data-interfaces' }))]), 'a');
    expect(stepIds(d.runbook)).toContain('routing');
    expect(commands(d.runbook)).toContain('show route');
    const plain = device(fleet([failing('a', shown({ dns: ['10.0.0.53'] }))]), 'a');
    expect(stepIds(plain.runbook)).not.toContain('routing');
  });

  it('connectivity with the proxy section cut off says to check the proxy by hand', () => {
    const d = device(fleet([failing('a', shown({ dns: ['10.0.0.53'], cut: 'before-proxy' }))]), 'a');
    expect(stepIds(d.runbook)).toContain('proxy-unseen');
  });

  it('expected-integration-off: switch the module off in System > Health > Policy, or enable the integration', () => {
    const d = device(fleet([failing('a', notRead())], INTEGRATION_OFF), 'a');
    expect(stepIds(d.runbook)).toEqual([
      'why',
      'silence',
      'silence-one-device',
      'enable-integration',
      'rerun',
    ]);
    expect(d.runbook.find((s) => s.id === 'silence')?.text.en).toContain('System > Health > Policy');
    expect(d.runbook.find((s) => s.id === 'silence')?.text.en).toContain('Threat Data Updates on Devices');
    expect(commands(d.runbook)).toEqual([]);
  });

  it('unknown: says what could not be read, then show network and the scenario-2 commands', () => {
    const d = device(
      fleet([
        failing('a', { ok: false, reason: 'unsupported', message: 'Not on 6.4' }, { version: '6.4.0' }),
      ]),
      'a',
    );
    expect(d.runbook[0]?.text.en).toContain('cannot be run through the FMC on this device (version 6.4.0)');
    expect(d.runbook[0]?.text.en).toContain('Not on 6.4');
    const cmds = commands(d.runbook);
    expect(cmds[0]).toBe('show network');
    expect(cmds).toEqual(
      expect.arrayContaining([
        'nslookup api-sse.cisco.com',
        'curl -v -k https://api-sse.cisco.com',
        'telnet api-sse.cisco.com 443',
      ]),
    );
  });

  it.each([
    [{ ok: false as const, reason: 'failed' as const }, 'the show network command failed'],
    [notRead(), 'show network was not read'],
    [shown({ cut: 'before-dns' }), 'stops before the DNS Servers line'],
  ])('unknown names its reason (%#)', (sn, reason) => {
    expect(device(fleet([failing('a', sn)]), 'a').runbook[0]?.text.en).toContain(reason);
  });

  it('healthy devices get no runbook', () => {
    expect(device(fleet([healthy('h', shown({ dns: ['10.0.0.53'] }))]), 'h').runbook).toEqual([]);
  });
});

describe('runbook data', () => {
  it('has a template for every verdict', () => {
    expect(Object.keys(RUNBOOKS).sort()).toEqual([...VERDICTS].sort());
  });

  it('every step and expectation exists in English and French, and they differ', () => {
    for (const steps of Object.values(RUNBOOKS))
      for (const step of steps) {
        const texts = [step.text, ...(step.commands ?? []).flatMap((c) => (c.expect ? [c.expect] : []))];
        for (const text of texts) {
          expect(text.en.trim()).not.toBe('');
          expect(text.fr.trim()).not.toBe('');
          expect(text.fr).not.toBe(text.en);
        }
      }
  });

  it('a filled runbook leaves no {placeholder} behind, in any verdict', () => {
    const input = fleet([
      healthy('h1', shown({ dns: ['10.0.0.53'] })),
      failing('dns', shown({ dns: [] })),
      failing('proxy', shown({ dns: ['10.0.0.53'], proxy: { address: 'proxy.corp', port: 8080 } })),
      failing('conn', shown({ dns: ['192.168.1.1'], gateway: 'data-interfaces', cut: 'before-proxy' })),
      failing('unk', { ok: false, reason: 'failed' }),
    ]);
    const off = fleet([failing('off', notRead())], INTEGRATION_OFF);
    const devices = [...diagnose(input).devices, ...diagnose(off).devices];
    expect(new Set(devices.map((d) => d.verdict))).toEqual(new Set(VERDICTS));
    const text = JSON.stringify(devices.map((d) => d.runbook));
    expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
  });
});
