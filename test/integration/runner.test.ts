import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { markIfInterrupted, startDiagnosis } from '../../lib/features/diagnosis-run';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { FmcClient, MemoryTokenStore } from '../../lib/fmc';
import { listDevices } from '../../lib/fmc/resources';
import { diagnosisLock, locks, memoryLocks } from '../../lib/platform/locks';
import { readDiagnosisState, writeDiagnosisState, writeRateOverride } from '../../lib/platform/storage';
import { SIM_PASSWORD, SIM_USER, simPerTest } from './sim-harness';

const sims = simPerTest({ fleet: { devices: 8, failing: 2, seed: 3 } });

beforeEach(() => {
  fakeBrowser.reset();
});

async function signedInSim() {
  const sim = await sims.start();
  const client = await fmcClientFor(sim.origin);
  await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
  sim.api.reset();
  // reset() forgets the tokens: sign in again, then count from zero.
  await client.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
  const baseline = sim.api.stats().requests;
  return { sim, client, requestsSince: () => sim.api.stats().requests - baseline };
}

describe('one run per FMC', () => {
  it('a second start while a run goes joins it: one run’s requests, one result', async () => {
    const { sim, requestsSince } = await signedInSim();
    const [first, second] = await Promise.all([startDiagnosis(sim.origin), startDiagnosis(sim.origin)]);
    expect([first, second].sort()).toEqual(['joined', 'started']);
    const alone = requestsSince();
    expect((await readDiagnosisState(sim.origin))?.status).toBe('done');

    // The same run alone, for comparison.
    const before = requestsSince();
    await startDiagnosis(sim.origin);
    expect(requestsSince() - before).toBe(alone);
  });

  it('a start while another context holds the run’s lock joins it and sends nothing', async () => {
    const { sim, requestsSince } = await signedInSim();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const other = locks.request(diagnosisLock(sim.origin), {}, () => held);
    await writeDiagnosisState(sim.origin, { status: 'running', startedAt: Date.now(), runner: 'worker' });
    await expect(startDiagnosis(sim.origin)).resolves.toBe('joined');
    expect(requestsSince()).toBe(0);
    release();
    await other;
  });
});

describe('a run that stopped without finishing', () => {
  const origin = 'https://fmc.example';

  it('is marked interrupted once nobody holds its lock, and only then', async () => {
    await writeDiagnosisState(origin, { status: 'running', startedAt: 1, runner: 'worker' });
    let release: () => void = () => undefined;
    const held = locks.request(diagnosisLock(origin), {}, () => new Promise<void>((r) => (release = r)));
    await expect(markIfInterrupted(origin)).resolves.toMatchObject({ status: 'running' });
    release();
    await held;
    await expect(markIfInterrupted(origin)).resolves.toMatchObject({ status: 'interrupted' });
    expect((await readDiagnosisState(origin))?.status).toBe('interrupted');
  });

  it('a finished state is left alone', async () => {
    await writeDiagnosisState(origin, { status: 'done', startedAt: 1, finishedAt: 2 });
    await expect(markIfInterrupted(origin)).resolves.toMatchObject({ status: 'done' });
  });
});

describe('storage that refuses the result', () => {
  it('shows an error instead of a run stuck at "running"', async () => {
    const { sim } = await signedInSim();
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      const value = Object.values(items as Record<string, { status?: string }>)[0];
      if (value?.status === 'done') throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    await startDiagnosis(sim.origin);
    const state = await readDiagnosisState(sim.origin);
    expect(state?.status).toBe('error');
    expect(state?.error?.code).toBe('storage-failed');
    expect(state?.error?.message.en).toContain('QUOTA_BYTES quota exceeded');
    expect(state?.error?.message.fr).toContain('le navigateur a refusé');
  });
});

describe('settings apply at once', () => {
  it('one client per FMC, whose rate follows the setting from the next request on', async () => {
    const sim = await sims.start();
    const client = await fmcClientFor(sim.origin);
    expect(await fmcClientFor(sim.origin)).toBe(client);
    await writeRateOverride(7);
    await vi.waitFor(() => expect(client.limiter.requests.perWindow).toBe(7));
    await writeRateOverride(null);
    await vi.waitFor(() => expect(client.limiter.requests.perWindow).toBe(120));
  });
});

describe('token renewal across the extension’s pages and worker', () => {
  /** Two contexts (a page and the worker): two clients, one token store, and, when given, one lock. */
  async function twoContexts(shareLock: boolean) {
    const sim = await sims.start({ faults: { tokenLifetimeMs: 300 } });
    const store = new MemoryTokenStore();
    const shared = memoryLocks();
    const make = () =>
      new FmcClient({
        url: sim.origin,
        store,
        // The refresh is asked for only after a 401, as happens when a token expires in flight.
        refreshAheadMs: 0,
        tokenLifetimeMs: 60_000,
        ...(shareLock ? { serialise: (task) => shared.request('token', {}, () => task()) } : {}),
      });
    const page = make();
    const worker = make();
    await page.signIn(SIM_USER, SIM_PASSWORD, { keepPassword: false });
    await worker.session.restore();
    await new Promise((resolve) => setTimeout(resolve, 350));
    return { sim, page, worker, store };
  }

  it('serialised: one refresh, both go on, nobody is signed out', async () => {
    const { sim, page, worker, store } = await twoContexts(true);
    const [a, b] = await Promise.all([listDevices(page), listDevices(worker)]);
    expect(a.items).toHaveLength(8);
    expect(b.items).toHaveLength(8);
    expect(sim.api.stats().refreshes).toBe(1);
    expect(sim.api.stats().failedRefreshes).toBe(0);
    expect(await store.load(sim.origin)).toBeDefined();
  });

  it('control: without the shared lock the second refresh spends a voided token and signs the user out', async () => {
    const { sim, page, worker, store } = await twoContexts(false);
    const results = await Promise.allSettled([listDevices(page), listDevices(worker)]);
    expect(sim.api.stats().failedRefreshes).toBeGreaterThan(0);
    expect(results.some((r) => r.status === 'rejected')).toBe(true);
    expect(await store.load(sim.origin)).toBeUndefined();
  });
});
