import type { IncomingMessage, ServerResponse } from 'node:http';
import { type SimFleet, versionAtLeast } from '../fleet';
import { requestUrl } from '../http';
import { TokenBook } from './auth';
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
  /** Faults back to a healthy FMC, counters to zero, every token forgotten. */
  reset(): void;
}

/** Requests over this size get 422 (QSG). */
const MAX_PAYLOAD_BYTES = 2_048_000;

export function createRestApi(initial: RestFaultsPatch = {}): RestApi {
  let faults = applyPatch(defaultFaults(), initial);
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
      if (!url.pathname.startsWith('/api/')) return false;
      await serve(req, res, url, ctx);
      return true;
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
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse, url: URL, ctx: RestContext): Promise<void> {
    const fleet = ctx.fleet();
    const now = Date.now();
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    const key = match.kind === 'route' ? match.route.key : match.key;
    stats.requests++;
    count(stats.byEndpoint, key);
    res.once('finish', () => count(stats.byStatus, String(res.statusCode)));

    const limits = faults.rateLimit;
    const perWindow = limits.perMinute ?? rateFor(fleet.serverVersion);
    const admitted =
      !limits.enforced ||
      (inFlight.count < limits.maxInFlight && window.admit(now, limits.windowMs, perWindow));
    if (!limits.enforced) window.admit(now, limits.windowMs, Number.POSITIVE_INFINITY);
    if (!admitted) return overshoot(res, 'Too many requests. The REST API rate limit was exceeded.');
    stats.maxInWindow = Math.max(stats.maxInWindow, window.size);
    hold(res, inFlight.enter());
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight.count);

    if (match.kind === 'route' && match.route.command) {
      const deviceId = match.params[1] ?? '';
      if (limits.enforced && (commands.has(deviceId) || commands.keys >= faults.commandApi.maxDevices)) {
        return overshoot(res, 'Too many concurrent requests to the device command API.');
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
    if (injected) return answerInjected(res, injected, ctx.origin);

    if (match.kind === 'none') return sendError(res, 404, 'The requested resource was not found.');
    if (match.kind === 'wrong-method') {
      return sendError(res, 405, `Method ${req.method} is not allowed on this resource.`, {
        Allow: match.allow,
      });
    }
    const { route, params } = match;
    if (!route.public && !tokens.check(accessToken(req), Date.now(), faults.tokenLifetimeMs)) {
      return sendError(res, 401, 'Access token invalid.');
    }
    if (unknownDomain(fleet, url.pathname)) return sendError(res, 400, 'Invalid domain UUID in the request.');
    if (versionLacks(fleet, route)) return sendError(res, 404, 'The requested resource was not found.');
    const link = linkWriter(faults.links, ctx.origin);
    route.handle({ req, res, url, params, fleet, faults, tokens, stats, now: Date.now(), link });
  }

  function overshoot(res: ServerResponse, description: string): void {
    stats.overshoot429++;
    const limits = faults.rateLimit;
    const headers: Record<string, string> =
      limits.retryAfterSec === null ? {} : { 'Retry-After': String(limits.retryAfterSec) };
    sendError(res, 429, description, headers);
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

  async function answerInjected(res: ServerResponse, answer: InjectedAnswer, origin: string): Promise<void> {
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
