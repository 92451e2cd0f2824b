import type { IncomingMessage, ServerResponse } from 'node:http';
import { renderShowNetwork, type SimFleet, versionAtLeast } from '../fleet';
import type { TokenBook } from './auth';
import { CDFMC_CLOUD_EVENT_FIELDS, type CdfmcSettings, cdfmcDeviceFields } from './cdfmc';
import type { RestFaults } from './faults';
import { type LinkWriter, page } from './paging';
import { sendEmpty, sendError, sendJson } from './respond';
import {
  alertCriteria,
  alertItem,
  alerts,
  cloudEventsItem,
  cloudRegionItems,
  deviceItem,
  dnsServerGroupItems,
  domainItem,
  filterAlerts,
  securexItem,
  serverVersionItem,
  summary,
} from './shapes';
import type { RestStats } from './stats';

/** Everything a route needs to answer one request. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  fleet: SimFleet;
  faults: RestFaults;
  link: LinkWriter;
  tokens: TokenBook;
  stats: RestStats;
  now: number;
  /** The cdFMC mode's settings (issue 20); null for an on-prem FMC. */
  cdfmc: CdfmcSettings | null;
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Endpoint key for stats and fault matching, e.g. `GET devices/devicerecords`. */
  key: string;
  /** Sign-in endpoints take no token. */
  public?: boolean;
  /** First FMC version with this endpoint; older ones answer 404. */
  since?: string;
  /** Device command API: one request per device, a few devices at once. */
  command?: boolean;
  handle(ctx: RouteContext): void;
}

const PLATFORM = '^/api/fmc_platform/v1';
const CONFIG = '^/api/fmc_config/v1/domain/([^/]+)';

