import { describe, expect, it } from 'vitest';
import type { DnsQueryResult, DnsResolver, RecordType } from '../../lib/dns';
import { runDiagnosis } from '../../lib/doctor/run';
import { generateFleet } from '../fmc-sim/fleet';
import { simPerTest } from './sim-harness';

const sims = simPerTest();
const domain = { uuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f', name: 'Global' };

/** A resolver that answers every question the same way. */
function resolver(answer: Pick<DnsQueryResult, 'status' | 'answers' | 'error'>): DnsResolver {
  return {
    kind: 'doh-json',
    label: 'https://doh.test/dns-query',
    resolve: async (name: string, type: RecordType) => ({ name, type, ms: 1, ...answer }),
  };
}

describe('runDiagnosis against the simulator', () => {
  it('gives every device a verdict, reads a few healthy peers, and reports progress up to the end', async () => {
    const { client } = await sims.signedIn({
      fleet: { devices: 30, failing: 3, seed: 2, causes: ['dns-missing', 'proxy', 'connectivity'] },
    });
    const progress: number[] = [];
    const { diagnosis } = await runDiagnosis({
      client,
      domain,
      peers: 2,
      onProgress: (p) => progress.push(p.done),
    });
    expect(diagnosis.devices).toHaveLength(30);
    expect(
      diagnosis.devices
        .filter((d) => d.verdict !== 'healthy')
        .map((d) => d.verdict)
        .sort(),
    ).toEqual(['connectivity', 'dns-missing', 'proxy']);
    const healthyRead = diagnosis.devices.filter((d) => d.verdict === 'healthy' && d.managementDns !== null);
    expect(healthyRead).toHaveLength(2);
    expect(diagnosis.peerDns?.servers.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeGreaterThanOrEqual(progress[0] ?? 0);
  });

  it('flags a region host the browser cannot resolve, but not when the resolver itself is unreachable', async () => {
    const { client } = await sims.signedIn({
      fleet: { devices: 6, failing: 2, seed: 3, causes: ['connectivity'] },
    });
    const nxdomain = await runDiagnosis({
      client,
      domain,
      resolver: resolver({ status: 'nxdomain', answers: [] }),
    });
    expect(nxdomain.diagnosis.flags.map((f) => f.id)).toContain('browser-cannot-resolve');

    const unreachable = await runDiagnosis({
      client,
      domain,
      resolver: resolver({ status: 'error', answers: [], error: { code: 'unreachable' } }),
    });
    expect(unreachable.diagnosis.flags.map((f) => f.id)).not.toContain('browser-cannot-resolve');

    const resolves = await runDiagnosis({
      client,
      domain,
      resolver: resolver({
        status: 'ok',
        answers: [{ name: 'api-sse.cisco.com', type: 'A', ttl: 60, data: '192.0.2.1' }],
      }),
    });
    expect(resolves.diagnosis.flags.map((f) => f.id)).not.toContain('browser-cannot-resolve');
  });

  it('resolves only a knowledge-base region host without a click, never a host the FMC supplies', async () => {
    const asked: string[] = [];
    const spy: DnsResolver = {
      kind: 'doh-json',
      label: 'https://doh.test/dns-query',
      resolve: async (name: string, type: RecordType) => {
        asked.push(name);
        return { name, type, ms: 1, status: 'ok', answers: [] };
      },
    };
    const known = await sims.signedIn({ fleet: { devices: 4, failing: 1, seed: 3, region: 'eu' } });
    await runDiagnosis({ client: known.client, domain, resolver: spy, peers: 0 });
    expect([...new Set(asked)]).toEqual(['api.eu.sse.itd.cisco.com']);

    asked.length = 0;
    const fleet = generateFleet({ devices: 4, failing: 1, seed: 3 });
    fleet.integration.regionDomain = 'api.tracker.example';
    const other = await sims.signedIn({ fleet });
    const { diagnosis } = await runDiagnosis({ client: other.client, domain, resolver: spy, peers: 0 });
    expect(diagnosis.integration.sseHost).toBe('api.tracker.example');
    expect(asked).toEqual([]);
  });

  it('marks a failing device whose show network the FMC refuses as unknown, and goes on', async () => {
    const { client, sim } = await sims.signedIn({
      fleet: { devices: 8, failing: 2, seed: 5, causes: ['dns-missing'] },
    });
    sim.api.setFaults({ inject: [{ match: 'operational/commands', times: 20, status: 500 }] });
    const { diagnosis } = await runDiagnosis({ client, domain, peers: 0 });
    expect(diagnosis.devices.filter((d) => d.verdict === 'unknown')).toHaveLength(2);
    expect(diagnosis.devices.filter((d) => d.verdict === 'healthy')).toHaveLength(6);
  });
});
