/**
 * The doors of a cloud-delivered FMC (cdFMC, issue 20): where its REST API answers and which path prefix comes
 * before the on-prem path. Pure data and string functions (no browser API), written once; the facts and their
 * confidence are in `../shared/docs/cdfmc.md` ("Doors (base URLs)"):
 *
 * - `host`: the cdFMC's own host, `https://<name>.app.<region>.cdo.cisco.com/api/...`, no prefix (used by
 *   go-fmc `NewClientCDFMC`, fireREST `cdo=True`, fmcapi, Cisco's Ansible collection and Terraform provider);
 * - `gateway`: SCC's regional API gateway, `https://api.<region>.security.cisco.com/firewall` + `/v1/cdfmc` +
 *   the on-prem path (Cisco, SCC Firewall Manager API, getting started: "All the cdFMC API endpoints are
 *   prefixed by /v1/cdfmc");
 * - `legacy`: the older bases that still answer (SCC API changelog 1.8.0),
 *   `https://<region>.manage.security.cisco.com/api/rest` and `https://edge.<region>.cdo.cisco.com/api/rest`,
 *   + `/v1/cdfmc` + the on-prem path.
 */

export type CdfmcDoorKind = 'host' | 'gateway' | 'legacy';

/** What comes between the door's origin and the on-prem path (`/api/fmc_config/v1/...`). */
export const CDFMC_PREFIX: Record<CdfmcDoorKind, string> = {
  host: '',
  gateway: '/firewall/v1/cdfmc',
  legacy: '/api/rest/v1/cdfmc',
};

export interface CdfmcDoor {
  kind: CdfmcDoorKind;
  prefix: string;
}

export interface SccRegion {
  /** Our id, as the gateway's host name spells the region (`api.<id>.security.cisco.com`). */
  id: 'us' | 'eu' | 'apj' | 'au' | 'in' | 'uae';
  /** In English, for logs and tests: a page names the region in the user's language (or by its id). */
  label: string;
  /** The regional API gateway's origin (the `gateway` door). */
  gateway: string;
  /** The older API origins of the region (the `legacy` door); empty where none is documented. */
  legacy: readonly string[];
  /** SCC's own UI origins that map to the region (cdfmc.md); empty where none is documented. */
  ui: readonly string[];
}

/**
 * SCC's regions. Gateways: cdfmc.md ("`api.us`, `api.eu`, `api.apj`, `api.au`, `api.in`, `api.uae` in the same
 * form"). The legacy and UI hosts use the region words cdfmc.md gives for SCC's UI (`us`, `eu`, `apj`, `aus`,
 * `in`); `edge.<region>.cdo.cisco.com` with the same words is our reading of the changelog's pattern. No legacy
 * or UI host is documented for the UAE region: none is listed.
 */
export const SCC_REGIONS: readonly SccRegion[] = [
  {
    id: 'us',
    label: 'United States',
    gateway: 'https://api.us.security.cisco.com',
    legacy: ['https://us.manage.security.cisco.com', 'https://edge.us.cdo.cisco.com'],
    ui: ['https://us.manage.security.cisco.com', 'https://www.defenseorchestrator.com'],
  },
  {
    id: 'eu',
    label: 'Europe',
    gateway: 'https://api.eu.security.cisco.com',
    legacy: ['https://eu.manage.security.cisco.com', 'https://edge.eu.cdo.cisco.com'],
    ui: ['https://eu.manage.security.cisco.com', 'https://www.defenseorchestrator.eu'],
  },
  {
    id: 'apj',
    label: 'Asia-Pacific-Japan',
    gateway: 'https://api.apj.security.cisco.com',
    legacy: ['https://apj.manage.security.cisco.com', 'https://edge.apj.cdo.cisco.com'],
    ui: ['https://apj.manage.security.cisco.com', 'https://apj.cdo.cisco.com'],
  },
  {
    id: 'au',
    label: 'Australia',
    gateway: 'https://api.au.security.cisco.com',
    legacy: ['https://aus.manage.security.cisco.com', 'https://edge.aus.cdo.cisco.com'],
    ui: ['https://aus.manage.security.cisco.com', 'https://aus.cdo.cisco.com'],
  },
  {
    id: 'in',
    label: 'India',
    gateway: 'https://api.in.security.cisco.com',
    legacy: ['https://in.manage.security.cisco.com', 'https://edge.in.cdo.cisco.com'],
    ui: ['https://in.manage.security.cisco.com', 'https://in.cdo.cisco.com'],
  },
  {
    id: 'uae',
    label: 'United Arab Emirates',
    gateway: 'https://api.uae.security.cisco.com',
    legacy: [],
    ui: [],
  },
];

