/**
 * An "FMC origin" is what the user enables: a scheme and a host, any port. Match patterns cannot carry a
 * port in Firefox and ignore it in Chromium, so the host permission `https://fmc.example.com/*` is the unit
 * of consent, and the content script and the API calls are allowed for every port of that host.
 */

/** The pattern that enables the FMC serving `url`, or null for pages the extension never touches. */
export function patternForUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!parsed.hostname) return null;
  const pattern = `${parsed.protocol}//${parsed.hostname}/*`;
  // URL parsing keeps `*` in a host: `*` or `*.example.com` typed in the options would ask for every site.
  return isFmcPattern(pattern) ? pattern : null;
}

/** Accepts what a user types in the options page: a URL, a host name, an IP, with or without a port. */
export function patternFromUserInput(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return patternForUrl(withScheme);
}

/** Only the scheme + host patterns this extension asks for; broader grants (all sites) are not FMCs. */
export function isFmcPattern(pattern: string): boolean {
  return /^https?:\/\/[^*/]+\/\*$/.test(pattern);
}

/** The pattern's human form: `https://fmc.example.com/*` reads `https://fmc.example.com`. */
export function labelForPattern(pattern: string): string {
  return pattern.replace(/\/\*$/, '');
}

/** 127.0.0.0/8, `localhost` (and its subdomains) and `[::1]`: traffic to them never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === '::1' || host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * An FMC whose REST API is plain HTTP on another machine: the password (Basic credentials) and the API tokens
 * would cross the network unencrypted, so the sign-in asks for explicit consent first.
 */
export function isPlainHttpRemote(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}
