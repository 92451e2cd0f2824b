import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { markIfInterrupted, startDiagnosis } from '../../lib/features/diagnosis-run';
import { fmcClientFor } from '../../lib/features/fmc-client';
import { FmcClient, MemoryTokenStore } from '../../lib/fmc';
import { listDevices } from '../../lib/fmc/resources';
import { diagnosisLock, locks, memoryLocks } from '../../lib/platform/locks';
import {
  readDiagnosisState,
  watchDiagnosisState,
  writeDiagnosisState,
  writeRateOverride,
} from '../../lib/platform/storage';
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

describe('a start while a re-check or a watch tick holds the FMC’s lock (issue 17)', () => {
  it('runs right after the holder releases the lock, instead of being reported joined and never running', async () => {
    const { sim, requestsSince } = await signedInSim();
    await startDiagnosis(sim.origin);
    const before = (await readDiagnosisState(sim.origin)) as { startedAt: number };
    let release: () => void = () => undefined;
    const tick = locks.request(diagnosisLock(sim.origin), {}, () => new Promise<void>((r) => (release = r)));
    const sentBefore = requestsSince();

    let outcome: string | undefined;
    const queued = vi.spyOn(locks, 'request');
    const asked = startDiagnosis(sim.origin).then((value) => {
      outcome = value;
      return value;
    });
    // Positive control first: the start found the lock held by something that is not a run, and queued for it.
    await vi.waitFor(() =>
      expect(queued).toHaveBeenCalledWith(diagnosisLock(sim.origin), {}, expect.any(Function)),
    );
    queued.mockRestore();
    expect(outcome).toBeUndefined();
    expect(requestsSince()).toBe(sentBefore);

    release();
    await tick;
    await expect(asked).resolves.toBe('started');
    const after = await readDiagnosisState(sim.origin);
    expect(after?.status).toBe('done');
    expect(after?.startedAt).toBeGreaterThan(before.startedAt);
    expect(requestsSince()).toBeGreaterThan(sentBefore);
  });

  it('a run that finished after the ask, while it waited, answers it: no second run', async () => {
    const { sim } = await signedInSim();
    let release: () => void = () => undefined;
    const tick = locks.request(diagnosisLock(sim.origin), {}, () => new Promise<void>((r) => (release = r)));
    const queued = vi.spyOn(locks, 'request');
    const asked = startDiagnosis(sim.origin);
    await vi.waitFor(() =>
      expect(queued).toHaveBeenCalledWith(diagnosisLock(sim.origin), {}, expect.any(Function)),
    );
    queued.mockRestore();
    // The holder was a run whose state did not say "running" yet: it ends after the ask.
    await writeDiagnosisState(sim.origin, { status: 'done', startedAt: Date.now(), finishedAt: Date.now() });
    release();
    await tick;
    await expect(asked).resolves.toBe('joined');
  });
});

describe('a domain change (issue 17)', () => {
  it('a run for another domain replaces the old domain’s result at once; one for the same domain keeps it while it runs', async () => {
    const { sim, client } = await signedInSim();
    await startDiagnosis(sim.origin);
    const first = await readDiagnosisState(sim.origin);
    const global = first?.diagnosis?.fmc.domain;
    const other = client.session.domains.find((domain) => domain.uuid !== global?.uuid);
    if (!global || !other) throw new Error('the simulator offers two domains');

    const seen: Array<{ status: string; domain: string | undefined }> = [];
    const stop = watchDiagnosisState(sim.origin, (state) => {
      if (state) seen.push({ status: state.status, domain: state.diagnosis?.fmc.domain.uuid });
    });

    // Control: the same domain, the last result stays on screen while the new run goes.
    await startDiagnosis(sim.origin);
    expect(seen.find((s) => s.status === 'running')?.domain).toBe(global.uuid);

    seen.length = 0;
    await client.session.selectDomain(other.uuid);
    await startDiagnosis(sim.origin);
    const running = seen.filter((s) => s.status === 'running');
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((s) => s.domain === undefined)).toBe(true);
    const done = await readDiagnosisState(sim.origin);
    expect(done?.status).toBe('done');
    expect(done?.diagnosis?.fmc.domain.uuid).toBe(other.uuid);
    stop();
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
