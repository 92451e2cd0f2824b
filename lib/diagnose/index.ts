// The diagnosis, free of zod: its run-time checks (`DiagnosisSchema`...) live in ./schema, for the code that reads
// a diagnosis it did not make.

export { decideDevice, decideDevices } from './devices';
export { diagnose } from './diagnose';
export { decideIntegration } from './integration';
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
  IntegrationDiagnosis,
  PeerDns,
  RunbookCommand,
  RunbookStep,
  ShowNetworkInput,
  Verdict,
} from './types';
export { DIAGNOSIS_SCHEMA_ID, VERDICTS } from './types';
export { decideVerdict } from './verdict';
