import { z } from 'zod';
import type { Diagnosis } from '../diagnose';
import { LocalizedSchema, RenderedDiagnosisSchema } from '../diagnose/schema';
import { clearedSince } from '../diagnose/times';
import type { DoctorProgress } from '../doctor/run';
import type { Localized } from '../i18n';

/** The stored state of an FMC's diagnosis (`STORAGE.diagnosis`), and the schema every read checks. */
export interface DiagnosisState {
  /**
   * `interrupted`: the run stopped without finishing (the MV3 service worker was shut down, or the page that ran
   * it closed); the pages offer to run it again.
   */
  status: 'running' | 'done' | 'error' | 'signed-out' | 'interrupted';
  /** Where the run is going: the background (the popup's runs) or an extension page (the report). */
  runner?: 'worker' | 'page';
  /** The latest finished diagnosis, kept while a new run is going or after a failed one. */
  diagnosis?: Diagnosis;
  progress?: DoctorProgress;
  error?: { code: string; message: Localized };
  startedAt: number;
  finishedAt?: number;
  /**
   * When the run that made `diagnosis` finished: the "as of" the pages show. `finishedAt` is the last run's end,
   * which after a failed run is later than the diagnosis kept from before.
   */
  diagnosedAt?: number;
  /** When a re-check last changed the diagnosis (its pages and the FMC's hints redraw). */
  recheckedAt?: number;
}

// The diagnosis is checked by its own module's schema (lib/diagnose/schema.ts), never declared again here.
export const StoredStateSchema = z.looseObject({
  status: z.enum(['running', 'done', 'error', 'signed-out', 'interrupted']),
  runner: z.enum(['worker', 'page']).optional(),
  diagnosis: RenderedDiagnosisSchema.optional(),
  progress: z.looseObject({ done: z.number(), expected: z.number(), etaMs: z.number() }).optional(),
  error: z.looseObject({ code: z.string(), message: LocalizedSchema }).optional(),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  diagnosedAt: z.number().optional(),
  recheckedAt: z.number().optional(),
});

/** A stored state is used only when it has the shape this code writes: anything else reads as none. */
export function parseDiagnosisState(value: unknown): DiagnosisState | undefined {
  return StoredStateSchema.safeParse(value).success ? (value as DiagnosisState) : undefined;
}

/**
 * How long a finished diagnosis stands without a new run when the popup opens: 5 minutes. Our choice, not an
 * FMC figure: Cisco's example health policy evaluates its alerts every 5 minutes (the watch's default cites the
 * same), so a younger diagnosis would rarely see a change, while a full run costs the FMC's shared REST budget
 * 16 to 28 requests on a 12-device FMC. Refresh runs it at any time.
 */
export const DIAGNOSIS_FRESH_MS = 5 * 60_000;

/** When the diagnosis the state holds was made, if known (states written before `diagnosedAt`: a done run's end). */
export function diagnosedAtOf(state: DiagnosisState | undefined): number | undefined {
  if (!state?.diagnosis) return undefined;
  return state.diagnosedAt ?? (state.status === 'done' ? state.finishedAt : undefined);
}

/**
 * Whether opening a page should run the diagnosis by itself: not while a run is going, and not when the last
 * run (finished, failed or interrupted) ended within `DIAGNOSIS_FRESH_MS`, so that opening the popup twice asks
 * the FMC once. A state with no end time, or none at all, is stale. After a failed or interrupted run within
 * the window the page shows what happened and its Refresh / Run again button, rather than asking again at once.
 */
export function isStale(
  state: DiagnosisState | undefined,
  now: number,
  freshMs = DIAGNOSIS_FRESH_MS,
): boolean {
  if (!state) return true;
  if (state.status === 'running') return false;
  if (state.finishedAt === undefined) return true;
  return now - state.finishedAt >= freshMs || now < state.finishedAt;
}

/**
 * The new run's diagnosis with the devices a re-check or a watch had found cleared still marked so (issue 19):
 * a device the stored diagnosis holds as cleared, and the new run still finds healthy, keeps its `clearedAt` and
 * `recheckedAt`, so the pages keep listing it with its times and the Markdown keeps its "Cleared after a
 * re-check" section. A device the run finds failing again loses them (its failure is newer than the clearing);
 * a device the run does not list is not carried (nothing was read of it now). Only within one domain. Pure.
 */
export function carryClearedDevices(previous: Diagnosis | undefined, next: Diagnosis): Diagnosis {
  if (!previous || previous.fmc.domain.uuid !== next.fmc.domain.uuid) return next;
  const cleared = new Map(previous.devices.filter(clearedSince).map((device) => [device.id, device]));
  if (cleared.size === 0) return next;
  let carried = false;
  const devices = next.devices.map((device) => {
    const old = cleared.get(device.id);
    if (!old?.clearedAt || device.verdict !== 'healthy') return device;
    carried = true;
    return {
      ...device,
      clearedAt: old.clearedAt,
      ...(old.recheckedAt ? { recheckedAt: old.recheckedAt } : {}),
    };
  });
  return carried ? { ...next, devices } : next;
}
