import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http';

/** Answers in the FMC's formats. */

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** `{"error":{"category":…,"messages":[{"description":…}],"severity":"ERROR"}}` */
export function sendError(
  res: ServerResponse,
  status: number,
  description: string,
  headers: Record<string, string> = {},
): void {
  const category = status === 400 || status === 422 ? 'VALIDATION' : status >= 500 ? 'OTHER' : 'FRAMEWORK';
  sendJson(res, status, { error: { category, messages: [{ description }], severity: 'ERROR' } }, headers);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string>): void {
  res.writeHead(status, headers);
  res.end();
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  res.end(body);
}

const MAX_CONTROL_BODY = 256 * 1024;

/** A control request's JSON body; null when it is too large. */
export async function readJson(
  req: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const body = await readBody(req, MAX_CONTROL_BODY);
  if (body === null) return { ok: false, error: `Body over ${MAX_CONTROL_BODY} bytes` };
  const text = body.trim();
  try {
    return { ok: true, value: text === '' ? {} : JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${(error as Error).message}` };
  }
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
