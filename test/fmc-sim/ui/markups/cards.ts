import { CLOUD_CONFIGURATION, DATA_TYPES, MODULE_NAME } from '../../fleet';
import { type Child, h } from '../html';
import { say, type UiLang } from '../i18n';
import { alertString, failingRowReports, type HealthRow, type MonitorModel } from '../rows';
import { hourMinute, minutesAgo, spelledOut } from '../time';
import type { Markup } from './markup';

/**
 * Success notifications shown among the failures, so that a status-blind match would show up: Cloud
 * Configuration's own Success first.
 */
const INFO_TYPES = [CLOUD_CONFIGURATION, DATA_TYPES[0], CLOUD_CONFIGURATION];

/** The failures, one card each, and a few Success cards of healthy devices; newest first. */
function cardsOf(model: MonitorModel): HealthRow[] {
  const failures = model.rows.filter((row) => row.status === 'Failure');
  const healthy = model.byDevice.filter((device) => device.failing.length === 0);
  const infos = INFO_TYPES.flatMap((dataType, i) => {
    const row = healthy[i]?.rows.find((candidate) => candidate.dataType === dataType);
    return row ? [row] : [];
  });
  return [...failures, ...infos].sort((a, b) => b.time.getTime() - a.time.getTime());
}

/**
 * Form 5 of fmc-ui.md (section 2): notification cards holding the joined prose-like string
 * `Threat Data Updates - Cisco Cloud Configuration - Failure`, or the bare `Cisco Cloud Configuration - Failure`
 * (the TAC note's and CSCvr46845's wording). No public source shows a page printing either as one piece of
 * text, so the spelling varies card by card (section 6: no-break spaces, dashes, inline markup splitting the
 * words). Only the failures, plus a few Success cards.
 */
export const cardsMarkup: Markup = {
  name: 'cards',
  form: 5,
  label: 'Alert notifications (cards)',
  rows: (model, { lang }) =>
    h(
      'ul',
      { class: 'alert-list', id: 'alertNotifications' },
      cardsOf(model).map((row) => card(row, lang)),
    ),
  wrap: (rows, { lang }) =>
    h('section', { class: 'alerts-panel', id: 'alertsPanel', 'aria-label': say('Health alerts', lang) }, [
      h('h2', null, say('Notifications', lang)),
      rows,
    ]),
  reports: (model) => failingRowReports(cardsOf(model)),
};

/**
 * The card's title: which spelling depends on the device's variant (failing devices are numbered in turn, so a
 * page with three failures shows the first three): the joined string; the bare one, a no-break space and an en
 * dash; the bare one split by `<b>`; the joined one with em dashes; the bare one in spans, no-break spaces
 * around the hyphen.
 */
function title(row: HealthRow): Child[] {
  switch (row.deviceIndex % 5) {
    case 0:
      return [alertString(row)];
    case 1:
      return [`${row.dataType}\u00a0\u2013 ${row.status}`];
    case 2: {
      const words = row.dataType.split(' ');
      const rest = words.slice(2).join(' ');
      return [h('b', null, words.slice(0, 2).join(' ')), `${rest ? ` ${rest}` : ''} - ${row.status}`];
    }
    case 3:
      return [`${MODULE_NAME} \u2014 ${row.dataType} \u2014 ${row.status}`];
    default:
      return [
        h('span', { class: 'notification__type' }, row.dataType),
        '\u00a0-\u00a0',
        h('strong', null, row.status),
      ];
  }
}

/**
 * The card around its title. What else a card shows, and where, is [unknown] (issue 18), so the layout varies
 * card by card, independently of the title's spelling: the title, a details block and a footer (device · date);
 * the title and a second block `ftd-0001 · 09:41` only; the title with "3 min ago" after it in the same box,
 * the details and the device;
 * no title box, the text in the item itself with the device and the hour after it in elements of their own; the
 * title with a status word after it, then the footer.
 */
function card(row: HealthRow, lang: UiLang) {
  const failed = row.status === 'Failure';
  const details = h('div', { class: 'notification__details' }, [
    failed ? 'Threat data on the device is out of date.' : 'Threat data on the device is up to date.',
    h('br', null),
    `Data type: ${row.dataType}`,
  ]);
  const footer = h('div', { class: 'notification__meta' }, [
    h('span', { class: 'notification__device' }, row.device),
    ' \u00b7 ',
    h('time', { datetime: row.time.toISOString() }, spelledOut(row.time)),
  ]);
  const titleBox = (...after: Child[]) =>
    h('div', { class: 'notification__title' }, [...title(row), ...after]);
  const children: Child[] = (() => {
    switch ((row.deviceIndex + 1) % 5) {
      case 1:
        return [
          titleBox(),
          h('div', { class: 'notification__meta' }, `${row.device} \u00b7 ${hourMinute(row.time)}`),
        ];
      case 2:
        return [
          titleBox(' ', h('span', { class: 'notification__age' }, minutesAgo(row.time, lang))),
          details,
          h('div', { class: 'notification__meta' }, [
            h('span', { class: 'notification__device' }, row.device),
          ]),
        ];
      case 3:
        return [
          ...title(row),
          ' ',
          h('span', { class: 'notification__device' }, row.device),
          ' ',
          h('time', { datetime: row.time.toISOString() }, hourMinute(row.time)),
        ];
      case 4:
        return [titleBox(' ', h('span', { class: 'notification__status' }, say('Active', lang))), footer];
      default:
        return [titleBox(), details, footer];
    }
  })();
  return h('li', { class: `notification notification--${failed ? 'failure' : 'info'}` }, children);
}
