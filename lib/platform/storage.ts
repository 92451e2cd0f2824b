import { browser } from 'wxt/browser';
import { type StorageItemKey, storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { type DohSettings, DohSettingsSchema } from '../dns/settings';
import type { StoredSession } from '../fmc/session';
import { LANGS, type Lang } from '../i18n';
import { isPacked, pack, unpack } from '../protocol/compact';
import { WATCH_DEFAULTS, type WatchSchedule, WatchScheduleSchema } from '../protocol/watch-schedule';

export { WATCH_DEFAULTS, WATCH_LIMITS, type WatchSchedule } from '../protocol/watch-schedule';

import { type DiagnosisState, parseDiagnosisState } from '../protocol/diagnosis-state';

/**
 * Every key the extension stores, in one place: its area, and the check what is read there must pass.
 * `storage.local` and `storage.session` can be edited by hand (devtools, another program with the profile), so
 * every read goes through `parse`: a value of the wrong shape reads as absent (or the default), never throws
 * and never reaches a page as markup. No password is ever stored: tokens live in `storage.session` only.
 *
 * | key | area | what |
 * | --- | --- | --- |
 * | `healthPolicyOverrides` | local | health policy address per FMC pattern (options page) |
 * | `fmcRequestsPerMinute` | local | the user's request rate, 1–1000 |
 * | `fmcUsernames` | local | the API user name last used per FMC, to pre-fill the form |
 * | `dnsResolver` | local | the DNS-over-HTTPS resolver |
 * | `fmcOrigins` | managed | FMC addresses an IT department pre-sets |
 * | `fmc-session:<origin>` | session | an FMC's API tokens and domain choice |
 * | `diagnosis:<origin>` | session | an FMC's last diagnosis (packed, see compact.ts) and the run in progress |
 * | `hints:<tabId>` | session | failing rows per frame of a tab, for the badge |
 * | `watchSchedule` | local | how often and how long a watch re-checks (options page) |
 * | `watches:<origin>` | session | an FMC's devices watched until their alert clears |
 */
export interface StoredValue<T> {
  readonly key: StorageItemKey;
  /** The value as checked; `fallback` when absent or not of the expected shape. */
  read(): Promise<T>;
  write(value: Exclude<T, undefined>): Promise<void>;
  remove(): Promise<void>;
  /** Calls back with each new value, checked like a read; returns the function that stops it. */
  watch(onChange: (value: T) => void): () => void;
}

function stored<T>(
  key: StorageItemKey,
  parse: (raw: unknown) => T,
  encode: (value: Exclude<T, undefined>) => unknown = (value) => value,
): StoredValue<T> {
  const item = storage.defineItem<unknown>(key);
  return {
    key,
    read: async () => parse(await item.getValue()),
    write: (value) => item.setValue(encode(value)),
    remove: () => item.removeValue(),
    watch: (onChange) => item.watch((value) => onChange(parse(value))),
  };
}

/** Per-origin and per-tab keys are built on demand; the same key always gives an equivalent item. */
function keyed<K extends string | number, T>(
  prefix: string,
  parse: (raw: unknown) => T,
  encode?: (value: Exclude<T, undefined>) => unknown,
): (id: K) => StoredValue<T> {
  const made = new Map<K, StoredValue<T>>();
  return (id) => {
    let value = made.get(id);
    if (!value) {
      value = stored(`${prefix}${id}` as StorageItemKey, parse, encode);
      made.set(id, value);
    }
    return value;
  };
}

const StringRecord = z.record(z.string(), z.unknown());

/** Only the entries that are text: a store edited by hand keeps what is usable. */
function stringRecord(raw: unknown): Record<string, string> {
  const parsed = StringRecord.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const RateSchema = z.int().min(1).max(1000);

const StoredSessionSchema = z.looseObject({
  username: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  issuedAt: z.number().finite().min(0),
  refreshCount: z.number().finite().min(0),
  loginDomainUuid: z.string(),
  domainUuid: z.string(),
  domains: z.array(z.looseObject({ uuid: z.string(), name: z.string() })),
});

function unpackDiagnosis(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const { diagnosis } = raw as { diagnosis?: unknown };
  return isPacked(diagnosis) ? { ...raw, diagnosis: unpack(diagnosis) } : raw;
}

/** Counts as the badge writes them: non-negative integers per frame id. */
function frameCounts(raw: unknown): Record<string, number> {
  const parsed = StringRecord.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).filter(
      (entry): entry is [string, number] =>
        typeof entry[1] === 'number' && Number.isInteger(entry[1]) && entry[1] > 0,
    ),
  );
}

