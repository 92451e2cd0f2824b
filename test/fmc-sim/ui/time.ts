/** Health checks carry fixed times so that pages are byte-for-byte reproducible for a given fleet. */
const LAST_RUN = Date.UTC(2025, 4, 14, 9, 41, 7);
/** Devices report one after another, a few seconds apart, as the FMC collects them. */
const STAGGER_MS = 13_000;

export function checkTime(deviceIndex: number): Date {
  return new Date(LAST_RUN - deviceIndex * STAGGER_MS);
}

/**
 * When the simulated page is looked at: a few minutes after the last run, fixed (not the clock) so that "3 min
 * ago" reads the same on every render of the same fleet.
 */
const PAGE_TIME = LAST_RUN + 3 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-05-14 09:41:07`, as the classic tables print it. */
export function isoLike(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${clock(date)}`;
}

/** `May 14, 2025 09:41:07 UTC`, as the newer notification panels print it. */
export function spelledOut(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${clock(date)} UTC`;
}

function clock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** `09:41`, the hour and minute alone, as a card's footer or a list's time column may print it. */
export function hourMinute(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/**
 * `3 min ago`, as a notification panel may print when each message arrived (relative to the page's fixed
 * time); in the UI's language, since it is chrome.
 */
export function minutesAgo(date: Date, lang: 'en' | 'fr' | 'ja'): string {
  const minutes = Math.max(1, Math.round((PAGE_TIME - date.getTime()) / 60_000));
  switch (lang) {
    case 'fr':
      return `il y a ${minutes} min`;
    case 'ja':
      return `${minutes} 分前`;
    default:
      return `${minutes} min ago`;
  }
}
