import { describe, expect, it } from 'vitest';
import {
  DIAGNOSIS_FRESH_MS,
  type DiagnosisState,
  diagnosedAtOf,
  isStale,
} from '../../lib/protocol/diagnosis-state';

// Issue 19: the popup opens on the stored diagnosis and runs a new one by itself only when it is stale.
const NOW = Date.parse('2026-12-07T11:20:00Z');
const state = (over: Partial<DiagnosisState>): DiagnosisState => ({
  status: 'done',
  startedAt: NOW,
  ...over,
});

describe('isStale', () => {
  it('no state, or a state with no end, is stale', () => {
    expect(isStale(undefined, NOW)).toBe(true);
    expect(isStale(state({ status: 'signed-out' }), NOW)).toBe(true);
  });

  it('a run that ended within the window is fresh, one that ended earlier is stale', () => {
    expect(isStale(state({ finishedAt: NOW - 1_000 }), NOW)).toBe(false);
    expect(isStale(state({ finishedAt: NOW - DIAGNOSIS_FRESH_MS + 1 }), NOW)).toBe(false);
    expect(isStale(state({ finishedAt: NOW - DIAGNOSIS_FRESH_MS }), NOW)).toBe(true);
  });

  it('a failed or interrupted run within the window is not run again by itself', () => {
    expect(isStale(state({ status: 'error', finishedAt: NOW - 1_000 }), NOW)).toBe(false);
    expect(isStale(state({ status: 'interrupted', finishedAt: NOW - 1_000 }), NOW)).toBe(false);
  });

  it('a run going is never stale; an end time in the future (a clock moved back) is', () => {
    expect(isStale(state({ status: 'running', finishedAt: NOW - 10 * DIAGNOSIS_FRESH_MS }), NOW)).toBe(false);
    expect(isStale(state({ finishedAt: NOW + 60_000 }), NOW)).toBe(true);
  });
});

describe('diagnosedAtOf', () => {
  const diagnosis = {} as NonNullable<DiagnosisState['diagnosis']>;
  it('is the time of the run that made the diagnosis, not of a later failed run', () => {
    expect(diagnosedAtOf(state({ diagnosis, finishedAt: NOW - 5, diagnosedAt: NOW - 60_000 }))).toBe(
      NOW - 60_000,
    );
    expect(
      diagnosedAtOf(state({ status: 'error', diagnosis, finishedAt: NOW, diagnosedAt: NOW - 60_000 })),
    ).toBe(NOW - 60_000);
  });

  it('falls back on a done run’s end, and is unknown without a diagnosis or a time', () => {
    expect(diagnosedAtOf(state({ diagnosis, finishedAt: NOW }))).toBe(NOW);
    expect(diagnosedAtOf(state({ status: 'error', diagnosis, finishedAt: NOW }))).toBeUndefined();
    expect(diagnosedAtOf(state({ finishedAt: NOW, diagnosedAt: NOW }))).toBeUndefined();
  });
});
