import { z } from 'zod';
import { LANGS, type Lang } from '../i18n';

// The watch's shapes (issues 10 and 17): its schedule, its stored entries and what a watch has seen. Pure (no
// browser API): the bench and the options page read the defaults without touching storage.
/** How a watch re-checks: every 2 minutes for up to 30 by default (issue 10; Cisco's example health policy
 * evaluates alerts every 5 minutes). Stored in minutes; a fraction of a minute serves tests (Chromium honours
 * 1 s for unpacked extensions, 30 s for packed ones). */
export interface WatchSchedule {
  everyMinutes: number;
  forMinutes: number;
}
export const WATCH_DEFAULTS: WatchSchedule = { everyMinutes: 2, forMinutes: 30 };
export const WATCH_LIMITS = {
  everyMinutes: { min: 0.02, max: 60 },
  // A fraction of a minute serves tests too (a watch that ends within a test); the options page asks whole minutes.
  forMinutes: { min: 0.1, max: 240 },
} as const;
export const WatchScheduleSchema = z.object({
  everyMinutes: z.number().min(WATCH_LIMITS.everyMinutes.min).max(WATCH_LIMITS.everyMinutes.max),
  forMinutes: z.number().min(WATCH_LIMITS.forMinutes.min).max(WATCH_LIMITS.forMinutes.max),
});

/**
 * Why a tick could not check (issue 17): a code, worded in lib/protocol/loop-answers.ts. Never stored as free
 * text: what reaches storage.local and the pages is one of these.
 * - `unreachable`: no answer (network, VPN, TLS/certificate, timeout), after the client's retries;
 * - `server-error`: 5xx after the retries; `rate-limited`: 429 after the retries (or a wait above the cap);
 * - `signed-out`: no session (browser restarted, signed out, refreshes spent): the watch pauses;
 * - `refused`: 401/403/404/405 (REST API disabled, no rights), a redirect; `unreadable`: the answer was not the
 *   JSON expected, or a page of it was missing; `failed`: anything else.
 */
export const WATCH_REASONS = [
  'unreachable',
  'server-error',
  'rate-limited',
  'signed-out',
  'refused',
  'unreadable',
  'failed',
] as const;
export type WatchReason = (typeof WATCH_REASONS)[number];

/** How a watch ended: its alert seen cleared, seen still failing at the limit, or not checked at the limit. */
export const WATCH_ENDINGS = ['cleared', 'limit', 'unchecked'] as const;
export type WatchEnding = (typeof WATCH_ENDINGS)[number];

/**
 * One watched device (storage.local, so that it survives a browser restart; no secret in it): since when,
 * until when, how often, the language its notification speaks, its name (a diagnosis lives in storage.session
 * and is gone after a restart), and what its ticks saw.
 */
export interface WatchEntry {
  startedAt: number;
  until: number;
  everyMs: number;
  lang: Lang;
  name?: string;
  /** The last tick that read its alert: when, and the alert's status then (null: no alert that is not clear). */
  seen?: { at: number; status: string | null };
  /**
   * Ticks that could not check since the last one that did (or since the start): when the first of them ran,
   * and the last one's reason. Gone at the next successful read.
   */
  unchecked?: { since: number; reason: WatchReason };
  /** The watch is over: when, and what it last saw. Kept a day so that the pages say it, then dropped. */
  ended?: { at: number; outcome: WatchEnding };
}
const WatchEntrySchema = z.object({
  startedAt: z.number().finite(),
  until: z.number().finite(),
  everyMs: z.number().finite().positive(),
  lang: z.enum(LANGS),
  name: z.string().max(300).optional(),
  seen: z.object({ at: z.number().finite(), status: z.string().max(40).nullable() }).optional(),
  unchecked: z.object({ since: z.number().finite(), reason: z.enum(WATCH_REASONS) }).optional(),
  ended: z.object({ at: z.number().finite(), outcome: z.enum(WATCH_ENDINGS) }).optional(),
});
const WatchesSchema = z.record(z.string(), z.unknown());

/** The entries that pass the schema: a store edited by hand keeps what is usable. */
export function watchEntries(raw: unknown): Record<string, WatchEntry> {
  const parsed = WatchesSchema.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).flatMap(([id, entry]) => {
      const checked = WatchEntrySchema.safeParse(entry);
      return checked.success ? [[id, stripUndefined(checked.data)]] : [];
    }),
  );
}

function stripUndefined(entry: z.output<typeof WatchEntrySchema>): WatchEntry {
  // exactOptionalPropertyTypes: an absent field stays absent rather than `undefined`.
  return Object.fromEntries(
    Object.entries(entry).filter(([, value]) => value !== undefined),
  ) as unknown as WatchEntry;
}

/**
 * What a watch says now, one of:
 * - `watching`: running, and its last tick checked (or none ran yet);
 * - `unchecked`: running, but its last tick(s) could not check (`unchecked.since`, `unchecked.reason`);
 * - `paused`: running without a session: "sign in to resume watching";
 * - `cleared`, `limit`, `ended-unchecked`: over (`ended`).
 */
export type WatchState = 'watching' | 'unchecked' | 'paused' | 'cleared' | 'limit' | 'ended-unchecked';

export function watchState(entry: WatchEntry): WatchState {
  if (entry.ended) return entry.ended.outcome === 'unchecked' ? 'ended-unchecked' : entry.ended.outcome;
  if (!entry.unchecked) return 'watching';
  return entry.unchecked.reason === 'signed-out' ? 'paused' : 'unchecked';
}

/** Whether the watch still runs (its alarm ticks for it). */
export const isRunning = (entry: WatchEntry): boolean => entry.ended === undefined;

/** How long an ended watch is still shown (then dropped at the next write of its FMC's watches). */
export const ENDED_KEPT_MS = 24 * 60 * 60_000;
