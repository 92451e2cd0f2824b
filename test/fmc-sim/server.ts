import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { z } from 'zod';
import {
  evaluateHealth,
  type FleetOptions,
  fixDevice,
  generateFleet,
  REGION_HOSTS,
  type RegionId,
  type SimFleet,
} from './fleet';
import { readBody, requestUrl } from './http';
import {
  CDFMC_TOKENS,
  type CdfmcPatch,
  createRestApi,
  type RestApi,
  type RestContext,
  type RestFaultsPatch,
  SIM_DOOR_PREFIX,
  type SimDoor,
  type TokenCase,
} from './rest';
import { selfSignedCertificate } from './rest/tls';
import type { UiContext, UiResponse } from './ui/context';
import { MAX_DEVICES } from './ui/query';
import { routeUi } from './ui/router';

export interface FmcSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A loopback address: the simulator serves fake credentials and hostile strings to anyone who asks. */
  host?: string;
  /** Options for a generated fleet, or a fleet built by the test. */
  fleet?: FleetOptions | SimFleet;
  /** REST faults from the start (they can change later through `rest.setFaults` or `/__sim/rest/faults`). */
  faults?: RestFaultsPatch;
  /** Serve HTTPS with a self-signed certificate, as most FMCs do (needs the `openssl` command). */
  https?: boolean;
  /**
   * How long an idle connection stays open (Node's keep-alive default: 5 s; a connection with no request yet:
   * 60 s). Tests of the self-signed mode set it below their waits, so that no request rides on a connection
   * an earlier page opened (`closeIdleConnections`).
   */
  keepAliveTimeoutMs?: number;
  /**
   * A cloud-delivered FMC (issue 20, `./rest/cdfmc.ts`): SCC API tokens instead of `generatetoken`, the cdFMC's
   * own host (`<origin>/api/...`), SCC's gateway (`<origin>/firewall/v1/cdfmc/api/...`) and the legacy base
   * (`<origin>/api/rest/v1/cdfmc/api/...`) on this one server, the cdFMC's shapes. `true` for the defaults. A
   * generated fleet gets `cdfmc: true` (one Global domain, version 10.0.0) unless the fleet options say otherwise.
   * The UI pages are the on-prem FMC's (Cisco: "the same look and feel").
   */
  cdfmc?: CdfmcPatch | true;
}

/** What a test needs to reach a simulated cdFMC. */
export interface CdfmcInfo {
  /** One token per case; `rest.setCdfmc` may add more. */
  tokens: Record<TokenCase, string>;
  /** Each door's base: the origin and its prefix (no trailing slash). */
  doors: Record<SimDoor, string>;
  /** Each door's path prefix (`''`, `/firewall/v1/cdfmc`, `/api/rest/v1/cdfmc`). */
  prefixes: Record<SimDoor, string>;
}

export interface FmcSimulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string;
  url(path: string): string;
  /** Replaces the fleet (options are not merged with the previous ones). */
  setFleet(options: FleetOptions | SimFleet): SimFleet;
  fleet(): SimFleet;
  /**
   * Fixes one device (by id or name) as the admin would: see `fixDevice`. The REST API reports it at once; the
   * Health Monitor's pages at their next evaluation (`evaluateHealth`), or at once with `{ pages: true }`.
   * False for an unknown device.
   */
  fixDevice(idOrName: string, options?: { pages?: boolean }): boolean;
  /** The Health Monitor's pages catch up with what the REST API reports. */
  evaluateHealth(): void;
  /** The REST API's fault switches and counters. */
  rest: RestApi;
  /** The cdFMC mode's tokens and doors; null for an on-prem FMC. */
  cdfmc: CdfmcInfo | null;
  /** Connections open now (any client): tests wait for 0 before a request that must open its own. */
  openConnections(): Promise<number>;
  close(): Promise<void>;
}

/** What `GET`/`POST /__sim/fleet` answer. */
export interface FleetSummary {
  seed: number;
  serverVersion: string;
  region: RegionId;
  integration: boolean;
  devices: number;
  failing: number;
  failingDevices: string[];
}

/** The whole 127.0.0.0/8 range is loopback: tests use a second address as a second, not-enabled FMC. */
const isLoopback = (host: string) =>
  host === '::1' || host === 'localhost' || /^127(\.\d{1,3}){3}$/.test(host);
