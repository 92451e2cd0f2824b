import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeQuestion, encodeResponse } from './wire-response';
import { answerFromZone, defaultZone, type Zone, type ZoneRecord } from './zone';

/**
 * A DNS-over-HTTPS server on loopback for the tests and the demo: both RFC 8484 wire format (GET `?dns=`,
 * POST) and the Google/Cloudflare JSON dialect (GET `?name=&type=`), answering from a small zone, with fault
 * modes that reproduce what the lookups must explain. Plain HTTP: lib/dns allows http only on loopback.
 */

export type DohMode = 'normal' | 'refused' | 'servfail' | 'http-500' | 'slow' | 'garbage';
export type DohQueryFormat = 'json' | 'wire-get' | 'wire-post';

export interface DohServerOptions {
  zone?: Zone;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** How long `slow` mode holds each answer. */
  slowMs?: number;
}

export interface DohServer {
  /** The RFC 8484 endpoint (`/dns-query`); it answers JSON too, like Cloudflare's. */
  url: string;
  /** A Google-style JSON path (`/resolve`); it answers wire format too. */
  jsonUrl: string;
  mode(): DohMode;
  setMode(mode: DohMode): void;
  /** Every question received, in order, so tests can check what was sent. */
  queries: Array<{ name: string; type: string; format: DohQueryFormat }>;
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = { 1: 'A', 5: 'CNAME', 28: 'AAAA' };
const TYPE_CODES: Record<string, number> = { A: 1, CNAME: 5, AAAA: 28 };

const CORS = {
  // Extension pages fetch the resolver without a host permission; only CORS lets them read the answer.
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'accept, content-type',
};

const RCODE_FOR_MODE: Partial<Record<DohMode, number>> = { refused: 5, servfail: 2 };

function jsonBody(name: string, type: number, rcode: number, records: readonly ZoneRecord[]): string {
  return JSON.stringify({
    Status: rcode,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: `${name}.`, type }],
    // Trailing dots and numeric types, as Google and Cloudflare send them.
    ...(records.length
      ? {
          Answer: records.map((record) => ({
            name: `${record.name}.`,
            type: TYPE_CODES[record.type],
            TTL: record.ttl,
            data: record.type === 'CNAME' ? `${record.data}.` : record.data,
          })),
        }
      : {}),
  });
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

function fromBase64Url(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

export async function startDohServer(options: DohServerOptions = {}): Promise<DohServer> {
  const zone = options.zone ?? defaultZone();
  const slowMs = options.slowMs ?? 2000;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const queries: DohServer['queries'] = [];
  let mode: DohMode = 'normal';

  const send = (res: ServerResponse, status: number, contentType: string, body: string | Uint8Array) => {
    res.writeHead(status, { ...CORS, 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  };

  const answer = (
    res: ServerResponse,
    question: { id: number; name: string; type: number },
    format: DohQueryFormat,
  ) => {
    const typeName = TYPE_NAMES[question.type] ?? String(question.type);
    queries.push({ name: question.name, type: typeName, format });
    const wire = format !== 'json';
    const reply = () => {
      if (mode === 'http-500') return send(res, 500, 'text/plain', 'Internal Server Error');
      if (mode === 'garbage') {
        // Wire: a header announcing an answer that is not there; JSON: not JSON at all.
        if (wire)
          return send(
            res,
            200,
            'application/dns-message',
            Uint8Array.from([0, 0, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0]),
          );
        return send(res, 200, 'application/dns-json', '<html>not a DNS answer</html>');
      }
      const fault = RCODE_FOR_MODE[mode];
      const { rcode, records } =
        fault === undefined ? answerFromZone(zone, question.name, typeName) : { rcode: fault, records: [] };
      if (wire) {
        const body = encodeResponse({ id: question.id, question, rcode, records });
        return send(res, 200, 'application/dns-message', body);
      }
      return send(res, 200, 'application/dns-json', jsonBody(question.name, question.type, rcode, records));
    };
    if (mode !== 'slow') return reply();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) reply();
    }, slowMs);
    timers.add(timer);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (url.pathname !== '/dns-query' && url.pathname !== '/resolve') {
      return send(res, 404, 'text/plain', 'Not a DoH path');
    }
    try {
      if (req.method === 'POST') {
        if (!req.headers['content-type']?.startsWith('application/dns-message')) {
          return send(res, 415, 'text/plain', 'POST needs application/dns-message');
        }
        return answer(res, decodeQuestion(await readBody(req)), 'wire-post');
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET or POST');
      const dns = url.searchParams.get('dns');
      if (dns !== null) return answer(res, decodeQuestion(fromBase64Url(dns)), 'wire-get');
      const name = url.searchParams.get('name');
      if (name) {
        const type = url.searchParams.get('type') ?? 'A';
        const code = /^\d+$/.test(type) ? Number(type) : (TYPE_CODES[type.toUpperCase()] ?? 0);
        const plain = name.replace(/\.$/, '').toLowerCase();
        return answer(res, { id: 0, name: plain, type: code }, 'json');
      }
      return send(res, 400, 'text/plain', 'Missing dns= or name=');
    } catch (error) {
      // RFC 8484 §4.2.1: a query the server cannot parse gets 400.
      return send(res, 400, 'text/plain', error instanceof Error ? error.message : 'Bad query');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'DoH test server error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/dns-query`,
    jsonUrl: `${origin}/resolve`,
    mode: () => mode,
    setMode: (next) => {
      mode = next;
    },
    queries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
