import { describe, expect, it } from 'vitest';
import {
  type DeviceDiagnosis,
  type Diagnosis,
  decideDevice,
  decideDevices,
  decideIntegration,
  diagnose,
} from '../../lib/diagnose';
import type { IntegrationInput } from '../../lib/diagnose/types';
import {
  branchFleet,
  failing,
  fleet,
  healthy,
  INTEGRATION_OFF,
  notRead,
  shown,
} from '../fixtures/diagnose/build';

const AT = '2026-05-06T07:08:09.000Z';
const LATER = '2026-05-06T08:00:00.000Z';

function branch(): Diagnosis {
  return diagnose(
    fleet([
      healthy('hq-1', shown({ dns: ['10.0.0.53', '10.0.0.54'] }), { name: 'HQ 1', hostName: 'hq-1.corp' }),
      healthy('hq-2', shown({ dns: ['10.0.0.54', '10.0.0.53'] })),
      failing('branch-nodns', shown({ dns: [] }), { name: 'Branch no DNS', hostName: 'bnd.corp' }),
      failing('branch-proxy', shown({ dns: ['10.0.0.53'], proxy: { address: '10.99.0.8', port: 3128 } })),
      failing('branch-res-1', shown({ dns: ['192.168.7.53'] })),
      failing('branch-res-2', shown({ dns: ['192.168.7.53'] })),
      failing('branch-unread', notRead()),
    ]),
  );
}

const find = (diagnosis: Diagnosis, id: string): DeviceDiagnosis => {
  const found = diagnosis.devices.find((device) => device.id === id);
  if (!found) throw new Error(`no device ${id}`);
  return found;
};

