import type { Lang } from '../i18n';
import { resolveLang } from '../knowledge/resolve';
import type { Diagnosis } from './types';

// Keys in this order where they appear, the rest alphabetically after them: the same diagnosis always writes
// the same file, and a reader finds the schema and the verdict first.
const KEY_ORDER = [
  'schema',
  'exportedBy',
  'fmc',
  'integration',
  'counts',
  'incomplete',
  'part',
  'reason',
  'devices',
  'id',
  'uuid',
  'name',
  'hostName',
  'origin',
  'version',
  'domain',
  'cloudEventsEnabled',
  'securexEnabled',
  'region',
  'sseHost',
  'scenario',
  'alert',
  'status',
  'details',
  'managementDns',
  'servers',
  'source',
  // The verdicts around `proxy`, so that `counts` lists them in VERDICTS order.
  'healthy',
  'expected-integration-off',
  'dns-missing',
  'proxy',
  'connectivity',
  'unknown',
  'enabled',
  'address',
  'port',
  'gateway',
  'verdict',
  'showNetworkOutput',
  'clipped',
  'totalBytes',
  'recheckedAt',
  'clearedAt',
  'evidence',
  'runbook',
  'text',
  'commands',
  'command',
  'shell',
  'expect',
  'flags',
  'deviceIds',
  'peerDns',
];
const RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));

export interface JsonOptions {
  /** The extension's version (the manifest's), given by the page that exports: this layer reads no browser API. */
  extensionVersion?: string;
}

/**
 * The file "Export JSON" downloads: the diagnosis with every text in one language, pretty-printed. Fields added
 * since `fmc-cloud-doctor/diagnosis@1` was first written, all optional (issue 19): `exportedBy` (the extension and
 * its version, when known) and each failing device's `showNetworkOutput` (its `show network` as printed).
 */
export function toJson(diagnosis: Diagnosis, lang: Lang = 'en', options: JsonOptions = {}): string {
  const version = options.extensionVersion?.trim();
  const exportedBy = version ? { exportedBy: { name: 'FMC Cloud Doctor', version } } : {};
  return `${JSON.stringify(ordered({ ...resolveLang(diagnosis, lang), ...exportedBy }), null, 2)}\n`;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => {
    const ra = RANK.get(a) ?? KEY_ORDER.length;
    const rb = RANK.get(b) ?? KEY_ORDER.length;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((key) => [key, ordered((value as Record<string, unknown>)[key])]));
}
