import { fmcOrigin } from '../fmc/urls';
import { patternForUrl } from '../origins';

// The report page's address crosses realms: the popup links to it, the background opens it (a hint's "Open
// the report", a watch's notification), the report page reads it back.

/**
 * The report page's address for an FMC: `report.html?fmc=<url-encoded origin>` (the popup links to it), and
 * `&device=<id>` to show that device first.
 */
export function reportPath(origin: string, options: { device?: string } = {}): `/report.html?fmc=${string}` {
  const device = options.device ? `&device=${encodeURIComponent(options.device)}` : '';
  return `/report.html?fmc=${encodeURIComponent(origin)}${device}`;
}

/** The device the report was opened on (`&device=`, from a hint or a notification), to show it first. */
export function reportDevice(search: string): string | null {
  const id = new URLSearchParams(search).get('device');
  return id && /^[A-Za-z0-9._:-]{1,64}$/.test(id) ? id : null;
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
