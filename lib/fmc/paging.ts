import type { z } from 'zod';
import type { FmcClient } from './client';
import { listOf } from './schemas';
import { signalFanOut } from './signals';
import { type Query, resolveFmcUrl, withQuery } from './urls';

/** The largest page the FMC serves. */
export const PAGE_LIMIT = 1000;

export interface ListOptions {
  endpoint: string;
  query?: Query;
  signal?: AbortSignal | undefined;
}

/**
 * Every item of a list endpoint, in order. The first page's `paging.next` names all remaining pages, so they are
 * fetched together (the limiter paces them); links a later page adds are followed too, for FMCs that only name
 * the next one.
 */
export async function getAll<T extends z.ZodType>(
  client: FmcClient,
  path: string,
  item: T,
  options: ListOptions,
): Promise<z.output<T>[]> {
  const schema = listOf(item);
  const get = { endpoint: options.endpoint, signal: options.signal };
  const first = await client.get(path, schema, {
    ...get,
    query: { ...options.query, limit: PAGE_LIMIT, expanded: true },
  });
  const pages = new Map<number, z.output<T>[]>([[first.paging?.offset ?? 0, first.items]]);
  const requested = new Set<string>(['0']);
  const follow = (next: readonly string[] | undefined): string[] => {
    const urls: string[] = [];
    for (const link of next ?? []) {
      const url = nextPageUrl(link, client.origin);
      const key = pageKey(url);
      if (requested.has(key)) continue;
      requested.add(key);
      urls.push(url);
    }
    return urls;
  };

  for (let pending = follow(first.paging?.next); pending.length > 0; ) {
    const fan = signalFanOut(options.signal);
    const answers = await Promise.all(
      pending.map((url) =>
        fan.run(async (signal) => ({ url, page: await client.get(url, schema, { ...get, signal }) })),
      ),
    ).finally(fan.close);
    pending = [];
    for (const { url, page } of answers) {
      const offset = page.paging?.offset ?? Number(new URL(url).searchParams.get('offset') ?? Number.NaN);
      // A page that tells no offset goes after the known ones, in arrival order.
      pages.set(Number.isFinite(offset) ? offset : 2 ** 50 + pages.size, page.items);
      pending.push(...follow(page.paging?.next));
    }
  }
  return [...pages.entries()].sort(([a], [b]) => a - b).flatMap(([, items]) => items);
}

/** Keeps full objects on every page even if an FMC drops `expanded` from its links. */
function nextPageUrl(link: string, origin: string): string {
  const url = resolveFmcUrl(link, origin);
  return new URL(url).searchParams.has('expanded') ? url : withQuery(url, { expanded: true });
}

function pageKey(url: string): string {
  return new URL(url).searchParams.get('offset') ?? url;
}
