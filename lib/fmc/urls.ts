import { stripCdfmcPrefix } from './doors';

/** `fmc.example.com`, `https://fmc.example.com/ddd/#SensorList` → `https://fmc.example.com`. */
export function fmcOrigin(address: string): string {
  const trimmed = address.trim();
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`).origin;
}

/**
 * A link from an FMC answer, made safe to follow: FMCs write absolute links with the host name they know
 * themselves by (an inside address behind NAT), relative ones, and, in Cisco's examples, paths without `/api`.
 * We keep only path and query and always go to the origin the user chose, so the token never leaves it; a cdFMC
 * session adds its door's prefix (`lib/fmc/doors.ts`).
 */
export function resolveFmcUrl(link: string, origin: string, prefix = ''): string {
  const url = new URL(link, `${origin}/`);
  // A cdFMC's links carry the door they were answered through (the gateway's `/firewall/v1/cdfmc`, ../shared/docs/
  // cdfmc.md): re-rooted on the door this session uses, so the token goes only where the user sent it.
  const bare = stripCdfmcPrefix(url.pathname);
  const path = bare.startsWith('/api/') ? bare : `/api${bare}`;
  return `${origin}${prefix}${path}${url.search}`;
}

export type Query = Record<string, string | number | boolean | undefined>;

/** Adds query parameters, percent-encoded (`show%20network`, never `show+network`). */
export function withQuery(url: string, query: Query = {}): string {
  const parts = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  if (parts.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${parts.join('&')}`;
}
