import { z } from 'zod';

// Pure (no browser API): the bench and the options page read the defaults without touching storage.
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
