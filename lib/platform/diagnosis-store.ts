import { type DiagnosisState, parseDiagnosisState } from '../protocol/diagnosis-state';
import { STORAGE } from './storage';

export { type DiagnosisState, parseDiagnosisState } from '../protocol/diagnosis-state';

/**
 * The last diagnosis of each FMC and the run in progress, in storage.session (`STORAGE.diagnosis`): the popup
 * renders it at once when it opens, and every page sees the same state. Gone when the browser closes.
 */
export async function readDiagnosisState(origin: string): Promise<DiagnosisState | undefined> {
  return STORAGE.diagnosis(origin).read();
}

export async function writeDiagnosisState(origin: string, state: DiagnosisState): Promise<void> {
  await STORAGE.diagnosis(origin).write(state);
}

export async function clearDiagnosisState(origin: string): Promise<void> {
  await STORAGE.diagnosis(origin).remove();
}

/** Calls back with every new state of this FMC's diagnosis; returns the unsubscribe function. */
export function watchDiagnosisState(
  origin: string,
  onChange: (state: DiagnosisState | undefined) => void,
): () => void {
  return STORAGE.diagnosis(origin).watch(onChange);
}

// Kept for callers that validate a value they did not read through the registry (tests, tampering checks).
void parseDiagnosisState;
