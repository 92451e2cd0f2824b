import { z } from 'zod';
import type { Diagnosis } from '../diagnose';
import { INCOMPLETE_PARTS } from '../diagnose/incomplete';
import { DeviceDiagnosisSchema, DiagnosisSchema } from '../diagnose/schema';
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

// What the popup and the report render from a stored diagnosis, beyond the exported schema's fields: a value
// edited in storage by hand must read as no diagnosis, never break a page.
const LocalizedSchema = z.looseObject({ en: z.string(), fr: z.string() });
const FlagSchema = z.looseObject({ id: z.string(), text: LocalizedSchema, deviceIds: z.array(z.string()) });
const StoredDiagnosisSchema = DiagnosisSchema.extend({
  integration: DiagnosisSchema.shape.integration.extend({
    regionId: z.string().nullable(),
    cloudEvents: z.string(),
    eventsSent: z.array(z.string()),
    securex: z.string(),
    scenarioInference: z.looseObject({ uncertain: z.boolean(), note: LocalizedSchema }),
  }),
  devices: z.array(
    DeviceDiagnosisSchema.extend({
      alert: z
        .looseObject({ status: z.string(), details: z.string(), results: z.array(z.string()) })
        .nullable(),
      gateway: z.string().nullable(),
      evidence: z.array(z.looseObject({ id: z.string(), text: LocalizedSchema })),
      runbook: z.array(
        z.looseObject({
          id: z.string(),
          text: LocalizedSchema,
          commands: z.array(
            z.looseObject({
              command: z.string(),
              shell: z.enum(['cli', 'expert']),
              expect: LocalizedSchema.optional(),
            }),
          ),
        }),
      ),
      flags: z.array(FlagSchema),
    }),
  ),
  flags: z.array(FlagSchema),
  counts: z.record(z.string(), z.number()),
  peerDns: z.looseObject({ servers: z.array(z.string()), deviceIds: z.array(z.string()) }).nullable(),
  incomplete: z.array(z.looseObject({ part: z.enum(INCOMPLETE_PARTS), reason: LocalizedSchema })),
  failingComplete: z.boolean(),
});

export const StoredStateSchema = z.looseObject({
  status: z.enum(['running', 'done', 'error', 'signed-out', 'interrupted']),
  runner: z.enum(['worker', 'page']).optional(),
  diagnosis: StoredDiagnosisSchema.optional(),
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
