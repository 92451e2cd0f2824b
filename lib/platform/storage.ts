import { browser } from 'wxt/browser';
import { type StorageItemKey, storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { type DohSettings, DohSettingsSchema } from '../dns/settings';
import { CDFMC_PREFIX } from '../fmc/doors';
import type { StoredSession, TokenStore } from '../fmc/session';
import { isPacked, pack, unpack } from '../protocol/compact';
import { type DiagnosisState, parseDiagnosisState } from '../protocol/diagnosis-state';
import {
  WATCH_DEFAULTS,
  type WatchEntry,
  type WatchSchedule,
  WatchScheduleSchema,
  watchEntries,
} from '../protocol/watch';

/**
 * Every key the extension stores, in one place: its area, and the check what is read there must pass.
 * `storage.local` and `storage.session` can be edited by hand (devtools, another program with the profile), so
 * every read goes through `parse`: a value of the wrong shape reads as absent (or the default), never throws
 * and never reaches a page as markup. No password is ever stored: tokens live in `storage.session` only. The
 * watches live in `storage.local` so that they survive a browser restart (issue 17): device ids, names, times,
 * what the ticks saw; never a token (a restarted browser has no session, and the watch pauses until sign-in).
 *
 * | key | area | what |
 * | --- | --- | --- |
 * | `healthPolicyOverrides` | local | health policy address per FMC pattern (options page) |
 * | `fmcRequestsPerMinute` | local | the user's request rate, 1–1000 |
 * | `fmcUsernames` | local | the API user name last used per FMC, to pre-fill the form |
 * | `dnsResolver` | local | the DNS-over-HTTPS resolver |
 * | `fmcOrigins` | managed | FMC addresses an IT department pre-sets |
 * | `fmc-session:<origin>` | session | an FMC's API tokens and domain choice; a cdFMC's SCC API token and door |
 * | `diagnosis:<origin>` | session | an FMC's last diagnosis (packed: lib/protocol/compact.ts), the run |
 * | `hints:<tabId>` | session | failing rows per frame of a tab, for the badge |
 * | `watchSchedule` | local | how often and how long a watch re-checks (options page) |
 * | `watches:<origin>` | local | an FMC's devices watched until their alert clears, and watches ended the last day |
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
  // Defined at first use: WXT's `defineItem` reads its key at once (@wxt-dev/storage), which throws outside
  // the extension. So this module loads under Node too (the bench spells its keys with `sessionKey`), and a
  // page reads only the keys it uses.
  let defined: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  const item = () => {
    defined ??= storage.defineItem<unknown>(key);
    return defined;
  };
  return {
    key,
    read: async () => parse(await item().getValue()),
    write: (value) => item().setValue(encode(value)),
    remove: () => item().removeValue(),
    watch: (onChange) => item().watch((value) => onChange(parse(value))),
  };
}

/**
 * The prefixes of the per-origin and per-tab keys of storage.session, written here only: the worker's push
 * reads them back from raw changes (`sessionKeyId`), the bench writes them (`sessionKey`).
 */
const SESSION_PREFIXES = {
  tokens: 'fmc-session:',
  diagnosis: 'diagnosis:',
  hintCounts: 'hints:',
} as const;
type SessionFamily = keyof typeof SESSION_PREFIXES;
/** The per-origin keys of storage.local (the watches, issue 17), read back the same way (`localKeyId`). */
const LOCAL_PREFIXES = { watches: 'watches:' } as const;
type LocalFamily = keyof typeof LOCAL_PREFIXES;

/** The id a raw storage.local key stands for in `family` (`watches:<origin>` → the origin), or null. */
export function localKeyId(family: LocalFamily, key: string): string | null {
  const prefix = LOCAL_PREFIXES[family];
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** A storage.session key as the browser names it, without WXT's area: `sessionKey('diagnosis', origin)`. */
export function sessionKey(family: SessionFamily, id: string | number): string {
  return `${SESSION_PREFIXES[family]}${id}`;
}

/** The id a raw storage.session key stands for in `family` (`diagnosis:<origin>` → the origin), or null. */
export function sessionKeyId(family: SessionFamily, key: string): string | null {
  const prefix = SESSION_PREFIXES[family];
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Per-origin and per-tab keys are built on demand; the same key always gives an equivalent item. */
function keyed<K extends string | number, T>(
  family: SessionFamily | { local: LocalFamily },
  parse: (raw: unknown) => T,
  encode?: (value: Exclude<T, undefined>) => unknown,
): (id: K) => StoredValue<T> {
  const made = new Map<K, StoredValue<T>>();
  const keyOf = (id: K): StorageItemKey =>
    typeof family === 'string'
      ? `session:${sessionKey(family, id)}`
      : `local:${LOCAL_PREFIXES[family.local]}${id}`;
  return (id) => {
    let value = made.get(id);
    if (!value) {
      value = stored(keyOf(id), parse, encode);
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

/**
 * A cdFMC session's door (issue 20): its prefix must be the one its kind has (`CDFMC_PREFIX`). The prefix is
 * written between the origin and every path, so a value edited by hand (`@evil.example`) would otherwise send
 * the bearer token to another host; such a session reads as "not signed in".
 */
const DoorSchema = z
  .object({ kind: z.enum(['host', 'gateway', 'legacy']), prefix: z.string() })
  .refine((door) => CDFMC_PREFIX[door.kind] === door.prefix);

const StoredSessionSchema = z.looseObject({
  auth: z.enum(['password', 'bearer']).optional(),
  door: DoorSchema.optional(),
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
  tokens: keyed<string, StoredSession | undefined>('tokens', (raw) =>
    StoredSessionSchema.safeParse(raw).success ? (raw as StoredSession) : undefined,
  ),
  // Its diagnosis is packed (lib/protocol/compact.ts); status, runner and progress stay readable.
  diagnosis: keyed<string, DiagnosisState | undefined>(
    'diagnosis',
    (raw) => parseDiagnosisState(unpackDiagnosis(raw)),
    (state) => (state.diagnosis ? { ...state, diagnosis: pack(state.diagnosis) } : state),
  ),
  hintCounts: keyed<number, Record<string, number>>('hintCounts', frameCounts),
  watchSchedule: stored(
    'local:watchSchedule',
    (raw): WatchSchedule => WatchScheduleSchema.safeParse(raw).data ?? WATCH_DEFAULTS,
  ),
  watches: keyed<string, Record<string, WatchEntry>>({ local: 'watches' }, watchEntries),
} as const;

/** The FMC origins that have watches stored, running or ended (for the badge and the worker's start-up). */
export async function watchedOrigins(): Promise<string[]> {
  return Object.keys(await storage.snapshot('local')).flatMap((key) => {
    const id = localKeyId('watches', key);
    return id === null ? [] : [id];
  });
}

/** The FMC origins whose tokens storage.session holds (to forget those of an FMC the user disabled). */
export async function signedInOrigins(): Promise<string[]> {
  return storedIds('tokens');
}

/** The FMC origins that have a diagnosis state in storage.session (for the worker's start-up check). */
export async function diagnosedOrigins(): Promise<string[]> {
  return storedIds('diagnosis');
}

async function storedIds(family: SessionFamily): Promise<string[]> {
  return Object.keys(await storage.snapshot('session')).flatMap((key) => {
    const id = sessionKeyId(family, key);
    return id === null ? [] : [id];
  });
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

/** Every change of storage.local, raw (keys without their area): for the worker's push of watch changes. */
export function onLocalChanged(
  listener: (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void,
): () => void {
  const handler = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area === 'local') listener(changes);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

// The accessors the rest of the extension uses, over the items above.

/**
 * The last diagnosis of each FMC and the run in progress (`STORAGE.diagnosis`): the popup renders it at once
 * when it opens, and every page sees the same state. Gone when the browser closes.
 */
export async function readDiagnosisState(origin: string): Promise<DiagnosisState | undefined> {
  return STORAGE.diagnosis(origin).read();
}

export async function writeDiagnosisState(origin: string, state: DiagnosisState): Promise<void> {
  await STORAGE.diagnosis(origin).write(state);
}

/** Calls back with every new state of this FMC's diagnosis; returns the unsubscribe function. */
export function watchDiagnosisState(
  origin: string,
  onChange: (state: DiagnosisState | undefined) => void,
): () => void {
  return STORAGE.diagnosis(origin).watch(onChange);
}

/**
 * The FMC client's tokens (`STORAGE.tokens`, storage.session): shared by the extension's pages, gone when the
 * browser closes, never written to disk. The password never comes here. A stored value of another shape reads
 * as "not signed in".
 */
export class BrowserSessionTokenStore implements TokenStore {
  async load(origin: string): Promise<StoredSession | undefined> {
    return STORAGE.tokens(origin).read();
  }

  async save(origin: string, session: StoredSession): Promise<void> {
    await STORAGE.tokens(origin).write(session);
  }

  async clear(origin: string): Promise<void> {
    await STORAGE.tokens(origin).remove();
  }
}

// User settings in storage.local (synced nowhere). Only non-secret values live there: passwords are never
// stored, tokens live in storage.session.

/** The stored health policy overrides; entries that are not text (a store edited by hand) are left out. */
export async function readHealthPolicyOverrides(): Promise<Record<string, string>> {
  return STORAGE.healthPolicyOverrides.read();
}

export async function readHealthPolicyOverride(pattern: string): Promise<string | undefined> {
  const value = (await readHealthPolicyOverrides())[pattern];
  return value || undefined;
}

export async function writeHealthPolicyOverride(pattern: string, url: string | null): Promise<void> {
  const overrides = { ...(await readHealthPolicyOverrides()) };
  if (url) overrides[pattern] = url;
  else delete overrides[pattern];
  await STORAGE.healthPolicyOverrides.write(overrides);
}

/** Origins an IT department pre-sets through managed storage (see `public/managed-schema.json`). */
export async function readManagedOrigins(): Promise<string[]> {
  try {
    return await STORAGE.managedOrigins.read();
  } catch {
    // No policy installed: Chromium rejects, Firefox answers empty.
    return [];
  }
}

/** Requests per minute the user allows (null: follow the FMC version, 120 or 300). */
export async function readRateOverride(): Promise<number | null> {
  return STORAGE.requestsPerMinute.read();
}

export async function writeRateOverride(perMinute: number | null): Promise<void> {
  if (perMinute === null) await STORAGE.requestsPerMinute.remove();
  else await STORAGE.requestsPerMinute.write(perMinute);
}

/** Every change of the rate setting, from any page; returns the function that stops listening. */
export function watchRateOverride(onChange: (perMinute: number | null) => void): () => void {
  return STORAGE.requestsPerMinute.watch(onChange);
}

/** The API user name last used on an FMC, so the form is pre-filled. Never the password. */
export async function readRememberedUsername(origin: string): Promise<string> {
  return (await STORAGE.usernames.read())[origin] ?? '';
}

export async function writeRememberedUsername(origin: string, username: string | null): Promise<void> {
  const names = { ...(await STORAGE.usernames.read()) };
  if (username) names[origin] = username;
  else delete names[origin];
  await STORAGE.usernames.write(names);
}