const MAX_BODY_BYTES = 64 * 1024;

/** FleetOptions as other processes send them: strict, so that a misspelt option fails loudly. */
export const fleetOptionsSchema = z.strictObject({
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  devices: z.int().min(0).max(MAX_DEVICES).optional(),
  failing: z.int().min(0).max(MAX_DEVICES).optional(),
  serverVersion: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,3}){0,3}$/)
    .optional(),
  integration: z.boolean().optional(),
  region: z.enum(Object.keys(REGION_HOSTS) as [RegionId, ...RegionId[]]).optional(),
  hostileNames: z.boolean().optional(),
  causes: z
    .array(z.enum(['dns-missing', 'proxy', 'connectivity']))
    .min(1)
    .optional(),
  oldVersionRatio: z.number().min(0).max(1).optional(),
  cdfmc: z.boolean().optional(),
});

export async function startFmcSimulator(options: FmcSimulatorOptions = {}): Promise<FmcSimulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The FMC simulator listens on loopback only, not on ${host}`);

  const cdfmcMode = options.cdfmc === undefined ? null : options.cdfmc === true ? {} : options.cdfmc;
  // A cdFMC's generated fleet is a cdFMC's unless the options say otherwise.
  const withMode = (o: FleetOptions): FleetOptions => (cdfmcMode ? { cdfmc: true, ...o } : o);
  let fleetOptions: FleetOptions = isFleet(options.fleet) ? {} : withMode(options.fleet ?? {});
  let fleet = isFleet(options.fleet) ? options.fleet : generateFleet(fleetOptions);
  const setFleet = (next: FleetOptions | SimFleet): SimFleet => {
    fleetOptions = isFleet(next) ? {} : withMode(next);
    fleet = isFleet(next) ? next : generateFleet(fleetOptions);
    return fleet;
  };
  // One REST API per simulator: faults, tokens and counters never leak between tests.
  const restApi = createRestApi(options.faults, cdfmcMode);
  /** Connections with a request being answered. */
  const busy = new WeakSet<object>();
  const ui: UiContext = { fleet: () => fleet, fleetOptions: () => fleetOptions };
  const rest: RestContext = { fleet: () => fleet, origin: '' };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    busy.add(req.socket);
    res.on('close', () => busy.delete(req.socket));
    handle(req, res, restApi, rest, ui, setFleet).catch((error: unknown) => {
      console.error('[fmc-sim]', error);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'Internal simulator error' });
    });
  };
  const server: Server = options.https
    ? createHttpsServer(selfSignedCertificate(), listener)
    : createHttpServer(listener);
  if (options.keepAliveTimeoutMs !== undefined)
    closeIdleConnections(server, options.keepAliveTimeoutMs, busy);
  // Malformed HTTP never reaches the handler; answer it without taking the process down.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${options.https ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  rest.origin = origin;

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    setFleet,
    fleet: () => fleet,
    fixDevice: (idOrName, fixOptions) => fixDevice(fleet, idOrName, fixOptions),
    evaluateHealth: () => evaluateHealth(fleet),
    rest: restApi,
    cdfmc: cdfmcMode
      ? {
          tokens: { ...CDFMC_TOKENS },
          doors: {
            host: origin + SIM_DOOR_PREFIX.host,
            gateway: origin + SIM_DOOR_PREFIX.gateway,
            legacy: origin + SIM_DOOR_PREFIX.legacy,
          },
          prefixes: { ...SIM_DOOR_PREFIX },
        }
      : null,
    openConnections: () =>
      new Promise<number>((resolve, reject) =>
        server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
      ),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (browsers, fetch) would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * Closes a connection idle for `ms`: after its last answer (Node's keep-alive timeout), and also one a browser
 * opened and sent nothing on yet (a spare connection), which Node would otherwise keep for its headers timeout
 * (60 s). A connection whose request is still being answered is left alone.
 */
function closeIdleConnections(server: Server, ms: number, busy: WeakSet<object>): void {
  server.keepAliveTimeout = ms;
  const event = server instanceof HttpsServer ? 'secureConnection' : 'connection';
  server.on(event, (socket: Socket) => {
    socket.setTimeout(ms, () => {
      if (busy.has(socket)) socket.setTimeout(ms);
      else socket.destroy();
    });
  });
}

function isFleet(value: FleetOptions | SimFleet | undefined): value is SimFleet {
  return value !== undefined && 'devices' in value && Array.isArray(value.devices);
}

/** REST first (it owns `/api/**` and `/__sim/rest/**`), then the fleet control endpoint, then the pages. */
async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  restApi: RestApi,
  rest: RestContext,
  ui: UiContext,
  setFleet: (options: FleetOptions) => SimFleet,
): Promise<void> {
  if (await restApi.handle(req, res, rest)) return;
  const url = requestUrl(req);
  if (!url) return sendJson(res, 400, { error: 'Bad request target' });
  if (url.pathname === '/__sim/fleet') return controlFleet(req, res, ui, setFleet);
  if (url.pathname === '/__sim/devices/fix') return controlFix(req, res, ui);
  if (url.pathname === '/__sim/health/evaluate') return controlEvaluate(req, res, ui);
  if (url.pathname.startsWith('/__sim/'))
    return sendJson(res, 404, { error: `No control endpoint ${url.pathname}` });
  sendPage(res, routeUi(req.method ?? 'GET', url, ui));
}

