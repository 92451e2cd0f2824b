import { readFileSync } from 'node:fs';
import { DATA_TYPES, generateFleet } from '../../fleet';
import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { emptied, h, jsonIsland, type VElement } from '../html';
import { say, type UiLang } from '../i18n';
import { page } from '../layout';
import type { Markup } from '../markups';
import { GLYPHS, statusImageTitle } from '../markups/icons';
import { framedQuery, type MonitorQuery, parseMonitorQuery } from '../query';
import { type MonitorModel, monitorModel } from '../rows';
import { badRequestPage } from './status';

const SCRIPT = readFileSync(new URL('../client/monitor.js', import.meta.url), 'utf8');

export function monitorPage(markup: Markup, url: URL, ctx: UiContext): UiResponse {
  const parsed = parseMonitorQuery(url.searchParams);
  if (!parsed.ok) return badRequestPage(parsed.error, ctx.fleet().serverVersion, url.pathname);
  const query = parsed.value;
  const fleet = query.fleet ? generateFleet({ ...ctx.fleetOptions(), ...query.fleet }) : ctx.fleet();
  const lang = query.ui;
  const title = say('Health Monitor', lang);
  const spec = { title, version: fleet.serverVersion, path: url.pathname, lang };
  const options = { lang, markup: query.markup };

  if (query.frame && !query.bare) {
    const src = `${url.pathname}?${framedQuery(url.searchParams)}`;
    return htmlResponse(200, page({ ...spec, main: [h('iframe', { class: 'monitor-frame', title, src })] }));
  }

  const model = monitorModel(fleet, query.failRows ?? undefined);
  const rows = markup.rows(model, options);
  const widget = markup.wrap(rows, options);
  return htmlResponse(
    200,
    page({
      ...spec,
      chrome: query.bare ? 'bare' : 'full',
      main: [
        h('h1', null, title),
        help(lang),
        h('div', { class: 'toolbar' }, [
          h('p', { class: 'summary' }, summary(model, lang)),
          h(
            'button',
            {
              type: 'button',
              id: 'sim-fix-first',
              class: 'sim-tool',
              title: 'Simulator: turn the first Failure row into Success, in place',
            },
            say('Simulate fix', lang),
          ),
        ]),
        query.late === null ? widget : markup.wrap(emptied(rows), options),
        jsonIsland('sim-monitor-config', scriptConfig(rows, widget, query)),
        h('script', null, SCRIPT),
      ],
    }),
  );
}

/** Prose that quotes the alert in a sentence, in the UI's language: the extension must leave it alone. */
function help(lang: UiLang): VElement {
  const link = h('a', { href: '/help/cloud' }, 'cloud configuration alerts');
  switch (lang) {
    case 'fr':
      return h('p', { class: 'help' }, [
        'Chaque ligne donne le dernier résultat d’un contrôle du module sur un équipement. Un équipement qui ne ',
        'joint pas le cloud Cisco signale Threat Data Updates - Cisco Cloud Configuration - Failure tant qu’il ne ',
        'peut pas se connecter à api-sse.cisco.com ; voir ',
        link,
        '.',
      ]);
    case 'ja':
      return h('p', { class: 'help' }, [
        '各行は、デバイスごとのヘルスモジュールのチェック結果です。Cisco クラウドに接続できないデバイスは、',
        'api-sse.cisco.com に接続できるまで Threat Data Updates - Cisco Cloud Configuration - Failure を報告します。',
        link,
      ]);
    default:
      return h('p', { class: 'help' }, [
        'Each row is the latest result of one health module check on one device. A device that cannot reach the ',
        'Cisco cloud reports Threat Data Updates - Cisco Cloud Configuration - Failure until it can connect to ',
        'api-sse.cisco.com again; see ',
        link,
        '.',
      ]);
  }
}

function summary(model: MonitorModel, lang: UiLang): string {
  if (lang === 'en') {
    return `${model.devices} ${model.devices === 1 ? 'device' : 'devices'}, ${model.failingDevices} failing`;
  }
  return `${model.devices} ${say('devices', lang)}, ${model.failingDevices} ${say('failing', lang)}`;
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
    // What the "Simulate fix" button looks for: a data type followed by a failure word in one row; and how it
    // turns the icons beside that word into their Success form.
    dataTypes: [...new Set(DATA_TYPES)],
    icons: {
      glyphs: GLYPHS,
      imageTitles: { failure: statusImageTitle(true, query.ui), success: statusImageTitle(false, query.ui) },
    },
  };
}
