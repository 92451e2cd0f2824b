// The diagnosis without zod: `DiagnosisSchema` lives in ./schema so the popup, which only diagnoses, never
// bundles it.
export { diagnose } from './diagnose';
export { toJson } from './json';
export { toMarkdown } from './markdown';
export { RUNBOOKS } from './runbook-steps';
export type {
  BrowserDnsResult,
  DeviceDiagnosis,
  DeviceInput,
  DiagnoseInput,
  Diagnosis,
  Evidence,
  Flag,
  FlagId,
  RunbookCommand,
  RunbookStep,
  ShowNetworkInput,
  Verdict,
} from './types';
export { DIAGNOSIS_SCHEMA_ID, VERDICTS } from './types';
export { decideVerdict } from './verdict';