// A re-check (issue 10) decides one device again against the integration verdict the diagnosis stored, beside
// the other devices as the full run decided them: `decideDevice`, built on `decideDevices` like `diagnose`.
describe('decideDevice (a re-check against the stored integration verdict)', () => {
  it('makes a device whose alert is gone healthy, with clearedAt and recheckedAt', () => {
    const previous = branch();
    expect(find(previous, 'branch-nodns').verdict).toBe('dns-missing');
    const next = decideDevice(
      previous,
      healthy('branch-nodns', shown({ dns: ['10.0.0.53', '10.0.0.54'] }), {
        name: 'Branch no DNS',
        hostName: 'bnd.corp',
      }),
      { at: AT },
    );
    const device = find(next, 'branch-nodns');
    expect(device.verdict).toBe('healthy');
    expect(device.alert).toBeNull();
    expect(device.clearedAt).toBe(AT);
    expect(device.recheckedAt).toBe(AT);
    expect(device.hostName).toBe('bnd.corp');
    expect(device.managementDns?.servers).toEqual(['10.0.0.53', '10.0.0.54']);
    expect(next.counts['dns-missing']).toBe(previous.counts['dns-missing'] - 1);
    expect(next.counts.healthy).toBe(previous.counts.healthy + 1);
  });

  it('leaves every other device as the full run found it', () => {
    const previous = branch();
    const next = decideDevice(previous, healthy('branch-nodns', shown({ dns: ['10.0.0.53'] })), { at: AT });
    expect(next.devices.map((device) => device.id)).toEqual(previous.devices.map((device) => device.id));
    for (const device of next.devices) {
      if (device.id === 'branch-nodns') continue;
      const old = find(previous, device.id);
      expect(device.verdict).toBe(old.verdict);
      expect(device.evidence).toEqual(old.evidence);
      expect(device.runbook).toEqual(old.runbook);
      expect(device.alert).toEqual(old.alert);
      expect(device.managementDns).toEqual(old.managementDns);
      expect(device.name).toBe(old.name);
      expect(device.hostName).toBe(old.hostName);
      expect(device).not.toHaveProperty('recheckedAt');
      expect(device).not.toHaveProperty('clearedAt');
    }
    expect(next.fmc).toEqual(previous.fmc);
    expect(next.integration).toEqual(previous.integration);
    expect(next.schema).toBe(previous.schema);
  });

  it('keeps a device that still fails failing, with recheckedAt and no clearedAt', () => {
    const previous = branch();
    const next = decideDevice(
      previous,
      failing('branch-proxy', shown({ dns: ['10.0.0.53'], proxy: { address: '10.99.0.8', port: 3128 } }), {
        alert: { status: 'RED', details: 'Cloud Configuration - Failure', timestamp: 1_700_000_600 },
      }),
      { at: AT },
    );
    const device = find(next, 'branch-proxy');
    expect(device.verdict).toBe('proxy');
    expect(device.recheckedAt).toBe(AT);
    expect(device).not.toHaveProperty('clearedAt');
    expect(device.alert?.timestamp).toBe(1_700_000_600);
    expect(next.counts).toEqual(previous.counts);
  });

  it('gives a failing device the verdict of what the re-check read', () => {
    const previous = branch();
    const next = decideDevice(
      previous,
      failing('branch-nodns', shown({ dns: ['10.0.0.53'], proxy: { address: '10.1.1.1', port: 8080 } })),
      {
        at: AT,
      },
    );
    expect(find(next, 'branch-nodns').verdict).toBe('proxy');
    expect(next.counts.proxy).toBe(previous.counts.proxy + 1);
    expect(next.counts['dns-missing']).toBe(previous.counts['dns-missing'] - 1);
  });

  it('keeps the first clearedAt of a device re-checked healthy again', () => {
    const once = decideDevice(branch(), healthy('branch-nodns', shown({ dns: ['10.0.0.53'] })), { at: AT });
    const twice = decideDevice(once, healthy('branch-nodns', shown({ dns: ['10.0.0.53'] })), { at: LATER });
    const device = find(twice, 'branch-nodns');
    expect(device.clearedAt).toBe(AT);
    expect(device.recheckedAt).toBe(LATER);
  });

  it('drops clearedAt when a cleared device fails again', () => {
    const once = decideDevice(branch(), healthy('branch-nodns', shown({ dns: ['10.0.0.53'] })), { at: AT });
    const again = decideDevice(once, failing('branch-nodns', shown({ dns: [] })), { at: LATER });
    const device = find(again, 'branch-nodns');
    expect(device.verdict).toBe('dns-missing');
    expect(device).not.toHaveProperty('clearedAt');
    expect(device.recheckedAt).toBe(LATER);
  });

  it('gives no clearedAt to a device that was healthy before', () => {
    const next = decideDevice(branch(), healthy('hq-2', shown({ dns: ['10.0.0.54', '10.0.0.53'] })), {
      at: AT,
    });
    const device = find(next, 'hq-2');
    expect(device.verdict).toBe('healthy');
    expect(device.recheckedAt).toBe(AT);
    expect(device).not.toHaveProperty('clearedAt');
  });

  it("computes the other devices' flags again", () => {
    const previous = branch();
    const flagIds = (diagnosis: Diagnosis, id: string) => find(diagnosis, id).flags.map((flag) => flag.id);
    expect(flagIds(previous, 'branch-res-2')).not.toEqual([]);
    // Once branch-res-1 is healthy with the same resolver, that resolver is no longer only the failing ones'.
    const next = decideDevice(previous, healthy('branch-res-1', shown({ dns: ['192.168.7.53'] })), {
      at: AT,
    });
    expect(flagIds(next, 'branch-res-2')).toEqual([]);
    expect(find(next, 'branch-res-2').evidence).toEqual(find(previous, 'branch-res-2').evidence);
  });

  it('keeps what earlier re-checks found on the other devices, and their runbooks as the run wrote them', () => {
    const previous = diagnose(
      fleet([
        healthy('hq', shown({ dns: ['10.0.0.53'] })),
        failing('r1', shown({ dns: ['192.168.7.53'] })),
        failing('r2', shown({ dns: ['192.168.7.53'] })),
        failing('nodns', shown({ dns: [] })),
      ]),
    );
    expect(previous.peerDns?.servers).toEqual(['10.0.0.53']);
    const first = decideDevice(previous, healthy('r1', shown({ dns: ['192.168.7.53'] })), { at: AT });
    const second = decideDevice(first, healthy('r2', shown({ dns: ['192.168.7.53'] })), { at: LATER });

    const r1 = find(second, 'r1');
    expect(r1.verdict).toBe('healthy');
    expect(r1.recheckedAt).toBe(AT);
    expect(r1.clearedAt).toBe(AT);
    expect(find(second, 'r2').clearedAt).toBe(LATER);
    // The peers' DNS is computed again (two healthy devices now use 192.168.7.53)…
    expect(second.peerDns?.servers).toEqual(['192.168.7.53']);
    // …but the device nobody re-checked keeps the runbook the full run gave it.
    expect(find(second, 'nodns').runbook).toEqual(find(previous, 'nodns').runbook);
    expect(find(second, 'nodns').evidence).toEqual(find(previous, 'nodns').evidence);
  });

  it('adds a device the diagnosis did not have', () => {
    const previous = branch();
    const next = decideDevice(previous, failing('new-ftd', shown({ dns: [] })), { at: AT });
    expect(next.devices.map((device) => device.id)).toEqual([
      ...previous.devices.map((device) => device.id),
      'new-ftd',
    ]);
    const added = find(next, 'new-ftd');
    expect(added.verdict).toBe('dns-missing');
    expect(added.recheckedAt).toBe(AT);
    expect(added).not.toHaveProperty('clearedAt');
  });

  it('keeps the integration and the expected verdicts of a fleet with integration off', () => {
    const previous = diagnose(
      fleet([failing('a', shown({ dns: ['10.0.0.53'] })), failing('b', notRead())], INTEGRATION_OFF),
    );
    expect(previous.devices.map((device) => device.verdict)).toEqual([
      'expected-integration-off',
      'expected-integration-off',
    ]);
    const next = decideDevice(previous, failing('a', shown({ dns: ['10.0.0.53'] })), { at: AT });
    expect(next.integration).toEqual(previous.integration);
    expect(next.devices.map((device) => device.verdict)).toEqual([
      'expected-integration-off',
      'expected-integration-off',
    ]);
    const cleared = decideDevice(previous, healthy('a', shown({ dns: ['10.0.0.53'] })), { at: AT });
    expect(find(cleared, 'a').verdict).toBe('healthy');
    expect(find(cleared, 'a').clearedAt).toBe(AT);
  });

  it('re-reading a device unchanged gives the same verdicts, counts and peer DNS', () => {
    const previous = branch();
    const next = decideDevice(
      previous,
      failing('branch-nodns', shown({ dns: [] }), { name: 'Branch no DNS', hostName: 'bnd.corp' }),
      {
        at: AT,
      },
    );
    expect(next.counts).toEqual(previous.counts);
    expect(next.peerDns).toEqual(previous.peerDns);
    expect(next.flags.map((flag) => [flag.id, flag.deviceIds])).toEqual(
      previous.flags.map((flag) => [flag.id, flag.deviceIds]),
    );
    expect(next.devices.map((device) => device.verdict)).toEqual(
      previous.devices.map((device) => device.verdict),
    );
    expect(find(next, 'branch-nodns').runbook).toEqual(find(previous, 'branch-nodns').runbook);
  });

  it('does not change the diagnosis it was given', () => {
    const previous = branch();
    const copy = structuredClone(previous);
    decideDevice(previous, healthy('branch-nodns', shown({ dns: ['10.0.0.53'] })), { at: AT });
    expect(previous).toEqual(copy);
  });
});

