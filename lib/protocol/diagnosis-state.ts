import { z } from 'zod';
import type { Diagnosis } from '../diagnose';
import { LocalizedSchema, RenderedDiagnosisSchema } from '../diagnose/schema';
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
  recheckedAt: z.number().optional(),
});

/** A stored state is used only when it has the shape this code writes: anything else reads as none. */
export function parseDiagnosisState(value: unknown): DiagnosisState | undefined {
  return StoredStateSchema.safeParse(value).success ? (value as DiagnosisState) : undefined;
}
