import { z } from 'zod';
import { INCOMPLETE_PARTS } from './incomplete';
import { CLOUD_INTEGRATION_STATES, DIAGNOSIS_SCHEMA_ID, INTEGRATION_VERDICTS, VERDICTS } from './types';

/**
 * The diagnosis's run-time checks, the one place they are written: the shape itself is ./types.ts, and these
 * check a diagnosis this code did not just make (an exported file, a stored one). Kept apart from the code that
 * diagnoses, which needs no zod: the content script, which bundles the verdict labels, must never bundle it.
 */

export const LocalizedSchema = z.looseObject({ en: z.string(), fr: z.string() });

const DomainSchema = z.looseObject({ uuid: z.string(), name: z.string() });

/**
 * The exported diagnosis as other tools may rely on it: the fields below are required, anything else is
 * tolerated. It checks both the in-memory `Diagnosis` and the JSON `toJson` writes (runbooks resolved to one
 * language), since neither required field is translated.
 */
export const DeviceDiagnosisSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  alert: z.looseObject({ status: z.string(), details: z.string() }).nullable(),
  managementDns: z
    .looseObject({ servers: z.array(z.string()), source: z.literal('show network') })
    .nullable(),
  proxy: z.looseObject({ enabled: z.boolean() }).nullable(),
  verdict: z.enum(VERDICTS),
});

export const DiagnosisSchema = z.looseObject({
  schema: z.literal(DIAGNOSIS_SCHEMA_ID),
  fmc: z.looseObject({ origin: z.string(), version: z.string(), domain: DomainSchema }),
  integration: z.looseObject({
    cloudEventsEnabled: z.boolean(),
    securexEnabled: z.boolean().nullable(),
    region: z.string().nullable(),
    sseHost: z.string(),
    scenario: z.union([z.literal(1), z.literal(2)]),
    // A cloud-delivered FMC's (issue 20): optional, absent on an on-prem FMC's diagnosis.
    platform: z.literal('cdfmc').optional(),
    cloudIntegration: z.enum(CLOUD_INTEGRATION_STATES).optional(),
    verdict: z.enum(INTEGRATION_VERDICTS).optional(),
  }),
  devices: z.array(DeviceDiagnosisSchema),
  /**
   * `[]` when every piece was read; otherwise one entry per piece missing after the retries. `reason` is the
   * text the user saw: one language in the JSON file, both in memory.
   */
  incomplete: z.array(
    z.looseObject({
      part: z.enum(INCOMPLETE_PARTS),
      reason: z.union([z.string(), z.looseObject({ en: z.string(), fr: z.string() })]),
    }),
  ),
});
export type DiagnosisJson = z.infer<typeof DiagnosisSchema>;

const FlagSchema = z.looseObject({ id: z.string(), text: LocalizedSchema, deviceIds: z.array(z.string()) });

/**
 * The in-memory diagnosis, both languages, as the popup and the report render it from storage: the exported
 * schema's fields and every other one a page reads. A value edited in storage by hand must read as no diagnosis,
 * never break a page.
 */
export const RenderedDiagnosisSchema = DiagnosisSchema.extend({
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
