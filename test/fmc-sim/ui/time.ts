/** Health checks carry fixed times so that pages are byte-for-byte reproducible for a given fleet. */
const LAST_RUN = Date.UTC(2025, 4, 14, 9, 41, 7);
/** Devices report one after another, a few seconds apart, as the FMC collects them. */
const STAGGER_MS = 13_000;

export function checkTime(deviceIndex: number): Date {
  return new Date(LAST_RUN - deviceIndex * STAGGER_MS);
}

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