describe('decideIntegration and decideDevices', () => {
  const integrations: Record<string, Partial<IntegrationInput>> = {
    'US, named': {},
    'EU, not named': { regionHost: 'api.eu.sse.itd.cisco.com', regionName: undefined },
    'a host the knowledge base does not list': { regionHost: 'api.new.sse.example.com', regionName: 'New' },
    'no region (US assumed)': { regionHost: null, regionName: undefined },
    'settings unread': { cloudEvents: 'error', securex: 'error' },
    'integration off': INTEGRATION_OFF,
  };

  it.each(Object.entries(integrations))('make up diagnose() (%s)', (_, integration) => {
    const input = fleet(branchFleet().devices, integration);
    const verdict = decideIntegration(input.integration);
    const decided = decideDevices(verdict, input.devices);
    const whole = diagnose(input);
    expect(whole.integration).toEqual(verdict);
    expect(whole.devices).toEqual(decided.devices);
    expect(whole.flags).toEqual(decided.flags);
    expect(whole.counts).toEqual(decided.counts);
    expect(whole.peerDns).toEqual(decided.peerDns);
  });

  it.each(Object.entries(integrations))(
    'decide devices from a stored integration verdict as the full run did (%s)',
    (_, integration) => {
      const input = fleet(branchFleet().devices, integration, {
        browserDns: [{ host: 'api-sse.cisco.com', ok: false, addresses: [], error: 'nxdomain' }],
      });
      const previous = diagnose(input);
      // As storage gives it back: the region's "assumed" and the scenario are read from the verdict alone.
      const stored: Diagnosis = JSON.parse(JSON.stringify(previous));
      const again = decideDevices(stored.integration, input.devices, { browserDns: input.browserDns });
      expect(again.devices).toEqual(previous.devices);
      expect(again.flags).toEqual(previous.flags);
      for (const device of input.devices) {
        const next = decideDevice(stored, device, { at: AT, browserDns: input.browserDns });
        const { recheckedAt: _at, clearedAt: _cleared, ...rechecked } = find(next, device.id);
        expect(rechecked).toEqual(find(previous, device.id));
        expect(next.integration).toEqual(previous.integration);
      }
    },
  );
});
