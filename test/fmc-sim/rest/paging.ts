import type { RestFaults } from './faults';

/** Writes a link the way the simulated FMC is set to: absolute by default, as real FMCs do. */
export type LinkWriter = (pathAndQuery: string) => string;

/** The host name an FMC behind NAT believes it has. */
const INSIDE_ORIGIN = 'https://10.0.0.1:16286';

export function linkWriter(mode: RestFaults['links'], origin: string): LinkWriter {
  switch (mode) {
    case 'absolute':
      return (p) => origin + p;
    case 'relative':
      return (p) => p;
    case 'no-api-prefix':
      return (p) => p.replace(/^\/api/, '');
    case 'other-host':
      return (p) => INSIDE_ORIGIN + p;
  }
}

/** Cisco sample: a default page of 25 (cdFMC's too, ../shared/docs/cdfmc.md). */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

export interface PageOptions {
  path: string;
  query: URLSearchParams;
  link: LinkWriter;
  maxPageSize: number;
  drift?: RestFaults['pagingDrift'];
}

/**
 * The FMC's list answer: `offset`/`limit` (default 25, at most 1000), `paging.next` naming every remaining page,
 * `items` absent when there is none.
 */
export function page(items: readonly unknown[], options: PageOptions): Record<string, unknown> {
  const drift = options.drift ?? 'none';
  const askedOffset = Math.max(0, Number.parseInt(options.query.get('offset') ?? '0', 10) || 0);
  // `repeat-first`: whatever offset is asked for, the first page comes back (and says so).
  const offset = drift === 'repeat-first' ? 0 : askedOffset;
  const asked = Number.parseInt(options.query.get('limit') ?? '', 10);
  const limit = Math.min(asked > 0 ? asked : DEFAULT_LIMIT, MAX_LIMIT, options.maxPageSize);
  const count = drift === 'count-too-high' ? items.length + limit : items.length;
  const at = (o: number) => {
    const query = new URLSearchParams(options.query);
    query.set('offset', String(o));
    query.set('limit', String(limit));
    return options.link(`${options.path}?${query.toString()}`);
  };
  const next: string[] = [];
  if (drift === 'endless') next.push(at(askedOffset + limit));
  else for (let o = offset + limit; o < items.length; o += limit) next.push(at(o));
  const slice = items.slice(offset, offset + limit);
  return {
    links: { self: at(offset) },
    ...(slice.length > 0 ? { items: slice } : {}),
    paging: {
      offset,
      limit,
      count,
      pages: Math.ceil(count / limit),
      ...(next.length > 0 ? { next } : {}),
    },
  };
}
