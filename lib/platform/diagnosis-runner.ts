import { runDiagnosis } from '../doctor/run';
import { FmcError } from '../fmc/errors';
import type { Localized } from '../knowledge/schema';
import { type DiagnosisState, readDiagnosisState, writeDiagnosisState } from './diagnosis-store';
import { fmcClientFor } from './fmc-client';
import { currentResolver } from './resolver-setting';

const running = new Map<string, AbortController>();
/** Progress is written at most this often: storage events wake every open page. */
const PROGRESS_EVERY_MS = 250;

/**
 * Diagnoses an FMC and keeps the state in storage.session as it goes. One run per FMC at a time: a second
 * call while one runs joins it. Used by the background (for the popup) and by the report page.
 */
export async function startDiagnosis(origin: string): Promise<void> {
  if (running.has(origin)) return;
  const controller = new AbortController();
  running.set(origin, controller);
  const previous = (await readDiagnosisState(origin))?.diagnosis;
  const startedAt = Date.now();
  const base = { startedAt, ...(previous ? { diagnosis: previous } : {}) };
  let lastWrite = 0;
  try {
    await writeDiagnosisState(origin, {
      ...base,
      status: 'running',
      progress: { done: 0, expected: 0, etaMs: 0 },
    });
    const client = await fmcClientFor(origin);
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
        void writeDiagnosisState(origin, { ...base, status: 'running', progress });
      },
    });
    await writeDiagnosisState(origin, { startedAt, status: 'done', diagnosis, finishedAt: Date.now() });
  } catch (error) {
    await writeDiagnosisState(origin, failedState(base, error));
  } finally {
    running.delete(origin);
  }
}

export function cancelDiagnosis(origin: string): void {
  running.get(origin)?.abort();
}

export function isDiagnosing(origin: string): boolean {
  return running.has(origin);
}

function failedState(base: Omit<DiagnosisState, 'status'>, error: unknown): DiagnosisState {
  const finishedAt = Date.now();
  if (error instanceof FmcError) {
    if (error.code === 'sign-in-required') return { ...base, status: 'signed-out', finishedAt };
    const message: Localized = { en: error.localized('en'), fr: error.localized('fr') };
    return { ...base, status: 'error', error: { code: error.code, message }, finishedAt };
  }
  const text = error instanceof Error ? error.message : String(error);
  return {
    ...base,
    status: 'error',
    error: {
      code: 'internal',
      message: { en: `The diagnosis stopped: ${text}`, fr: `Le diagnostic s'est arrêté : ${text}` },
    },
    finishedAt,
  };
}
