import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SimFleet, versionAtLeast } from '../fleet';
import { requestUrl } from '../http';
import { TokenBook } from './auth';
import {
  applyCdfmcPatch,
  bearerCase,
  type CdfmcPatch,
  type CdfmcSettings,
  defaultCdfmc,
  doorOfPath,
  refuseToken,
  SIM_DOOR_PREFIX,
  type SimDoor,
  sendGatewayError,
} from './cdfmc';
import {
  applyPatch,
  defaultFaults,
  type InjectedAnswer,
  RAISED_RATE_PER_MINUTE,
  REAL_RATE_PER_MINUTE,
  type RestFaults,
  type RestFaultsPatch,
} from './faults';
import { ArrivalWindow, Occupancy } from './limits';
import { linkWriter } from './paging';
import { readJson, sendError, sendJson, sendText, sleep } from './respond';
import { matchRoute, unknownDomain, versionLacks } from './routes';
import { count, emptyStats, type RestStats } from './stats';

export type { CdfmcPatch, CdfmcSettings, SimDoor, TokenCase } from './cdfmc';
export { CDFMC_TOKENS, SIM_DOOR_PREFIX } from './cdfmc';
export type { InjectedAnswer, InjectedAnswerInput, RestFaults, RestFaultsPatch } from './faults';
export type { RestStats } from './stats';

export interface RestContext {
  /** The fleet currently simulated (the server may swap it between tests). */
  fleet(): SimFleet;
  /** Absolute origin of the simulator, for the absolute links the FMC returns. */
  origin: string;
}

/** One simulated FMC REST API with its own faults, tokens, limits and counters. */
export interface RestApi {
  /** Serves `/api/**` and `/__sim/rest/**`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse, ctx: RestContext): Promise<boolean>;
  faults(): RestFaults;
  setFaults(patch: RestFaultsPatch): RestFaults;
  stats(): RestStats;
  /** Faults back to a healthy FMC, counters to zero, every token forgotten (a cdFMC mode back to its start). */
  reset(): void;
  /** The cdFMC mode's settings (issue 20); null for an on-prem FMC. */
  cdfmc(): CdfmcSettings | null;
  /** Changes the cdFMC mode's settings; throws on an on-prem FMC. */
  setCdfmc(patch: CdfmcPatch): CdfmcSettings;
}

/** Requests over this size get 422 (QSG). */
const MAX_PAYLOAD_BYTES = 2_048_000;

/**
 * `cdfmc`: serve a cloud-delivered FMC (issue 20, `./cdfmc.ts`): bearer tokens instead of `generatetoken`, the
 * three doors on this one server, the cdFMC's shapes.
 */
