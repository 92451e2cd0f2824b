import type { z } from 'zod';
import type { FmcClient } from './client';
import { FmcError } from './errors';
import { type ListPage, readList } from './schemas';
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
 * A list as read: the items that passed their schema, and every reason the list may hold fewer than the FMC
 * has (items left out, pages repeated or missing, too many pages). An empty `gaps` means complete.
 */
export interface Listed<T> {
  items: T[];
  gaps: FmcError[];
}

/** One page of a list, each item checked on its own (see `readList`). */
export function getPage<T extends z.ZodType>(
  client: FmcClient,
  pathOrLink: string,
  item: T,
  options: ListOptions & { timeoutMs?: number },
): Promise<ListPage<z.output<T>>> {
  return client.read(pathOrLink, (body) => readList(item, body, options.endpoint), options);
}

/**
 * Every item of a list endpoint, in order. The first page's `paging.next` names all remaining pages, so they are
 * fetched together (the limiter paces them); links a later page adds are followed too, for FMCs that only name
 * the next one. Paging is checked, not trusted: a page whose offset was already read is left out, the items
 * received are compared with `paging.count`, and at most `client.maxPages` pages are read.
 */
export async function getAll<T extends z.ZodType>(
  client: FmcClient,
  path: string,
  item: T,
  options: ListOptions,
): Promise<Listed<z.output<T>>> {
  const { endpoint } = options;
  const get = { endpoint, signal: options.signal };
  const first = await getPage(client, path, item, {
    ...get,
    query: { ...options.query, limit: PAGE_LIMIT, expanded: true },
  });
  const firstOffset = first.paging?.offset ?? 0;
  const pages = new Map<number, ListPage<z.output<T>>>([[firstOffset, first]]);
  const requested = new Set<string>([String(firstOffset)]);
  const gaps: FmcError[] = [];
  let pageCount = 1;
  let capped = false;
  const follow = (next: readonly string[] | undefined): string[] => {
    const urls: string[] = [];
    for (const link of next ?? []) {
      const url = nextPageUrl(link, client.origin);
      const key = pageKey(url);
      if (requested.has(key)) continue;
      if (pageCount >= client.maxPages) {
        capped = true;
        break;
      }
      requested.add(key);
      pageCount++;
      urls.push(url);
    }
    return urls;
  };

  for (let pending = follow(first.paging?.next); pending.length > 0; ) {
    const fan = signalFanOut(options.signal);
    const answers = await Promise.all(
      pending.map((url) =>
        fan.run(async (signal) => ({ url, page: await getPage(client, url, item, { ...get, signal }) })),
      ),
    ).finally(fan.close);
    pending = [];
    for (const { url, page } of answers) {
      const asked = Number(new URL(url).searchParams.get('offset') ?? Number.NaN);
      const offset = page.paging?.offset ?? asked;
      if (Number.isFinite(offset) && pages.has(offset)) {
        // The FMC answered a page already read instead of the one asked for: its items would count twice.
        gaps.push(new FmcError({ code: 'paging-repeated', params: { endpoint, offset } }));
        continue;
      }
      // A page that tells no offset goes after the known ones, in arrival order.
      pages.set(Number.isFinite(offset) ? offset : 2 ** 50 + pages.size, page);
      pending.push(...follow(page.paging?.next));
    }
  }
  if (capped)
    gaps.push(new FmcError({ code: 'paging-capped', params: { endpoint, pages: client.maxPages } }));

  const ordered = [...pages.entries()].sort(([a], [b]) => a - b).map(([, page]) => page);
  const rejected = ordered.flatMap((page) => page.rejected);
  if (rejected.length > 0) {
    gaps.push(
      new FmcError({
        code: 'items-rejected',
        params: { endpoint, count: rejected.length, field: rejected[0]?.field ?? '' },
      }),
    );
  }
  const items = ordered.flatMap((page) => page.items);
  const received = items.length + rejected.length;
  const announced = first.paging?.count;
  if (announced !== undefined && Number.isFinite(announced) && received < announced) {
    gaps.push(new FmcError({ code: 'paging-short', params: { endpoint, count: announced, received } }));
  }
  return { items, gaps };
}

/** Keeps full objects on every page even if an FMC drops `expanded` from its links. */
function nextPageUrl(link: string, origin: string): string {
  const url = resolveFmcUrl(link, origin);
  return new URL(url).searchParams.has('expanded') ? url : withQuery(url, { expanded: true });
}

function pageKey(url: string): string {
  return new URL(url).searchParams.get('offset') ?? url;
}
