import type { Lang } from '../../lib/i18n';

/**
 * "12 seconds", "3 minutes": rounded up, since it is the time left at the FMC's allowed rate (a worst case).
 * Intl spells the unit in the user's language, so no message key per unit is needed.
 */
export function formatDuration(ms: number, lang: Lang): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
