// The diagnosis's shape, written once: what it reads (`DiagnoseInput`) and what it gives (`Diagnosis`). The
// run-time checks of a diagnosis read back (stored, exported) are ./schema.ts.
import type { ShowNetwork, ShowNetworkOutput } from '../fmc/show-network';
import type { Localized } from '../i18n';
import type { RegionId } from '../knowledge/regions';
import type { Source } from '../knowledge/sources';
import type { IncompleteEntry } from './incomplete';

/**
 * What the diagnosis reads, decoupled from the REST schemas: the UI builds it from the REST snapshot (or a test
 * from a builder), and the diagnosis never learns how the FMC was asked.
 */
export interface DiagnoseInput {
  fmc: { origin: string; version: string; domain: { uuid: string; name: string } };
  integration: IntegrationInput;
  devices: DeviceInput[];
  /** The browser's own look-ups of host names, when the UI could make them. */
  browserDns?: BrowserDnsResult[];
  /** Pieces that could not be read after the retries; absent or empty when everything was read. */
  incomplete?: IncompleteEntry[];
  /**
   * False when the pieces that name the failing devices (the health alerts, or the device list where the FMC
   * has no alerts API) are missing or partial: "no device fails" could then be untrue. Default true.
   */
  failingComplete?: boolean;
}

export interface IntegrationInput {
  /** null: the FMC has no such setting; 'error': it has one that could not be read. */
  cloudEvents: CloudEventsInput | null | 'error';
  /** null: the endpoint is absent (FMC before 7.0); 'error': it could not be read. */
  securex: { enabled: boolean } | null | 'error';
  /** The current cloud region's SSE host; null when unknown (the devices then use the US host). */
  regionHost: string | null;
  /** The region's name as the FMC spells it. */
  regionName?: string;
  /**
   * `cdfmc`: a cloud-delivered FMC (issue 20), whose API has no SecureX setting, so its scenario comes from
   * `cloudEvents` and `cloudIntegration` (lib/diagnose/scenario.ts). Absent: an on-prem FMC.
   */
  platform?: 'cdfmc';
  /**
   * A cdFMC's `integration/cloudintegrations/cloudintegrations` as read (issue 20); null: the endpoint answered
   * 404; 'error': it could not be read. Not asked of an on-prem FMC.
   */
  cloudIntegration?: CloudIntegrationInput | null | 'error';
}

/** `{enabled, info{connected, onboardingStatus…}}` of a cdFMC; what each field means is not documented by Cisco. */
export interface CloudIntegrationInput {
  enabled?: boolean;
  connected?: boolean;
  onboardingStatus?: string;
}

/** `integration/cloudeventsconfigs` as read: any `send*Events` boolean counts, the rest is ignored. */
export interface CloudEventsInput {
  sendIntrusionEvents?: boolean;
  sendFileEvents?: boolean;
  sendConnectionEvents?: boolean;
  readonly [key: string]: unknown;
}

export interface DeviceInput {
  id: string;
  name: string;
  /** The device's host name as the REST API gives it (the page may name a device by it). */
  hostName?: string;
  version: string;
  /** The device's Cloud Configuration health alert; null when it has none. */
  alert: AlertInput | null;
  showNetwork: ShowNetworkInput;
}

export interface AlertInput {
  status: string;
  /** As the FMC sends it: may contain `<br>` between test results. */
  details: string;
  /** Unix seconds. */
  timestamp?: number;
}

export type ShowNetworkInput =
  /** `raw`: the output as the device printed it, kept (clipped) for a failing device's export (issue 19). */
  | { ok: true; parsed: ShowNetwork; raw?: string }
  | { ok: false; reason: ShowNetworkFailure; message?: string };

/** `unsupported`: not runnable on this version; `failed`: ran and failed; `not-read`: nobody asked. */
export type ShowNetworkFailure = 'unsupported' | 'failed' | 'not-read';

export interface BrowserDnsResult {
  host: string;
  ok: boolean;
  addresses: string[];
  error?: string;
}

