import { runDiagnosis } from '../doctor/run';
import { FmcError } from '../fmc/errors';
import { keepWorkerAlive } from '../platform/keep-alive';
import { diagnosisLock, locks } from '../platform/locks';
import { currentResolver } from '../platform/resolver-setting';
import {
  diagnosedOrigins,
  readDiagnosisState,
  readRateOverride,
  writeDiagnosisState,
} from '../platform/storage';
import { carryClearedDevices, type DiagnosisState, diagnosedAtOf } from '../protocol/diagnosis-state';
import { runError } from '../protocol/run-answers';
import { fmcClientFor } from './fmc-client';

/** Runs of this page or worker, for Cancel. Other contexts' runs are seen through the lock. */
const running = new Map<string, AbortController>();
/** Progress is written at most this often: storage events wake every open page. */
const PROGRESS_EVERY_MS = 250;

export interface RunnerOptions {
  /** Where the run goes: the worker (the popup's runs) or an extension page (the report). */
  runner?: DiagnosisState['runner'];
  /**
   * Keeps the context alive while the run lasts; returns the function that stops it. The worker passes one: a
   * run can wait a minute for a 429's Retry-After or a slow device command, longer than the idle shutdown.
   */
  keepAlive?: () => () => void;
}

/**
 * Diagnoses an FMC and keeps the state in storage.session as it goes. One run per FMC across the extension:
 * the run holds a Web Lock. A start while another context's run holds it joins that run (its state is the one
 * every page shows). A start while something else holds the lock for a while (a re-check, a watch tick, or for
 * a moment `markIfInterrupted`) waits for it and runs right after, unless a run has finished since the ask
 * (that run answers it).
 */
export async function startDiagnosis(
  origin: string,
  options: RunnerOptions = {},
): Promise<'started' | 'joined'> {
  if (running.has(origin)) return 'joined';
  const asked = Date.now();
  const lock = diagnosisLock(origin);
  const first = await locks.request(lock, { ifAvailable: true }, async (held) => {
    if (!held) return 'busy' as const;
    await run(origin, options);
    return 'started' as const;
  });
  if (first === 'started') return first;
  if (await aRunHolds(origin)) return 'joined';
  return locks.request(lock, {}, async () => {
    const state = await readDiagnosisState(origin).catch(() => undefined);
    // A run that ended after the ask answers it (a re-check or a tick keeps `finishedAt` as it was).
    const answered =
      state !== undefined &&
      state.status !== 'interrupted' &&
      state.finishedAt !== undefined &&
      state.finishedAt >= asked;
    if (answered) return 'joined' as const;
    await run(origin, options);
    return 'started' as const;
  });
}

/**
 * Whether the lock's holder is a run (its state says "running"), rather than a re-check or a watch tick. A
 * "running" state can also be one `markIfInterrupted` is about to mark: asked again a moment later, it says so.
 */
async function aRunHolds(origin: string): Promise<boolean> {
  const isRunning = async () =>
    (await readDiagnosisState(origin).catch(() => undefined))?.status === 'running';
  if (!(await isRunning())) return false;
  await new Promise((resolve) => setTimeout(resolve, 200));
  return isRunning();
}

