import { z } from 'zod';
import { INCOMPLETE_PARTS } from './incomplete';
import { DIAGNOSIS_SCHEMA_ID, VERDICTS } from './types';

/**
 * The exported diagnosis as other tools may rely on it: the fields below are required, anything else is
 * tolerated. It checks both the in-memory `Diagnosis` and the JSON `toJson` writes (runbooks resolved to one
 * language), since neither required field is translated. Kept apart from the rest of the module so code that
 * only diagnoses (the popup) never bundles zod.
 */
const DomainSchema = z.looseObject({ uuid: z.string(), name: z.string() });

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