export const VERDICTS = [
  'healthy',
  'expected-integration-off',
  'dns-missing',
  'proxy',
  'connectivity',
  'unknown',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export const DIAGNOSIS_SCHEMA_ID = 'fmc-cloud-doctor/diagnosis@1';

/** One fact the verdict rests on, as read. */
export interface Evidence {
  id: EvidenceId;
  text: Localized;
}

export type EvidenceId =
  | 'alert'
  | 'cloud-events'
  | 'securex'
  | 'region'
  | 'show-network'
  | 'dns'
  | 'proxy'
  | 'gateway'
  | 'browser-dns'
  | 'peer-dns';

export interface RunbookCommand {
  /** Exactly what the admin types; never translated. */
  command: string;
  /** `cli` is the device's `>` prompt; `expert` the Linux shell reached with `expert`. */
  shell: 'cli' | 'expert';
  /** What a good output looks like. */
  expect?: Localized;
  /** Where `expect` comes from (the TAC note, a Cisco document, our inference); with `expect` only. */
  sources?: Source[];
}

export interface RunbookStep {
  id: string;
  text: Localized;
  /** Where the step's text comes from (lib/knowledge/sources.ts): the TAC note, a Cisco document, inferred. */
  sources: Source[];
  commands: RunbookCommand[];
}

export type FlagId =
  | 'dns-differs-from-healthy'
  | 'shared-failing-dns'
  | 'browser-cannot-resolve'
  | 'gateway-data-interfaces';

/** A cross-check's finding: what an admin could not easily see device by device. */
export interface Flag {
  id: FlagId;
  text: Localized;
  /** Every device the finding involves, the flagged device first on a device's own flag. */
  deviceIds: string[];
}

export type CloudEventsState = 'sent' | 'none' | 'absent' | 'error';
/** A cdFMC's `cloudintegrations` as read: `enabled` true or false, 404 (`absent`), unreadable (`error`). */
export const CLOUD_INTEGRATION_STATES = ['enabled', 'disabled', 'absent', 'error'] as const;
export type CloudIntegrationState = (typeof CLOUD_INTEGRATION_STATES)[number];
/**
 * The integration verdict of a cdFMC (issue 20): a scenario the reads support, or `undetermined` when they
 * cannot tell scenario 1 from scenario 2 (`scenario` then holds 2, the checks that do no harm if wrong).
 */
export const INTEGRATION_VERDICTS = ['scenario-1', 'scenario-2', 'undetermined'] as const;
export type IntegrationVerdict = (typeof INTEGRATION_VERDICTS)[number];
export type SecurexState = 'enabled' | 'disabled' | 'absent' | 'error';

export interface IntegrationDiagnosis {
  cloudEventsEnabled: boolean;
  securexEnabled: boolean | null;
  /** The FMC's name for its cloud region (or ours when it gave none); null when unknown. */
  region: string | null;
  sseHost: string;
  scenario: 1 | 2;
  regionId: RegionId | null;
  cloudEvents: CloudEventsState;
  /** Event kinds sent to the cloud, from the `send<Kind>Events` flags: `intrusion`, `file`… */
  eventsSent: string[];
  securex: SecurexState;
  /** The scenario is our inference from the settings, never something the FMC states. */
  scenarioInference: { inferred: true; uncertain: boolean; note: Localized };
  /** Issue 20, set on a cloud-delivered FMC only (absent on an on-prem FMC, whose `scenario` is its verdict). */
  platform?: 'cdfmc';
  /** The cdFMC's `cloudintegrations` as read; with `platform` only. */
  cloudIntegration?: CloudIntegrationState;
  /** The cdFMC's integration verdict, `undetermined` included; with `platform` only. */
  verdict?: IntegrationVerdict;
}

export interface DeviceDiagnosis {
  id: string;
  name: string;
  hostName?: string;
  version: string;
  /** `results`: the details split at `<br>`, one test result each, the failing ones first. */
  alert: { status: string; details: string; results: string[]; timestamp?: number } | null;
  /** null when `show network` was not read or stopped before the DNS line. */
  managementDns: { servers: string[]; source: 'show network' } | null;
  /** null when `show network` was not read or printed no proxy section. */
  proxy: { enabled: boolean; address?: string; port?: number } | null;
  /** The IPv4 default gateway of the management interface, when read. */
  gateway: string | null;
  verdict: Verdict;
  evidence: Evidence[];
  runbook: RunbookStep[];
  flags: Flag[];
  /** When a re-check (or a watch) last read this device alone, ISO 8601; absent before any. */
  recheckedAt?: string;
  /** When a re-check found the device's alert cleared (it failed before), ISO 8601. */
  clearedAt?: string;
  /**
   * A failing device's `show network` output as printed (what TAC reads first), clipped to a size the stored
   * diagnosis can hold (lib/fmc/show-network.ts, `keepShowNetworkOutput`); absent when it was not read, on a
   * healthy device, and in diagnoses made before issue 19.
   */
  showNetworkOutput?: ShowNetworkOutput;
}

/** The DNS set the healthy devices read use most, and which devices use it. */
export interface PeerDns {
  servers: string[];
  deviceIds: string[];
}

export interface Diagnosis {
  schema: typeof DIAGNOSIS_SCHEMA_ID;
  fmc: { origin: string; version: string; domain: { uuid: string; name: string } };
  integration: IntegrationDiagnosis;
  devices: DeviceDiagnosis[];
  flags: Flag[];
  counts: Record<Verdict, number>;
  /** The DNS set the healthy devices read use most, proposed to devices without one; null when none. */
  peerDns: PeerDns | null;
  /** Every piece that could not be read, with the reason the user sees: `[]` when everything was read. */
  incomplete: IncompleteEntry[];
  /** See `DiagnoseInput.failingComplete`: false forbids saying that no (other) device fails. */
  failingComplete: boolean;
}