async function run(origin: string, options: RunnerOptions): Promise<void> {
  const controller = new AbortController();
  running.set(origin, controller);
  const stopKeepingAlive = options.keepAlive?.();
  const storedState = await readDiagnosisState(origin).catch(() => undefined);
  let stored = storedState?.diagnosis;
  const storedAt = diagnosedAtOf(storedState);
  const startedAt = Date.now();
  let base: Omit<DiagnosisState, 'status'> = {
    startedAt,
    runner: options.runner ?? 'page',
    ...(stored ? { diagnosis: stored } : {}),
    ...(stored && storedAt !== undefined ? { diagnosedAt: storedAt } : {}),
  };
  let lastWrite = 0;
  try {
    const client = await fmcClientFor(origin);
    // The setting as it is now, even in a worker that slept through its change.
    client.setRateOverride(await readRateOverride().catch(() => null));
    const session = await client.session.restore();
    // The last diagnosis is shown while this one runs, or after it fails, only when it is of the domain this
    // run diagnoses (the diagnosis names its domain, `fmc.domain`): after a domain change, the old domain's
    // result is replaced at once, never shown as this one's.
    if (session && stored && stored.fmc.domain.uuid !== session.domainUuid) {
      const { diagnosis: _otherDomain, diagnosedAt: _otherTime, ...rest } = base;
      base = rest;
      stored = undefined;
    }
    if (!session) {
      await writeDiagnosisState(origin, { ...base, status: 'signed-out', finishedAt: Date.now() });
      return;
    }
    await writeDiagnosisState(origin, {
      ...base,
      status: 'running',
      progress: { done: 0, expected: 0, etaMs: 0, phase: 'sign-in' },
    });
    const domain = session.domains.find((d) => d.uuid === session.domainUuid) ?? {
      uuid: session.domainUuid,
      name: session.domainUuid,
    };
    const { diagnosis } = await runDiagnosis({
      client,
      domain: { uuid: domain.uuid, name: domain.name },
      signal: controller.signal,
      resolver: await currentResolver().catch(() => null),
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS && progress.done < progress.expected) return;
        lastWrite = now;
        // A progress write that fails costs only a stale bar; the final write says what happened.
        writeDiagnosisState(origin, { ...base, status: 'running', progress }).catch(() => undefined);
      },
    });
    const finishedAt = Date.now();
    await writeFinal(origin, {
      ...base,
      status: 'done',
      // Devices a re-check or a watch cleared stay listed with their times across runs (issue 19).
      diagnosis: carryClearedDevices(stored, diagnosis),
      finishedAt,
      diagnosedAt: finishedAt,
    });
  } catch (error) {
    await writeFinal(origin, failedState(base, error));
  } finally {
    running.delete(origin);
    stopKeepingAlive?.();
  }
}

/**
 * The last write of a run. When storage refuses it (its quota, a browser shutting down), a small error state
 * takes its place, so that no page waits on a run that has ended; if even that fails, the released lock
 * still shows the run as interrupted.
 */
async function writeFinal(origin: string, state: DiagnosisState): Promise<void> {
  try {
    await writeDiagnosisState(origin, state);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    await writeDiagnosisState(origin, {
      startedAt: state.startedAt,
      ...(state.runner ? { runner: state.runner } : {}),
      status: 'error',
      error: runError('storage-failed', { detail }),
      finishedAt: Date.now(),
    }).catch(() => undefined);
  }
}

export function cancelDiagnosis(origin: string): void {
  running.get(origin)?.abort();
}

/**
 * A state that says "running" while no context holds the run's lock is a run that stopped without a word:
 * the worker was shut down, or the page that ran it closed. It is marked interrupted (under the lock, so a
 * run starting meanwhile is never marked). Returns the state as it now stands.
 */
export async function markIfInterrupted(origin: string): Promise<DiagnosisState | undefined> {
  const state = await readDiagnosisState(origin);
  if (state?.status !== 'running' || (await locks.isHeld(diagnosisLock(origin)))) return state;
  return locks.request(diagnosisLock(origin), { ifAvailable: true }, async (held) => {
    const now = await readDiagnosisState(origin);
    if (!held || now?.status !== 'running') return now;
    const { progress: _progress, ...rest } = now;
    const interrupted: DiagnosisState = { ...rest, status: 'interrupted', finishedAt: Date.now() };
    await writeDiagnosisState(origin, interrupted);
    return interrupted;
  });
}

function failedState(base: Omit<DiagnosisState, 'status'>, error: unknown): DiagnosisState {
  const finishedAt = Date.now();
  if (error instanceof FmcError) {
    if (error.code === 'sign-in-required') return { ...base, status: 'signed-out', finishedAt };
    const message = { en: error.localized('en'), fr: error.localized('fr') };
    return { ...base, status: 'error', error: { code: error.code, message }, finishedAt };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { ...base, status: 'error', error: runError('internal', { detail }), finishedAt };
}

/**
 * The background's part: the runs the popup asks for (`diagnose`) go in the worker, kept alive while they
 * last. The worker reaches a self-signed FMC through the offscreen document on Chromium (its FMC client,
 * ./fmc-client.ts), so no run is handed to a tab any more. A worker that starts has no run going: a stored
 * "running" whose lock nobody holds was cut short when the previous worker stopped. Runs asked for now start
 * after this check, so it never marks them. Returns the `diagnose` handler.
 */
export function serveDiagnoses(): (origin: string) => void {
  const checked = diagnosedOrigins()
    .then((origins) => Promise.all(origins.map((origin) => markIfInterrupted(origin))))
    .catch(() => undefined);
  return (origin) =>
    void checked
      .then(() => startDiagnosis(origin, { runner: 'worker', keepAlive: keepWorkerAlive }))
      .catch(() => undefined);
}
