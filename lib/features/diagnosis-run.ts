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
import type { DiagnosisState } from '../protocol/diagnosis-state';
import { runError } from '../protocol/run-answers';
import { fmcClientFor } from './fmc-client';
import { openReportToRun } from './report-tab';

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
 * the run holds a Web Lock, and a start while another context's run holds it joins that run (its state is
 * the one every page shows). A lock can be held for a moment by `markIfInterrupted`; a start that meets it
 * asks once more.
 */
export async function startDiagnosis(
  origin: string,
  options: RunnerOptions = {},
): Promise<'started' | 'joined'> {
  if (running.has(origin)) return 'joined';
  const asked = Date.now();
  const attempt = () =>
    locks.request(diagnosisLock(origin), { ifAvailable: true }, async (held) => {
      if (!held) return 'joined' as const;
      await run(origin, options);
      return 'started' as const;
    });
  const first = await attempt();
  if (first === 'started') return first;
  // Someone held the lock: a run (joined), or for a moment `markIfInterrupted` (then this start must go on).
  await new Promise((resolve) => setTimeout(resolve, 200));
  const state = await readDiagnosisState(origin).catch(() => undefined);
  const joined =
    state?.status === 'running' ||
    (state?.status !== 'interrupted' && state?.finishedAt !== undefined && state.finishedAt >= asked);
  return joined ? 'joined' : attempt();
}

async function run(origin: string, options: RunnerOptions): Promise<void> {
  const controller = new AbortController();
  running.set(origin, controller);
  const stopKeepingAlive = options.keepAlive?.();
  const previous = (await readDiagnosisState(origin).catch(() => undefined))?.diagnosis;
  const startedAt = Date.now();
  const base = {
    startedAt,
    runner: options.runner ?? 'page',
    ...(previous ? { diagnosis: previous } : {}),
  } as const;
  let lastWrite = 0;
  try {
    await writeDiagnosisState(origin, {
      ...base,
      status: 'running',
      progress: { done: 0, expected: 0, etaMs: 0 },
    });
    const client = await fmcClientFor(origin);
    // The setting as it is now, even in a worker that slept through its change.
    client.setRateOverride(await readRateOverride().catch(() => null));
    const session = await client.session.restore();
    if (!session) {
      await writeDiagnosisState(origin, { ...base, status: 'signed-out', finishedAt: Date.now() });
      return;
    }
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
    await writeFinal(origin, { ...base, status: 'done', diagnosis, finishedAt: Date.now() });
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

/**
 * After a worker run that could not reach the FMC at all (`tls-or-network`): a certificate the user accepted
 * in a tab may hold for the extension's pages and not for its service worker, so the run is handed to an
 * extension page (`openReport` opens the report tab, which runs at once). Only a worker run is handed over,
 * and only once: the page's own failure is shown as it is. Returns whether it handed over.
 */
export async function handOverUnreachable(
  origin: string,
  openReport: () => Promise<unknown>,
): Promise<boolean> {
  const state = await readDiagnosisState(origin).catch(() => undefined);
  if (state?.status !== 'error' || state.error?.code !== 'tls-or-network' || state.runner !== 'worker')
    return false;
  await writeDiagnosisState(origin, { ...state, error: runError('handed-to-report', {}) });
  await openReport();
  return true;
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
 * last; one that cannot reach the FMC at all is handed to the report (`handOverUnreachable`). A worker that
 * starts has no run going: a stored "running" whose lock nobody holds was cut short when the previous worker
 * stopped. Runs asked for now start after this check, so it never marks them. Returns the `diagnose` handler.
 */
export function serveDiagnoses(): (origin: string) => void {
  const checked = diagnosedOrigins()
    .then((origins) => Promise.all(origins.map((origin) => markIfInterrupted(origin))))
    .catch(() => undefined);
  return (origin) =>
    void checked
      .then(() => startDiagnosis(origin, { runner: 'worker', keepAlive: keepWorkerAlive }))
      .then((outcome) =>
        outcome === 'started' ? handOverUnreachable(origin, () => openReportToRun(origin)) : false,
      )
      .catch(() => undefined);
}
