import { z } from 'zod';
import { LANGS, type Lang } from '../i18n';

// The watch's shapes (issue 10): its schedule and its stored entries. Pure (no browser API): the bench and the
// options page read the defaults without touching storage.
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
  forMinutes: { min: 1, max: 240 },
} as const;
export const WatchScheduleSchema = z.object({
  everyMinutes: z.number().min(WATCH_LIMITS.everyMinutes.min).max(WATCH_LIMITS.everyMinutes.max),
  forMinutes: z.number().min(WATCH_LIMITS.forMinutes.min).max(WATCH_LIMITS.forMinutes.max),
});

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
export function watchEntries(raw: unknown): Record<string, WatchEntry> {
  const parsed = WatchesSchema.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(
    Object.entries(parsed.data).flatMap(([id, entry]) => {
      const checked = WatchEntrySchema.safeParse(entry);
      return checked.success ? [[id, checked.data]] : [];
    }),
  );
}