/** The FedRAMP base (cdfmc.md: `https://manage.secure.cisco/api/rest`), a legacy-form door of no listed region. */
export const FEDRAMP_ORIGIN = 'https://manage.secure.cisco';

/** `https://Acme--x1y2z3.app.US.cdo.cisco.com:443/x` → `https://acme--x1y2z3.app.us.cdo.cisco.com`; undefined if unreadable. */
function originOf(address: string): URL | undefined {
  try {
    const trimmed = address.trim();
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
}

/** Only https on the default port: every public SCC and cdFMC door is one (a look-alike on another port is not). */
function publicHost(address: string): string | undefined {
  const url = originOf(address);
  if (url?.protocol !== 'https:' || url.port !== '') return undefined;
  return url.hostname.toLowerCase();
}

const CDFMC_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.app\.([a-z]+)\.cdo\.cisco\.com$/;

/**
 * The region word of a cdFMC host, `<name>.app.<region>.cdo.cisco.com` (`us` for
 * `acme--x1y2z3.app.us.cdo.cisco.com`), as the host spells it; undefined for any other origin.
 */
export function cdfmcHostRegion(origin: string): string | undefined {
  const host = publicHost(origin);
  return host ? CDFMC_HOST.exec(host)?.[1] : undefined;
}

/** The SCC region whose UI this origin is (cdfmc.md's list), e.g. `https://www.defenseorchestrator.eu` → `eu`. */
export function sccUiRegion(origin: string): string | undefined {
  const host = publicHost(origin);
  if (!host) return undefined;
  return SCC_REGIONS.find((region) => region.ui.some((ui) => new URL(ui).hostname === host))?.id;
}

/**
 * The door a public origin is, with its prefix: a cdFMC host, a regional gateway, a legacy base (FedRAMP's
 * included); undefined for any other origin (an on-prem FMC, the simulator).
 */
export function doorOf(origin: string): CdfmcDoor | undefined {
  const host = publicHost(origin);
  if (!host) return undefined;
  const door = (kind: CdfmcDoorKind): CdfmcDoor => ({ kind, prefix: CDFMC_PREFIX[kind] });
  if (CDFMC_HOST.test(host)) return door('host');
  if (SCC_REGIONS.some((region) => new URL(region.gateway).hostname === host)) return door('gateway');
  const legacy = [...SCC_REGIONS.flatMap((region) => region.legacy), FEDRAMP_ORIGIN];
  if (legacy.some((base) => new URL(base).hostname === host)) return door('legacy');
  return undefined;
}

/** Every prefix a cdFMC link may carry, longest first (`/v1/cdfmc` alone: a gateway base written without `/firewall`). */
export const KNOWN_CDFMC_PREFIXES: readonly string[] = [
  CDFMC_PREFIX.gateway,
  CDFMC_PREFIX.legacy,
  '/v1/cdfmc',
];

/** A path without the cdFMC prefix it carries (`/firewall/v1/cdfmc/api/x` → `/api/x`); others unchanged. */
export function stripCdfmcPrefix(path: string): string {
  for (const prefix of KNOWN_CDFMC_PREFIXES) {
    if (path === prefix) return '/';
    if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
  }
  return path;
}

/**
 * Whether a door prefix is path segments only (`''`, `/firewall/v1/cdfmc`): it is written between the origin and
 * the path, so anything else (`.evil.example`, `@evil.example`, a query) could move the token to another host.
 * A prefix read back from storage is checked too (tampered storage, SECURITY.md).
 */
export function isSafeDoorPrefix(prefix: unknown): prefix is string {
  return typeof prefix === 'string' && /^(?:\/[A-Za-z0-9._~-]+)*$/.test(prefix);
}