async function controlFleet(
  req: IncomingMessage,
  res: ServerResponse,
  ui: UiContext,
  setFleet: (options: FleetOptions) => SimFleet,
): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, fleetSummary(ui.fleet()));
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, HEAD, POST');
    return sendJson(res, 405, { error: `${req.method} is not supported on /__sim/fleet` });
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return sendJson(res, 413, { error: `Body over ${MAX_BODY_BYTES} bytes` });
  let json: unknown;
  try {
    // An empty body resets the fleet to the defaults.
    json = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    return sendJson(res, 400, { error: `Invalid JSON: ${(error as Error).message}` });
  }
  const parsed = fleetOptionsSchema.safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  sendJson(res, 200, fleetSummary(setFleet(parsed.data)));
}

/**
 * `POST /__sim/health/evaluate`: the Health Monitor's pages catch up with the health alerts (a device fixed with
 * `/__sim/devices/fix` shows Success on pages loaded from now on).
 */
function controlEvaluate(req: IncomingMessage, res: ServerResponse, ui: UiContext): void {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, { error: `${req.method} is not supported on /__sim/health/evaluate` });
    return;
  }
  evaluateHealth(ui.fleet());
  sendJson(res, 200, fleetSummary(ui.fleet()));
}

/**
 * `POST /__sim/devices/fix` with `{"device": "<id or name>", "pages"?: true}`: the admin fixed that device
 * (issue 10). The REST API reports it at once, the pages at their next evaluation unless `pages` is true.
 */
async function controlFix(req: IncomingMessage, res: ServerResponse, ui: UiContext): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, { error: `${req.method} is not supported on /__sim/devices/fix` });
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return sendJson(res, 400, { error: 'Send {"device": "<id or name>", "pages"?: true}' });
  }
  const parsed = z
    .strictObject({ device: z.string().min(1).max(400), pages: z.boolean().optional() })
    .safeParse(json);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  if (!fixDevice(ui.fleet(), parsed.data.device, { pages: parsed.data.pages ?? false }))
    return sendJson(res, 404, { error: 'No such device' });
  sendJson(res, 200, fleetSummary(ui.fleet()));
}

export function fleetSummary(fleet: SimFleet): FleetSummary {
  const failing = fleet.devices.filter((device) => device.failingDataTypes.length > 0);
  return {
    seed: fleet.seed,
    serverVersion: fleet.serverVersion,
    region: fleet.integration.region,
    integration: fleet.integration.cloudEvents.sendIntrusionEvents,
    devices: fleet.devices.length,
    failing: failing.length,
    failingDevices: failing.map((device) => device.name),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendPage(res: ServerResponse, page: UiResponse): void {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (page.location) headers.Location = page.location;
  if (page.allow) headers.Allow = page.allow;
  if (page.html !== undefined) headers['Content-Type'] = 'text/html; charset=utf-8';
  res.writeHead(page.status, headers);
  res.end(page.html);
}