export const ROUTES: readonly Route[] = [
  {
    method: 'POST',
    pattern: re(`${PLATFORM}/auth/generatetoken$`),
    key: 'POST auth/generatetoken',
    public: true,
    handle: login,
  },
  {
    method: 'POST',
    pattern: re(`${PLATFORM}/auth/refreshtoken$`),
    key: 'POST auth/refreshtoken',
    public: true,
    handle: refresh,
  },
  {
    method: 'POST',
    pattern: re(`${PLATFORM}/auth/revokeaccess$`),
    key: 'POST auth/revokeaccess',
    public: true,
    handle: revoke,
  },
  {
    method: 'GET',
    pattern: re(`${PLATFORM}/info/serverversion$`),
    key: 'GET info/serverversion',
    handle: serverVersion,
  },
  { method: 'GET', pattern: re(`${PLATFORM}/info/domain$`), key: 'GET info/domain', handle: domains },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/devices/devicerecords$`),
    key: 'GET devices/devicerecords',
    handle: devices,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/devices/devicerecords/([^/]+)$`),
    key: 'GET devices/devicerecords/{id}',
    handle: device,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/devices/devicerecords/([^/]+)/operational/commands$`),
    key: 'GET devices/devicerecords/{id}/operational/commands',
    since: '6.6',
    command: true,
    handle: command,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/health/alerts$`),
    key: 'GET health/alerts',
    since: '6.7',
    handle: healthAlerts,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/integration/cloudeventsconfigs$`),
    key: 'GET integration/cloudeventsconfigs',
    since: '6.4',
    handle: cloudEvents,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/integration/securexconfigs$`),
    key: 'GET integration/securexconfigs',
    since: '7.0',
    handle: securex,
  },
  {
    method: 'GET',
    // A cdFMC's (its spec 1.13.0, cdfmc.md); an on-prem FMC answers 404.
    pattern: re(`${CONFIG}/integration/cloudintegrations/cloudintegrations$`),
    key: 'GET integration/cloudintegrations',
    handle: cloudIntegrations,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/integration/cloudregions$`),
    key: 'GET integration/cloudregions',
    since: '6.5',
    handle: cloudRegions,
  },
  {
    method: 'GET',
    pattern: re(`${CONFIG}/object/dnsservergroups$`),
    key: 'GET object/dnsservergroups',
    since: '6.3',
    handle: dnsServerGroups,
  },
];

function re(source: string): RegExp {
  return new RegExp(source);
}

export type RouteMatch =
  | { kind: 'route'; route: Route; params: string[] }
  | { kind: 'wrong-method'; allow: string; key: string }
  | { kind: 'none'; key: string };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const onPath = ROUTES.filter((r) => r.pattern.test(pathname));
  const route = onPath.find((r) => r.method === method);
  if (route) {
    const params = (route.pattern.exec(pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    return { kind: 'route', route, params };
  }
  if (onPath.length > 0) {
    const key = `${method} ${(onPath[0] as Route).key.split(' ')[1]}`;
    return { kind: 'wrong-method', allow: onPath.map((r) => r.method).join(', '), key };
  }
  return { kind: 'none', key: `${method} (unknown)` };
}

/** The devices a domain sees: its own and its subdomains'. */
export function domainDevices(fleet: SimFleet, domainUuid: string): SimFleet['devices'] {
  return fleet.devices.filter((d) => visibleFrom(fleet, domainUuid, d));
}

function visibleFrom(fleet: SimFleet, domainUuid: string, device: SimFleet['devices'][number]): boolean {
  const domain = fleet.domains.find((d) => d.uuid === domainUuid);
  const own = fleet.domains.find((d) => d.uuid === device.domainUuid)?.name ?? '';
  return domain !== undefined && (own === domain.name || own.startsWith(`${domain.name}/`));
}

const GLOBAL_NAME = 'Global';

function login(ctx: RouteContext): void {
  const { faults, res } = ctx;
  if (faults.restApiDisabled) {
    ctx.stats.failedLogins++;
    sendError(res, faults.restApiDisabled, 'REST API access is disabled on this Management Center.');
    return;
  }
  const credentials = basicCredentials(ctx.req.headers.authorization);
  if (
    !credentials ||
    credentials.username !== faults.credentials.username ||
    credentials.password !== faults.credentials.password
  ) {
    ctx.stats.failedLogins++;
    sendError(res, 401, 'User authentication failed');
    return;
  }
  ctx.stats.logins++;
  const grant = ctx.tokens.issue(credentials.username, ctx.now);
  const global = ctx.fleet.domains.find((d) => d.name === GLOBAL_NAME) ?? ctx.fleet.domains[0];
  sendEmpty(res, 204, {
    'X-auth-access-token': grant.access,
    'X-auth-refresh-token': grant.refresh,
    DOMAIN_UUID: global?.uuid ?? '',
    DOMAINS: JSON.stringify(ctx.fleet.domains.map((d) => ({ uuid: d.uuid, name: d.name }))),
  });
}

function refresh(ctx: RouteContext): void {
  const { req, res } = ctx;
  const outcome = ctx.tokens.refresh(
    header(req, 'x-auth-access-token'),
    header(req, 'x-auth-refresh-token'),
    ctx.now,
    ctx.faults.maxRefreshes,
  );
  if (!outcome.ok) {
    ctx.stats.failedRefreshes++;
    const description =
      outcome.reason === 'exhausted'
        ? 'Refresh token has been used the maximum number of times.'
        : 'Invalid refresh token.';
    sendError(res, 401, description);
    return;
  }
  ctx.stats.refreshes++;
  sendEmpty(res, 204, {
    'X-auth-access-token': outcome.grant.access,
    'X-auth-refresh-token': outcome.grant.refresh,
  });
}

function revoke(ctx: RouteContext): void {
  if (!ctx.tokens.revoke(header(ctx.req, 'x-auth-access-token'))) {
    sendError(ctx.res, 401, 'Access token invalid.');
    return;
  }
  ctx.stats.revokes++;
  sendEmpty(ctx.res, 204, {});
}

/** `full`: the platform info endpoints answer whole objects with or without `expanded`. */
function list(ctx: RouteContext, items: Array<Record<string, unknown>>, full = false): void {
  const expanded = full || ctx.url.searchParams.get('expanded') === 'true';
  const shown = withBadItem(ctx, expanded ? items : items.map(summary));
  const body = page(shown, {
    path: ctx.url.pathname,
    query: ctx.url.searchParams,
    link: ctx.link,
    maxPageSize: ctx.faults.maxPageSize,
    drift: ctx.faults.pagingDrift,
  });
  sendJson(ctx.res, 200, body);
}

/** The `badItem` fault: one item of a matching list loses a field the client requires. */
function withBadItem(
  ctx: RouteContext,
  items: Array<Record<string, unknown>>,
): Array<Record<string, unknown>> {
  const bad = ctx.faults.badItem;
  const key = ROUTES.find((r) => r.method === 'GET' && r.pattern.test(ctx.url.pathname))?.key ?? '';
  if (!bad || !key.includes(bad.match) || !items[bad.index]) return items;
  const copy = [...items];
  const { [bad.field]: _dropped, ...rest } = copy[bad.index] as Record<string, unknown>;
  copy[bad.index] = rest;
  return copy;
}

function serverVersion(ctx: RouteContext): void {
  list(ctx, [serverVersionItem(ctx.fleet, ctx.faults.schemaDrift, ctx.link, ctx.cdfmc?.serverVersion)], true);
}

function domains(ctx: RouteContext): void {
  list(
    ctx,
    ctx.fleet.domains.map((d) => domainItem(d, ctx.link)),
    true,
  );
}

function devices(ctx: RouteContext): void {
  const visible = domainDevices(ctx.fleet, ctx.params[0] ?? '');
  list(
    ctx,
    visible.map((d) => deviceRecord(ctx, d)),
  );
}

function device(ctx: RouteContext): void {
  const found = findDevice(ctx);
  if (found) sendJson(ctx.res, 200, deviceRecord(ctx, found));
}

/** A device record, with the cdFMC's extra fields in cdFMC mode. */
function deviceRecord(ctx: RouteContext, d: SimFleet['devices'][number]): Record<string, unknown> {
  const item = deviceItem(d, ctx.fleet, ctx.faults.schemaDrift, ctx.link, ctx.faults.deviceHealth);
  if (!ctx.cdfmc) return item;
  return { ...item, ...cdfmcDeviceFields(d.id, ctx.fleet.devices.indexOf(d)) };
}

const devicesById = new WeakMap<SimFleet, Map<string, SimFleet['devices'][number]>>();

/** The device of a `devicerecords/{id}` path, if the path's domain sees it. */
function findDevice(ctx: RouteContext): SimFleet['devices'][number] | undefined {
  let byId = devicesById.get(ctx.fleet);
  if (!byId) {
    byId = new Map(ctx.fleet.devices.map((d) => [d.id, d]));
    devicesById.set(ctx.fleet, byId);
  }
  const candidate = byId.get(ctx.params[1] ?? '');
  const found = candidate && visibleFrom(ctx.fleet, ctx.params[0] ?? '', candidate) ? candidate : undefined;
  if (!found) sendError(ctx.res, 404, `Device with UUID ${ctx.params[1]} not found.`);
  return found;
}

/** Only `show network` is simulated; the form of the query must be one this FMC accepts. */
function command(ctx: RouteContext): void {
  const { res, url, faults } = ctx;
  const direct = url.searchParams.get('command');
  const filter = /^command:(.*)$/i.exec(url.searchParams.get('filter') ?? '');
  const form = direct !== null ? 'command' : filter ? 'filter' : undefined;
  if (!form || !faults.commandApi.forms.includes(form)) {
    sendError(res, 400, form ? `Invalid query parameter: ${form}.` : 'Query parameter command is mandatory.');
    return;
  }
  const text = (direct ?? filter?.[1] ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  if (text !== 'show network') {
    sendError(res, 400, `Command ${text} is not supported by the simulator.`);
    return;
  }
  const found = findDevice(ctx);
  if (!found) return;
  if (!found.showNetworkSupported || !versionAtLeast(found.version, '6.6')) {
    sendError(res, 400, `Command show network is not supported on device version ${found.version}.`);
    return;
  }
  if (found.commandFails) {
    sendError(res, 500, 'Failed to execute the command on the device: the device did not respond.');
    return;
  }
  const self = ctx.link(`${url.pathname}?${url.searchParams.toString()}`);
  sendJson(res, 200, {
    links: { self },
    items: [{ commandInput: 'show network', commandOutput: renderShowNetwork(found), type: 'Command' }],
    paging: { offset: 0, limit: 1, count: 1, pages: 1 },
  });
}

function healthAlerts(ctx: RouteContext): void {
  const filter = ctx.url.searchParams.get('filter');
  // A cdFMC's enum adds FAILED to the 7.0 one (cdfmc.md, Cisco).
  const accepted = ctx.faults.alertFilterStatuses?.map((s) => s.toUpperCase());
  if (ctx.cdfmc && accepted && !accepted.includes('FAILED')) accepted.push('FAILED');
  const rejected = (alertCriteria(filter).get('status') ?? []).find(
    (s) => accepted !== undefined && !accepted.includes(s.toUpperCase()),
  );
  if (rejected !== undefined) {
    sendError(ctx.res, 400, `Invalid status ${rejected} in filter.`);
    return;
  }
  const visible = new Set(domainDevices(ctx.fleet, ctx.params[0] ?? '').map((d) => d.id));
  const statuses = ctx.cdfmc
    ? {
        ...failedStatuses(ctx.fleet, ctx.cdfmc.failedStatus, ctx.faults.cloudAlertStatus),
        ...ctx.faults.cloudAlertStatus,
      }
    : ctx.faults.cloudAlertStatus;
  const all = alerts(ctx.fleet, ctx.faults.cloudAlertModule, ctx.now, statuses).filter(
    (a) => a.deviceUUID === '0' || visible.has(a.deviceUUID),
  );
  const selected = filterAlerts(all, filter);
  list(
    ctx,
    selected.map((a) => alertItem(a, ctx.params[0] ?? '', ctx.faults.schemaDrift, ctx.link)),
  );
}

/**
 * cdFMC mode: the failing devices whose Cloud Configuration alert is FAILED (the status the cdFMC spec adds),
 * by device id; the others stay RED.
 */
function failedStatuses(
  fleet: SimFleet,
  mode: CdfmcSettings['failedStatus'],
  /** The `cloudAlertStatus` fault, which wins. */
  forced: Readonly<Record<string, string>>,
): Record<string, string> {
  if (mode === 'none') return {};
  const failing = fleet.devices.filter((d) => d.failingDataTypes.includes('Cisco Cloud Configuration'));
  return Object.fromEntries(
    failing
      .filter((d, i) => (mode === 'all' || i % 2 === 0) && !(d.id in forced) && !(d.name in forced))
      .map((d) => [d.id, 'FAILED']),
  );
}

function cloudEvents(ctx: RouteContext): void {
  const item = cloudEventsItem(ctx.fleet, ctx.params[0] ?? '', ctx.faults.schemaDrift, ctx.link);
  list(ctx, [ctx.cdfmc ? { ...item, ...CDFMC_CLOUD_EVENT_FIELDS } : item]);
}

/**
 * A cdFMC's cloud integration (the object, or a list holding it: its form is not published); 404 on an on-prem
 * FMC, and when the cdFMC mode says `absent`; 500 on every request when it says `error`.
 */
function cloudIntegrations(ctx: RouteContext): void {
  const setting = ctx.cdfmc?.cloudIntegration;
  if (!setting || setting === 'absent') {
    sendError(ctx.res, 404, 'The requested resource was not found.');
    return;
  }
  if (setting === 'error') {
    sendError(ctx.res, 500, 'The server encountered an internal error.');
    return;
  }
  const domainUuid = ctx.params[0] ?? '';
  const self = ctx.link(
    `/api/fmc_config/v1/domain/${domainUuid}/integration/cloudintegrations/cloudintegrations`,
  );
  // Field names: the cdFMC spec (Cisco); values invented.
  const item = {
    id: 'cloudintegrations',
    type: 'CloudIntegration',
    enabled: setting.enabled,
    info: {
      cdoUrl: 'https://us.manage.security.cisco.com',
      connected: setting.connected,
      deviceId: 'a3c1f0e2-5d4b-4e6f-9a7b-2c8d1e0f3a4b',
      onboardingStatus: setting.onboardingStatus,
      sseTenantName: 'sim-tenant',
      tenantId: '0f6c2b1a-7e3d-4c5b-8a9f-1d2e3f4a5b6c',
    },
    links: { self },
  };
  if (ctx.cdfmc?.cloudIntegrationForm === 'list') {
    sendJson(ctx.res, 200, {
      links: { self },
      items: [item],
      paging: { offset: 0, limit: 25, count: 1, pages: 1 },
    });
    return;
  }
  sendJson(ctx.res, 200, item);
}

function securex(ctx: RouteContext): void {
  const config = ctx.fleet.integration.securex;
  // Not in the cdFMC spec (cdfmc.md: only `operational/refreshsecurexconfigs`).
  if (!config || ctx.cdfmc) {
    sendError(ctx.res, 404, 'The requested resource was not found.');
    return;
  }
  list(ctx, [securexItem(config, ctx.params[0] ?? '', ctx.faults.schemaDrift, ctx.link)]);
}

function cloudRegions(ctx: RouteContext): void {
  list(ctx, cloudRegionItems(ctx.fleet, ctx.params[0] ?? '', ctx.faults.schemaDrift, ctx.link));
}

function dnsServerGroups(ctx: RouteContext): void {
  list(ctx, dnsServerGroupItems(ctx.params[0] ?? '', ctx.faults.schemaDrift, ctx.link));
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function basicCredentials(
  authorization: string | undefined,
): { username: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A 404 for config paths whose domain the FMC does not have. */
const CONFIG_PATH = new RegExp(CONFIG);

export function unknownDomain(fleet: SimFleet, pathname: string): boolean {
  const match = CONFIG_PATH.exec(pathname);
  return match !== null && !fleet.domains.some((d) => d.uuid === match[1]);
}

export function versionLacks(fleet: SimFleet, route: Route): boolean {
  return route.since !== undefined && !versionAtLeast(fleet.serverVersion, route.since);
}
