import { readFileSync } from 'node:fs';
import { generateFleet } from '../../fleet';
import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { emptied, h, jsonIsland, type VElement } from '../html';
import { page } from '../layout';
import type { Markup } from '../markups';
import { framedQuery, type MonitorQuery, parseMonitorQuery } from '../query';
import { type MonitorModel, monitorModel } from '../rows';
import { badRequestPage } from './status';

const SCRIPT = readFileSync(new URL('../client/monitor.js', import.meta.url), 'utf8');
const TITLE = 'Health Monitor';

export function monitorPage(markup: Markup, url: URL, ctx: UiContext): UiResponse {
  const parsed = parseMonitorQuery(url.searchParams);
  if (!parsed.ok) return badRequestPage(parsed.error, ctx.fleet().serverVersion, url.pathname);
  const query = parsed.value;
  const fleet = query.fleet ? generateFleet({ ...ctx.fleetOptions(), ...query.fleet }) : ctx.fleet();
  const spec = { title: TITLE, version: fleet.serverVersion, path: url.pathname };

  if (query.frame && !query.bare) {
    const src = `${url.pathname}?${framedQuery(url.searchParams)}`;
    return htmlResponse(
      200,
      page({ ...spec, main: [h('iframe', { class: 'monitor-frame', title: TITLE, src })] }),
    );
  }

  const model = monitorModel(fleet, query.failRows ?? undefined);
  const rows = markup.rows(model);
  const widget = markup.wrap(rows);
  return htmlResponse(
    200,
    page({
      ...spec,
      chrome: query.bare ? 'bare' : 'full',
      main: [
        h('h1', null, TITLE),
        help(),
        h('div', { class: 'toolbar' }, [
          h('p', { class: 'summary' }, summary(model)),
          h(
            'button',
            {
              type: 'button',
              id: 'sim-fix-first',
              class: 'sim-tool',
              title: 'Simulator: turn the first Failure row into Success, in place',
            },
            'Simulate fix',
          ),
        ]),
        query.late === null ? widget : markup.wrap(emptied(rows)),
        jsonIsland('sim-monitor-config', scriptConfig(rows, widget, query)),
        h('script', null, SCRIPT),
      ],
    }),
  );
}

/** Prose that quotes the alert string in a sentence: the extension must leave it alone. */
function help(): VElement {
  return h('p', { class: 'help' }, [
    'Each row is the latest result of one health module check on one device. A device that cannot reach the ',
    'Cisco cloud reports Threat Data Updates - Cisco Cloud Configuration - Failure until it can connect to ',
    'api-sse.cisco.com again; see ',
    h('a', { href: '/help/cloud' }, 'cloud configuration alerts'),
    '.',
  ]);
}

function summary(model: MonitorModel): string {
  return `${model.devices} ${model.devices === 1 ? 'device' : 'devices'}, ${model.failingDevices} failing`;
}

/** The widget travels to the page only when its script has to build it. */
function scriptConfig(rows: VElement, widget: VElement, query: MonitorQuery) {
  const scripted = query.late !== null || query.rerender !== null;
  return {
    rowsId: rows[1]?.id,
    widgetId: widget[1]?.id,
    late: query.late,
    rerender: query.rerender,
    widget: scripted ? widget : null,
  };
}