export function createRestApi(initial: RestFaultsPatch = {}, cdfmcInitial?: CdfmcPatch | null): RestApi {
  let faults = applyPatch(defaultFaults(), initial);
  const cdfmcStart = cdfmcInitial ? applyCdfmcPatch(defaultCdfmc(), cdfmcInitial) : null;
  let cdfmc = cdfmcStart && structuredClone(cdfmcStart);
  let stats = emptyStats();
  const tokens = new TokenBook();
  const window = new ArrivalWindow();
  const inFlight = new Occupancy();
  const commands = new Occupancy();

  const api: RestApi = {
    async handle(req, res, ctx) {
      const url = requestUrl(req);
      if (!url) return false;
      if (url.pathname.startsWith('/__sim/rest/')) {
        await control(req, res, url);
        return true;
      }
      // An on-prem FMC has one door, `/api`; a cdFMC also the gateway's and the legacy prefix.
      const entry = cdfmc
        ? doorOfPath(url.pathname)
        : url.pathname.startsWith('/api/')
          ? { door: 'host' as const, path: url.pathname }
          : null;
      if (!entry) return false;
      await serve(req, res, url, ctx, entry.door, entry.path);
      return true;
    },
    cdfmc: () => (cdfmc ? structuredClone(cdfmc) : null),
    setCdfmc(patch) {
      if (!cdfmc) throw new Error('This simulator is not in cdFMC mode');
      cdfmc = applyCdfmcPatch(cdfmc, patch);
      return structuredClone(cdfmc);
    },
    faults: () => structuredClone(faults),
    setFaults(patch) {
      faults = applyPatch(faults, patch);
      return structuredClone(faults);
    },
    stats: () => structuredClone(stats),
    reset() {
      faults = defaultFaults();
      stats = emptyStats();
      tokens.clear();
      window.clear();
      cdfmc = cdfmcStart && structuredClone(cdfmcStart);
    },
  };

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    fullUrl: URL,
    ctx: RestContext,
    door: SimDoor,
    path: string,
  ): Promise<void> {
    const fleet = ctx.fleet();
    const now = Date.now();
    // Routes see the on-prem path; links are written back on the door the request came through.
    const url = new URL(fullUrl.href);
    url.pathname = path;
    const cd = cdfmc;
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    const key = match.kind === 'route' ? match.route.key : match.key;
    stats.requests++;
    count(stats.byEndpoint, key);
    if (cd) count(stats.byDoor, door);
    res.once('finish', () => count(stats.byStatus, String(res.statusCode)));

    const limits = faults.rateLimit;
    const perWindow = limits.perMinute ?? rateFor(fleet.serverVersion);
    const admitted =
      !limits.enforced ||
      (inFlight.count < limits.maxInFlight && window.admit(now, limits.windowMs, perWindow));
    if (!limits.enforced) window.admit(now, limits.windowMs, Number.POSITIVE_INFINITY);
    if (!admitted)
      return overshoot(
        res,
        'Too many requests. The REST API rate limit was exceeded.',
        door,
        fullUrl.pathname,
      );
    stats.maxInWindow = Math.max(stats.maxInWindow, window.size);
    hold(res, inFlight.enter());
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight.count);

    if (match.kind === 'route' && match.route.command) {
      const deviceId = match.params[1] ?? '';
      if (limits.enforced && (commands.has(deviceId) || commands.keys >= faults.commandApi.maxDevices)) {
        return overshoot(
          res,
          'Too many concurrent requests to the device command API.',
          door,
          fullUrl.pathname,
        );
      }
      hold(res, commands.enter(deviceId));
      stats.maxCommandDevices = Math.max(stats.maxCommandDevices, commands.keys);
    }

    if (Number(req.headers['content-length'] ?? 0) > MAX_PAYLOAD_BYTES) {
      return sendError(res, 422, `The request payload exceeds the maximum of ${MAX_PAYLOAD_BYTES} bytes.`);
    }
    const slow = faults.slow && key.includes(faults.slow.match) ? faults.slow.ms : 0;
    await sleep(faults.latencyMs + slow);

    const injected = takeInjected(key);
    if (injected) return answerInjected(res, injected, ctx.origin, fullUrl.pathname);

    if (match.kind === 'none') return sendError(res, 404, 'The requested resource was not found.');
    // A cdFMC has no `fmc_platform/v1/auth/*` (its spec has none; go-fmc: "cdFMC uses fixed token").
    if (cd && match.kind === 'route' && match.route.public)
      return sendError(res, 404, 'The requested resource was not found.');
    if (match.kind === 'wrong-method') {
      return sendError(res, 405, `Method ${req.method} is not allowed on this resource.`, {
        Allow: match.allow,
      });
    }
    const { route, params } = match;
    if (cd) {
      // `Authorization: Bearer` only: an `X-auth-access-token` alone is refused like no token at all.
      const outcome = bearerCase(req, cd);
      if (!outcome.ok) {
        count(stats.tokenRefusals, outcome.case);
        return refuseToken(res, outcome, door, fullUrl.pathname, cd);
      }
    } else if (!route.public && !tokens.check(accessToken(req), Date.now(), faults.tokenLifetimeMs)) {
      return sendError(res, 401, 'Access token invalid.');
    }
    if (unknownDomain(fleet, url.pathname)) return sendError(res, 400, 'Invalid domain UUID in the request.');
    if (versionLacks(fleet, route)) return sendError(res, 404, 'The requested resource was not found.');
    // Cisco (cdfmc.md): through the gateway, links carry the gateway URL with the prefix.
    const link = linkWriter(faults.links, ctx.origin + SIM_DOOR_PREFIX[door]);
    route.handle({ req, res, url, params, fleet, faults, tokens, stats, now: Date.now(), link, cdfmc: cd });
  }

  function overshoot(res: ServerResponse, description: string, door: SimDoor, fullPath: string): void {
    stats.overshoot429++;
    const limits = faults.rateLimit;
    const headers: Record<string, string> =
      limits.retryAfterSec === null ? {} : { 'Retry-After': String(limits.retryAfterSec) };
    const envelope = cdfmc?.rateLimitEnvelope;
    const gateway = envelope === 'gateway' || (envelope === 'by-door' && door !== 'host');
    if (gateway) sendGatewayError(res, 429, fullPath, headers);
    else sendError(res, 429, description, headers);
  }

  function takeInjected(key: string): InjectedAnswer | undefined {
    const index = faults.inject.findIndex(
      (a) => a.match === undefined || (a.exact ? key === a.match : key.includes(a.match)),
    );
    const answer = faults.inject[index];
    if (!answer) return undefined;
    answer.times--;
    if (answer.times <= 0) faults.inject.splice(index, 1);
    return answer;
  }

  async function answerInjected(
    res: ServerResponse,
    answer: InjectedAnswer,
    origin: string,
    fullPath: string,
  ): Promise<void> {
    if (answer.status === 429) stats.injected429++;
    // Lets a test harness tell an injected answer from a real one (the soak's fault schedule watches it).
    res.setHeader('X-Sim-Injected', '1');
    if (answer.body === 'reset') {
      res.socket?.destroy();
    } else if (answer.body === 'hang') {
      // Nothing is sent; the client's timeout fires first, then the connection is dropped.
      await sleep(answer.hangMs);
      res.destroy();
    } else if (answer.body === 'redirect') {
      stats.redirects++;
      const status = answer.status >= 300 && answer.status < 400 ? answer.status : 302;
      // Another host on purpose: a client that followed it would send the token there.
      const elsewhere = new URL(origin).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      const target = `${new URL(origin).protocol}//${elsewhere}:${new URL(origin).port}/ui/login`;
      res.writeHead(status, { Location: target, 'Cache-Control': 'no-store' });
      res.end();
    } else if (answer.body === 'gateway-error') {
      const headers: Record<string, string> =
        answer.retryAfterSec === undefined ? {} : { 'Retry-After': String(answer.retryAfterSec) };
      sendGatewayError(res, answer.status, fullPath, headers);
    } else if (answer.body === 'empty') {
      sendText(res, answer.status, 'application/json', '');
    } else if (answer.body === 'malformed-json') {
      sendText(res, answer.status, 'application/json', '{"links":{"self":"/api');
    } else if (answer.body === 'html') {
      sendText(res, answer.status, 'text/html', '<!doctype html><title>Login</title><form action="/login">');
    } else {
      const headers: Record<string, string> =
        answer.retryAfterSec === undefined ? {} : { 'Retry-After': String(answer.retryAfterSec) };
      sendError(res, answer.status, answer.description ?? defaultDescription(answer.status), headers);
    }
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const what = url.pathname.slice('/__sim/rest/'.length);
    if (what === 'stats' && req.method === 'GET') return sendJson(res, 200, api.stats());
    if (what === 'faults' && req.method === 'GET') return sendJson(res, 200, api.faults());
    if (what === 'reset' && req.method === 'POST') {
      api.reset();
      return sendJson(res, 200, api.faults());
    }
    if (what === 'cdfmc' && req.method === 'GET') return sendJson(res, cdfmc ? 200 : 404, api.cdfmc());
    if (what === 'cdfmc' && req.method === 'POST') {
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { error: body.error });
      try {
        return sendJson(res, 200, api.setCdfmc(body.value as CdfmcPatch));
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message });
      }
    }
    if (what === 'faults' && req.method === 'POST') {
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { error: body.error });
      try {
        return sendJson(res, 200, api.setFaults(body.value as RestFaultsPatch));
      } catch (error) {
        return sendJson(res, 400, { error: (error as Error).message });
      }
    }
    sendJson(res, 404, { error: `No REST control endpoint ${req.method} ${url.pathname}` });
  }

  return api;
}

/** Releases a held place once the answer is sent or the client went away. */
function hold(res: ServerResponse, release: () => void): void {
  res.once('finish', release);
  res.once('close', release);
}

function rateFor(serverVersion: string): number {
  return versionAtLeast(serverVersion, '7.4.1') ? RAISED_RATE_PER_MINUTE : REAL_RATE_PER_MINUTE;
}

function accessToken(req: IncomingMessage): string | undefined {
  const value = req.headers['x-auth-access-token'];
  return Array.isArray(value) ? value[0] : value;
}

function defaultDescription(status: number): string {
  if (status === 429) return 'Too many requests. Retry later.';
  if (status >= 500) return 'The server encountered an internal error.';
  return `Request failed with status ${status}.`;
}
