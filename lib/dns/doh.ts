import { classify, type RawRecord, toAnswers } from './answers';
import { DeadlineError, withDeadline } from './deadline';
import { parseDohJson } from './json';
import { checkHostName, describeHostNameProblem } from './names';
import { type DohFormat, type DohSettings, validateResolverUrl } from './settings';
import type { DnsError, DnsQueryResult, DnsResolver, RecordType } from './types';
import { DnsParseError, decodeMessage, encodeQuery, toBase64Url } from './wire';

export interface DohOptions {
  url: string;
  format: DohFormat;
  fetch?: typeof fetch;
  /** The caller's cancel: aborting it rejects the promise instead of producing a result. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export const DEFAULT_DOH_TIMEOUT_MS = 5000;

const MEDIA_TYPE = { json: 'application/dns-json', wire: 'application/dns-message' } as const;

/** Carries an HTTP outcome out of the deadline race as a result, not as a network failure. */
class HttpStatusError extends Error {
  constructor(
    readonly status: number | undefined,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * GET only, with only the `accept` header: that keeps the request CORS-simple (no preflight), so any resolver
 * sending `access-control-allow-origin` can answer an extension page without a host permission.
 */
function requestUrl(base: string, name: string, type: RecordType, format: DohFormat): string {
  const url = new URL(base);
  if (format === 'json') {
    url.searchParams.set('name', name);
    url.searchParams.set('type', type);
  } else {
    url.searchParams.set('dns', toBase64Url(encodeQuery(name, type)));
  }
  return url.href;
}

async function readRecords(response: Response, format: DohFormat, name: string) {
  // `redirect: 'manual'` gives browsers an opaque redirect (status 0) and Node the 3xx itself.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new HttpStatusError(
      response.status || undefined,
      'redirected; not followed, so the question goes only to the chosen resolver',
    );
  }
  if (!response.ok) throw new HttpStatusError(response.status, `HTTP ${response.status}`);
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? '';
  // A proxy's login or block page is the usual impostor; the body would fail to parse anyway, less clearly.
  if (contentType.startsWith('text/html')) throw new DnsParseError(`the resolver sent ${contentType}`);
  if (format === 'json') return parseDohJson(await response.text());
  if (contentType && !contentType.startsWith(MEDIA_TYPE.wire)) {
    throw new DnsParseError(`the resolver sent ${contentType}, not ${MEDIA_TYPE.wire}`);
  }
  const message = decodeMessage(new Uint8Array(await response.arrayBuffer()));
  if (!message.qr) throw new DnsParseError('the message is a query, not a response');
  const question = message.questions[0];
  if (question && question.name !== name) {
    throw new DnsParseError(`the answer is for ${question.name}, not ${name}`);
  }
  const records: RawRecord[] = message.answers.map(({ name, type, ttl, data }) => ({
    name,
    type,
    ttl,
    data,
  }));
  return { rcode: message.rcode, records };
}

function toError(error: unknown, timeoutMs: number): DnsError {
  if (error instanceof DeadlineError) return { code: 'timeout', message: error.message, timeoutMs };
  if (error instanceof HttpStatusError) {
    return {
      code: 'http-status',
      message: error.message,
      ...(error.status ? { httpStatus: error.status } : {}),
    };
  }
  if (error instanceof DnsParseError) return { code: 'bad-response', message: error.message };
  // fetch rejects with TypeError for refused connections, unknown hosts, TLS failures and CORS refusals alike.
  const message = error instanceof Error ? describeCause(error) : String(error);
  return { code: 'unreachable', message };
}

/** Node's fetch hides the useful part (ECONNREFUSED…) in `cause`; browsers give nothing more than the message. */
function describeCause(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return `${error.message}: ${cause.message}`;
  return error.message;
}

/** One question to a DoH resolver. Never rejects for resolver or network trouble: that is the result. */
export async function resolveDoh(
  name: string,
  type: RecordType,
  options: DohOptions,
): Promise<DnsQueryResult> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOH_TIMEOUT_MS;
  const base = { name: name.trim(), type, answers: [] };
  const elapsed = () => Math.round(performance.now() - started);

  const host = checkHostName(name);
  if (!host.ok) {
    return {
      ...base,
      status: 'error',
      ms: 0,
      error: { code: 'invalid-name', message: describeHostNameProblem(host.problem) },
    };
  }
  const url = validateResolverUrl(options.url);
  if (!url.ok) {
    return {
      ...base,
      name: host.name,
      status: 'error',
      ms: 0,
      error: { code: 'not-allowed', message: url.problem },
    };
  }

  // Bound to globalThis: browsers throw "Illegal invocation" when fetch is called as a method of another object.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  try {
    const { rcode, records } = await withDeadline(
      async (signal) => {
        const response = await doFetch(requestUrl(url.url, host.name, type, options.format), {
          method: 'GET',
          headers: { accept: MEDIA_TYPE[options.format] },
          // Nothing but the question leaves the browser: no cookies, no referrer, no hop to another server.
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          redirect: 'manual',
          // A diagnosis wants the resolver's answer now, not one the browser cached a minute ago.
          cache: 'no-store',
          signal,
        });
        return readRecords(response, options.format, host.name);
      },
      timeoutMs,
      options.signal,
    );
    const answers = toAnswers(records);
    return { ...base, name: host.name, ...classify(rcode, type, answers), answers, ms: elapsed() };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ...base, name: host.name, status: 'error', ms: elapsed(), error: toError(error, timeoutMs) };
  }
}

export function createDohResolver(
  settings: DohSettings,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): DnsResolver {
  return {
    kind: settings.format === 'json' ? 'doh-json' : 'doh-wire',
    label: settings.url,
    resolve: (name, type, signal) => resolveDoh(name, type, { ...settings, ...options, signal }),
  };
}