/** One watched device: since when, until when, how often, and the language its notification speaks. */
export interface WatchEntry {
  startedAt: number;
  until: number;
  everyMs: number;
  lang: Lang;
}
const WatchEntrySchema = z.object({
  startedAt: z.number().finite(),
  until: z.number().finite(),
  everyMs: z.number().finite().positive(),
  lang: z.enum(LANGS),
});
const WatchesSchema = z.record(z.string(), z.unknown());

/** The entries that pass the schema: a store edited by hand keeps what is usable. */
function watchEntries(raw: unknown): Record<string, WatchEntry> {
  const parsed = WatchesSchema.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).flatMap(([id, entry]) => {
      const checked = WatchEntrySchema.safeParse(entry);
      return checked.success ? [[id, checked.data]] : [];
    }),
  );
}

export const STORAGE = {
  healthPolicyOverrides: stored('local:healthPolicyOverrides', stringRecord),
  requestsPerMinute: stored('local:fmcRequestsPerMinute', (raw) => RateSchema.safeParse(raw).data ?? null),
  usernames: stored('local:fmcUsernames', stringRecord),
  dnsResolver: stored(
    'local:dnsResolver',
    (raw): DohSettings | null => DohSettingsSchema.safeParse(raw).data ?? null,
  ),
  managedOrigins: stored('managed:fmcOrigins', (raw) =>
    Array.isArray(raw) ? raw.filter((o): o is string => typeof o === 'string') : [],
  ),
  tokens: keyed<string, StoredSession | undefined>('session:fmc-session:', (raw) =>
    StoredSessionSchema.safeParse(raw).success ? (raw as StoredSession) : undefined,
  ),
  // The diagnosis inside the state is packed (see compact.ts): status, runner and progress stay readable.
  diagnosis: keyed<string, DiagnosisState | undefined>(
    'session:diagnosis:',
    (raw) => parseDiagnosisState(unpackDiagnosis(raw)),
    (state) => (state.diagnosis ? { ...state, diagnosis: pack(state.diagnosis) } : state),
  ),
  hintCounts: keyed<number, Record<string, number>>('session:hints:', frameCounts),
  watchSchedule: stored(
    'local:watchSchedule',
    (raw): WatchSchedule => WatchScheduleSchema.safeParse(raw).data ?? WATCH_DEFAULTS,
  ),
  watches: keyed<string, Record<string, WatchEntry>>('session:watches:', watchEntries),
} as const;

/** The FMC origins that have devices watched (for the badge and the worker's start-up). */
export async function watchedOrigins(): Promise<string[]> {
  return originsWithPrefix('watches:');
}

/** The FMC origins that have a diagnosis state in storage.session (for the worker's start-up check). */
export async function diagnosedOrigins(): Promise<string[]> {
  return originsWithPrefix('diagnosis:');
}

async function originsWithPrefix(prefix: string): Promise<string[]> {
  return Object.keys(await storage.snapshot('session'))
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length));
}

/** Every change of storage.session, raw (keys without their area): for the worker's push to open pages. */
export function onSessionChanged(
  listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void,
): () => void {
  const handler = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area === 'session') listener(changes);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
