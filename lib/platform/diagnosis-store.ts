import { browser } from 'wxt/browser';
import type { Diagnosis } from '../diagnose';
import type { DoctorProgress } from '../doctor/run';
import type { Localized } from '../knowledge/schema';

/**
 * The last diagnosis of each FMC and the run in progress, in storage.session: the popup renders it at once
 * when it opens, and every page sees the same state. Gone when the browser closes.
 */
export interface DiagnosisState {
  status: 'running' | 'done' | 'error' | 'signed-out';
  /** The latest finished diagnosis, kept while a new run is going or after a failed one. */
  diagnosis?: Diagnosis;
  progress?: DoctorProgress;
  error?: { code: string; message: Localized };
  startedAt: number;
  finishedAt?: number;
}

const key = (origin: string) => `diagnosis:${origin}`;

export async function readDiagnosisState(origin: string): Promise<DiagnosisState | undefined> {
  const value = (await browser.storage.session.get(key(origin)))[key(origin)];
  return value && typeof value === 'object' && 'status' in value ? (value as DiagnosisState) : undefined;
}

export async function writeDiagnosisState(origin: string, state: DiagnosisState): Promise<void> {
  await browser.storage.session.set({ [key(origin)]: state });
}

export async function clearDiagnosisState(origin: string): Promise<void> {
  await browser.storage.session.remove(key(origin));
}

/** Calls back with every new state of this FMC's diagnosis; returns the unsubscribe function. */
export function watchDiagnosisState(
  origin: string,
  onChange: (state: DiagnosisState | undefined) => void,
): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && key(origin) in changes)
      onChange(changes[key(origin)]?.newValue as DiagnosisState | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
