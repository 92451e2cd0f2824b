import { readFileSync } from 'node:fs';
import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h, jsonIsland } from '../html';
import { page } from '../layout';
import { parseBusyQuery } from '../query';
import { badRequestPage } from './status';

const SCRIPT = readFileSync(new URL('../client/busy.js', import.meta.url), 'utf8');

/**
 * `/sim/busy?rows=&churn=&every=&duration=`: a big page that is no health page, like the connection events or
 * an access policy an admin spends the day in: a table of `rows` connection events whose script replaces
 * `churn` random rows with new ones every `every` ms for `duration` ms, then sets
 * `document.body.dataset.churnDone`. No data type and no failure word anywhere: the content script's cost
 * where nothing matches. Rows are built by the page's script (a JSON island of parameters, no markup).
 */
export function busyPage(url: URL, ctx: UiContext): UiResponse {
  const parsed = parseBusyQuery(url.searchParams);
  const version = ctx.fleet().serverVersion;
  if (!parsed.ok) return badRequestPage(parsed.error, version, url.pathname);
  return htmlResponse(
    200,
    page({
      title: 'Connection Events',
      version,
      path: url.pathname,
      main: [
        h('h1', null, 'Connection Events'),
        h('table', { class: 'plain-table', id: 'busyTable' }, [
          h('thead', null, [
            h(
              'tr',
              null,
              ['Time', 'Source', 'Destination', 'Port', 'Action', 'Rule'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ]),
          h('tbody', { id: 'busyRows' }),
        ]),
        jsonIsland('sim-busy-config', parsed.value),
        h('script', null, SCRIPT),
      ],
    }),
  );
}
