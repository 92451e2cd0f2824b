import { fmcOrigin } from '../../lib/fmc/urls';
import { patternForUrl } from '../../lib/origins';

/** The report page's address for an FMC: `report.html?fmc=<url-encoded origin>` (the popup links to it). */
export function reportPath(origin: string): `/report.html?fmc=${string}` {
  return `/report.html?fmc=${encodeURIComponent(origin)}`;
}

/** The FMC origin a report page was opened for, or null when `?fmc=` is missing or not an http(s) address. */
export function reportOrigin(search: string): string | null {
  const raw = new URLSearchParams(search).get('fmc');
  if (!raw?.trim()) return null;
  try {
    const origin = fmcOrigin(raw);
    return patternForUrl(origin) ? origin : null;
  } catch {
    return null;
  }
}
