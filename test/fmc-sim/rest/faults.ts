import { z } from 'zod';

/**
 * Switches that make the simulated FMC misbehave, per simulator instance. Defaults are a healthy FMC with the
 * real limits (enforced), so a client that overshoots them is caught in every test.
 */

const InjectedAnswerSchema = z.strictObject({
  /** Substring of the endpoint key (`GET devices/devicerecords`); absent: any `/api` request. */
  match: z.string().optional(),
  /** `match` must be the whole key: `GET devices/devicerecords` without the record and command routes. */
  exact: z.boolean().default(false),
  /** How many matching requests get this answer. */
  times: z.int().min(1),
  status: z.int().min(200).max(599).default(500),
  /**
   * `error`: the FMC's error body; `malformed-json`: a JSON document cut mid-object; `html`: a web page; `empty`:
   * no body at all; `redirect`: a `Location` to another origin (status 302 unless given); `hang`: no answer
   * before the client gives up (the connection is held `hangMs`, then dropped); `reset`: the connection is
   * dropped at once, as a refused certificate or a reset looks to fetch. `gateway-error`: SCC's API gateway's
   * own body, `{timestamp, path, status, error, requestId}` (cdFMC mode, issue 20; a 429 in either envelope).
   */
  body: z
    .enum(['error', 'gateway-error', 'malformed-json', 'html', 'empty', 'redirect', 'hang', 'reset'])
    .default('error'),
  hangMs: z.number().min(0).max(120_000).default(10_000),
  retryAfterSec: z.number().min(0).optional(),
  description: z.string().optional(),
});
export type InjectedAnswer = z.output<typeof InjectedAnswerSchema>;
export type InjectedAnswerInput = z.input<typeof InjectedAnswerSchema>;

export const RestFaultsSchema = z.strictObject({
  /** Delay before every `/api` answer. */
  latencyMs: z.number().min(0),
  /** Extra delay for the endpoints whose key contains `match`. */
  slow: z.strictObject({ match: z.string(), ms: z.number().min(0) }).nullable(),
  rateLimit: z.strictObject({
    enforced: z.boolean(),
    /** null: by server version, 120 (300 on 7.4.1 and 7.6+). */
    perMinute: z.int().min(1).nullable(),
    windowMs: z.int().min(1),
    maxInFlight: z.int().min(1),
    /** Retry-After seconds sent with a 429; null sends none, as documented FMCs do. */
    retryAfterSec: z.number().min(0).nullable(),
  }),
  commandApi: z.strictObject({
    maxDevices: z.int().min(1),
    /** Query forms this FMC accepts: `command=show network` and/or `filter=command:show network`. */
    forms: z.array(z.enum(['command', 'filter'])),
  }),
  tokenLifetimeMs: z.int().min(1),
  maxRefreshes: z.int().min(0),
  credentials: z.strictObject({ username: z.string(), password: z.string() }),
  /** The login is refused as when System > Configuration > REST API Preferences disables the API. */
  restApiDisabled: z.union([z.literal(false), z.literal(401), z.literal(403)]),
  /** Module that carries the Cloud Configuration failure (not confirmed on real FMCs). */
  cloudAlertModule: z.enum(['THREAT_DATA_UPDATES', 'CONN_STATUS_SSE']),
  /** Answers given, in order, to the next matching requests. */
  inject: z.array(InjectedAnswerSchema),
  /** `tolerable`: casing, extra and missing optional fields; `breaking`: devices lose their `id`. */
  schemaDrift: z.enum(['none', 'tolerable', 'breaking']),
  /** How links are written: absolute (the default), relative, without `/api` (Cisco's examples), other host. */
  links: z.enum(['absolute', 'relative', 'no-api-prefix', 'other-host']),
  /** The FMC serves at most this many items per page, whatever `limit` asks. */
  maxPageSize: z.int().min(1),
  /**
   * Paging that does not add up: `repeat-first` answers the first page for every later offset;
   * `count-too-high` announces more items than there are; `endless` names one more page on every page.
   */
  pagingDrift: z.enum(['none', 'repeat-first', 'count-too-high', 'endless']),
  /** List items the schema must reject: in lists whose key contains `match`, the item at `index` loses `field`. */
  badItem: z.strictObject({ match: z.string(), index: z.int().min(0), field: z.string() }).nullable(),
  /**
   * Device `healthStatus` values sent instead of the fleet's red (failing) or green, by device id or name, as
   * given (any case): `black` and `blue` (Centreon's FMC plugin counts green, yellow, red, black, blue), or any
   * other word an FMC might send.
   */
  deviceHealth: z.record(z.string(), z.string()),
  /**
   * The `status` of the alert that carries a device's Cloud Configuration result (Threat Data Updates, or the SSE
   * connection module), sent instead of RED/GREEN, by device id or name: `ERROR`, `FAILED` (cdFMC), `Red`…
   */
  cloudAlertStatus: z.record(z.string(), z.string()),
  /**
   * The statuses the alerts filter accepts (case-insensitive); a filter naming another answers 400, as an FMC
   * whose enum lacks a value may. Default: the 7.0 spec's enum. null: any value is accepted.
   */
  alertFilterStatuses: z.array(z.string()).nullable(),
});
export type RestFaults = z.output<typeof RestFaultsSchema>;

export const REAL_RATE_PER_MINUTE = 120;
export const RAISED_RATE_PER_MINUTE = 300;

export function defaultFaults(): RestFaults {
  return {
    latencyMs: 0,
    slow: null,
    rateLimit: { enforced: true, perMinute: null, windowMs: 60_000, maxInFlight: 10, retryAfterSec: null },
    commandApi: { maxDevices: 10, forms: ['command', 'filter'] },
    tokenLifetimeMs: 30 * 60_000,
    maxRefreshes: 3,
    credentials: { username: 'api-user', password: 'api-password' },
    restApiDisabled: false,
    cloudAlertModule: 'THREAT_DATA_UPDATES',
    inject: [],
    schemaDrift: 'none',
    links: 'absolute',
    maxPageSize: 1000,
    pagingDrift: 'none',
    badItem: null,
    deviceHealth: {},
    cloudAlertStatus: {},
    // HealthAlert.status in ../shared/fmc-api/fmc-openapi-7.0-excerpt.json (FAILED came later, with cdFMC).
    alertFilterStatuses: ['GREEN', 'DISABLED', 'RECOVERED', 'RED', 'ERROR', 'YELLOW'],
  };
}

/** A patch: top-level fields replace, the nested objects merge, `inject` takes inputs (defaults filled). */
export const RestFaultsPatchSchema = RestFaultsSchema.partial().extend({
  rateLimit: RestFaultsSchema.shape.rateLimit.partial().optional(),
  commandApi: RestFaultsSchema.shape.commandApi.partial().optional(),
  credentials: RestFaultsSchema.shape.credentials.partial().optional(),
});
export type RestFaultsPatch = z.input<typeof RestFaultsPatchSchema>;

const NESTED = new Set(['rateLimit', 'commandApi', 'credentials']);

export function applyPatch(faults: RestFaults, patch: RestFaultsPatch): RestFaults {
  const next: Record<string, unknown> = { ...faults };
  for (const [key, value] of Object.entries(RestFaultsPatchSchema.parse(patch))) {
    if (value === undefined) continue;
    next[key] = NESTED.has(key) ? { ...(next[key] as object), ...withoutUndefined(value as object) } : value;
  }
  return RestFaultsSchema.parse(next);
}

function withoutUndefined(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
