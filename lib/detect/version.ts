import { squash } from './dom';

/** "Version 7.2.4 (build 165)", "version: 7.4.1.1", "Version v6.6.5". */
const LABELLED_VERSION = /\bversion\s*:?\s*v?(\d+\.\d+(?:\.\d+){0,2})\b/i;
const BARE_VERSION = /^v?(\d+\.\d+(?:\.\d+){0,2})\b/i;
/** Where the FMC prints its own version; never the page's tables, which list the devices' versions. */
const PLACES = [
  'footer',
  '[role=contentinfo]',
  '[id*="about" i]',
  '[class*="about" i]',
  '[id*="footer" i]',
  '[class*="footer" i]',
  '[id*="version" i]',
  '[class*="version" i]',
].join(', ');

/** The FMC's version as the page shows it ("7.2.4"), best effort; null when the page does not say. */
export function detectFmcVersion(doc: Document): string | null {
  for (const meta of doc.querySelectorAll('meta[name*="version" i][content]')) {
    const found = BARE_VERSION.exec((meta.getAttribute('content') ?? '').trim());
    if (found?.[1]) return found[1];
  }
  for (const place of doc.querySelectorAll(PLACES)) {
    if (place.closest('table, [role=grid], [role=table]')) continue;
    const found = LABELLED_VERSION.exec(squash(place.textContent ?? ''));
    if (found?.[1]) return found[1];
  }
  return null;
}
