import type { IncomingMessage } from 'node:http';

/** What the simulator's server and its REST API both need from a request. */

/** Only origin-form targets (`/path?query`); `//host/path` would otherwise parse as another host. */
export function requestUrl(req: IncomingMessage): URL | null {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://fmc-sim.invalid');
  } catch {
    return null;
  }
}

/** The body as text, or null when it is over `maxBytes` (drained anyway, so the answer can still be sent). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size > maxBytes ? null : Buffer.concat(chunks).toString('utf8');
}
