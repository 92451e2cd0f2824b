import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { sendError, sendJson } from './respond';

/**
 * The simulator's cloud-delivered FMC mode (issue 20), built from `../shared/docs/cdfmc.md`: the same REST API
 * behind its doors and an SCC API token. Every fixture says where it comes from:
 * - **Cisco sample** / **Cisco**: Cisco's text, spec or examples (cdfmc.md's "known");
 * - **client mock**: what public clients (go-fmc, fireREST, fmcapi, Cisco's Ansible collection and Terraform
 *   provider) send, expect or handle, as cdfmc.md reports it;
 * - **one lab**: cdfmc.md's "inferred";
 * - **invented**: a choice of ours where nothing is known, varied or made a setting rather than trusted.
 */

/** The doors on one loopback server: the cdFMC's own host (no prefix), SCC's gateway, the legacy base. */
export type SimDoor = 'host' | 'gateway' | 'legacy';

/** Cisco: "All the cdFMC API endpoints are prefixed by /v1/cdfmc" after `…/firewall` (gateway), `…/api/rest` (legacy). */
export const SIM_DOOR_PREFIX: Record<SimDoor, string> = {
  host: '',
  gateway: '/firewall/v1/cdfmc',
  legacy: '/api/rest/v1/cdfmc',
};

/** Which door a request came through, and its path without the prefix; null for a path no door serves. */
export function doorOfPath(pathname: string): { door: SimDoor; path: string } | null {
  for (const door of ['gateway', 'legacy'] as const) {
    const prefix = SIM_DOOR_PREFIX[door];
    if (pathname.startsWith(`${prefix}/api/`)) return { door, path: pathname.slice(prefix.length) };
  }
  return pathname.startsWith('/api/') ? { door: 'host', path: pathname } : null;
}

export type TokenCase = 'valid' | 'revoked' | 'wrongKind' | 'wrongRegion';

/**
 * Invented JWT-shaped tokens (an SCC API-only user's token is a JWT with no `exp` when it does not expire,
 * Cisco): header and payload are readable base64url JSON, the signature is a placeholder. Nothing in them is
 * Cisco's; the simulator tells the cases apart by the whole string.
 */
function fakeJwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(payload)}.c2ltdWxhdG9yLW5vdC1zaWduZWQ`;
}

export const CDFMC_TOKENS: Record<TokenCase, string> = {
  valid: fakeJwt({ sub: 'sim-api-only-user', region: 'us', kind: 'api-only-user', case: 'valid' }),
  revoked: fakeJwt({ sub: 'sim-api-only-user', region: 'us', kind: 'api-only-user', case: 'revoked' }),
  // One lab (cdfmc.md): a key of SCC's newer "API keys" page got 400 from the gateway and 401 from the host.
  wrongKind: fakeJwt({ sub: 'sim-api-key', region: 'us', kind: 'api-key', case: 'wrong-kind' }),
  // Invented: whether tokens are region-scoped is unknown (cdfmc.md).
  wrongRegion: fakeJwt({
    sub: 'sim-api-only-user',
    region: 'eu',
    kind: 'api-only-user',
    case: 'wrong-region',
  }),
};

const CloudIntegrationSchema = z.strictObject({
  enabled: z.boolean(),
  connected: z.boolean(),
  onboardingStatus: z.string(),
});

export const CdfmcSettingsSchema = z.strictObject({
  /** The tokens of each case (several may share one); the defaults are `CDFMC_TOKENS`. */
  tokens: z.strictObject({
    valid: z.array(z.string()),
    revoked: z.array(z.string()),
    wrongKind: z.array(z.string()),
    wrongRegion: z.array(z.string()),
  }),
  /** The 401's words: `SCC token is invalid`, or the older `CDO token is invalid` (both seen by clients: client mock). */
  invalidTokenWording: z.enum(['SCC', 'CDO']),
  /** `serverversion`'s string: SCC shows `10.0.0-build 7056` and `7.7.10-build 1248` (Cisco's SCC UI, cdfmc.md). */
  serverVersion: z.string().min(1),
  /**
   * `cloudintegrations/cloudintegrations`: its fields are the cdFMC spec's (Cisco), their meaning undocumented;
   * `absent` answers 404, `error` 500 on every request.
   */
  cloudIntegration: z.union([CloudIntegrationSchema, z.enum(['absent', 'error'])]),
  /** Its answer as the object itself or a list holding it (the form is not published: both are served). */
  cloudIntegrationForm: z.enum(['object', 'list']),
  /**
   * Which failing devices' Cloud Configuration alert has the status FAILED (the cdFMC spec adds it, Cisco;
   * what sends it is unknown): every other one (the default), all, none. `cloudAlertStatus` still wins.
   */
  failedStatus: z.enum(['alternate', 'all', 'none']),
  /**
   * The envelope of the rate limiter's 429s (invented: no cdFMC 429 body is public): the gateway's through the
   * gateway and legacy doors and the FMC's through the host (`by-door`), or one of them everywhere.
   */
  rateLimitEnvelope: z.enum(['by-door', 'fmc', 'gateway']),
});
export type CdfmcSettings = z.output<typeof CdfmcSettingsSchema>;

export const CdfmcPatchSchema = CdfmcSettingsSchema.partial().extend({
  tokens: CdfmcSettingsSchema.shape.tokens.partial().optional(),
});
export type CdfmcPatch = z.input<typeof CdfmcPatchSchema>;

export function defaultCdfmc(): CdfmcSettings {
  return {
    tokens: {
      valid: [CDFMC_TOKENS.valid],
      revoked: [CDFMC_TOKENS.revoked],
      wrongKind: [CDFMC_TOKENS.wrongKind],
      wrongRegion: [CDFMC_TOKENS.wrongRegion],
    },
    invalidTokenWording: 'SCC',
    serverVersion: '10.0.0-build 7056',
    // Invented values: a tenant whose cdFMC is onboarded and connected.
    cloudIntegration: { enabled: true, connected: true, onboardingStatus: 'ONBOARDED' },
    cloudIntegrationForm: 'object',
    failedStatus: 'alternate',
    rateLimitEnvelope: 'by-door',
  };
}

export function applyCdfmcPatch(settings: CdfmcSettings, patch: CdfmcPatch): CdfmcSettings {
  const parsed = CdfmcPatchSchema.parse(patch);
  const next: Record<string, unknown> = { ...settings };
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) continue;
    next[key] = key === 'tokens' ? { ...settings.tokens, ...(value as object) } : value;
  }
  return CdfmcSettingsSchema.parse(next);
}

/**
 * SCC's gateway's own error body (one lab, cdfmc.md: `{timestamp, path, status, error, requestId}`); the
 * `error` words are HTTP's reason phrases (invented), the request id a fresh UUID.
 */
export function sendGatewayError(
  res: ServerResponse,
  status: number,
  path: string,
  headers: Record<string, string> = {},
): void {
  const reason: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
  };
  sendJson(
    res,
    status,
    {
      timestamp: new Date().toISOString(),
      path,
      status,
      error: reason[status] ?? 'Error',
      requestId: randomUUID(),
    },
    headers,
  );
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export type BearerOutcome = { ok: true } | { ok: false; case: TokenCase | 'missing' | 'unknown' };

/** The token case of a request: `Authorization: Bearer <token>` only; `X-auth-access-token` counts for nothing. */
export function bearerCase(req: IncomingMessage, settings: CdfmcSettings): BearerOutcome {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  if (!match) return { ok: false, case: 'missing' };
  const token = match[1] ?? '';
  const found = (Object.keys(settings.tokens) as TokenCase[]).find((c) => settings.tokens[c].includes(token));
  if (found === 'valid') return { ok: true };
  return { ok: false, case: found ?? 'unknown' };
}

/**
 * Refuses a request whose token is not valid, as each door does:
 * - revoked, unknown or missing: 401 in the FMC's envelope, `SCC token is invalid` (or `CDO token is invalid`),
 *   as clients saw it (client mock);
 * - wrong kind: 400 in the gateway's envelope through the gateway and legacy doors, 401 through the host (one
 *   lab; the host's body is not published, so it gets the same 401 as a revoked token: invented);
 * - wrong region: 403 in the gateway's envelope through the gateway and legacy doors, 401 through the host
 *   (both **invented**: whether tokens are region-scoped, and how a door would say so, is unknown).
 */
export function refuseToken(
  res: ServerResponse,
  outcome: Exclude<BearerOutcome, { ok: true }>,
  door: SimDoor,
  fullPath: string,
  settings: CdfmcSettings,
): void {
  const behindGateway = door !== 'host';
  if (outcome.case === 'wrongKind' && behindGateway) sendGatewayError(res, 400, fullPath);
  else if (outcome.case === 'wrongRegion' && behindGateway) sendGatewayError(res, 403, fullPath);
  else sendError(res, 401, `${settings.invalidTokenWording} token is invalid`);
}

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The cdFMC's extra device fields (names: the cdFMC spec 1.13.0, Cisco; values invented). */
export function cdfmcDeviceFields(deviceId: string, index: number): Record<string, unknown> {
  return {
    cloudDeviceId: uuidFrom(`cloud-device-${deviceId}`),
    isConnected: true,
    isMCDManaged: false,
    analyticsOnly: index % 17 === 16,
  };
}

/** The cdFMC's extra cloud events fields (names: the spec and one real 10.0 item, cdfmc.md; values invented). */
export const CDFMC_CLOUD_EVENT_FIELDS = {
  sendAllConnectionEvents: false,
  sendNetworkDiscoveryEvents: false,
  sendPackets: false,
  devicesExcludedFromSendingEvents: [],
  sendAIDefenseEvents: false,
} as const;
