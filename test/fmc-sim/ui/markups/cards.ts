import { DATA_TYPES } from '../../fleet';
import { type Child, h } from '../html';
import { say } from '../i18n';
import { alertString, type HealthRow } from '../rows';
import { spelledOut } from '../time';
import type { Markup } from './markup';

/** Success notifications shown among the failures, so that a status-blind match would show up. */
const INFO_CARDS = 3;

/**
 * Form 5 of fmc-ui.md (section 2): notification cards holding the joined prose-like string
 * `Threat Data Updates - Cisco Cloud Configuration - Failure`, or the bare `Cisco Cloud Configuration - Failure`
 * (the TAC note's and CSCvr46845's wording). No public source shows a page printing either as one piece of
 * text, so the spelling varies card by card: the joined string, the bare one with an en dash after a no-break
 * space, the bare one with its words split by inline markup. Only the failures, plus a few Success cards.
 */
export const cardsMarkup: Markup = {
  name: 'cards',
  label: 'Alert notifications (cards)',
  rows: (model) => {
    const failures = model.rows.filter((row) => row.status === 'Failure');
    const infos = model.rows
      .filter((row) => row.status === 'Success' && row.dataType === DATA_TYPES[0])
      .slice(0, INFO_CARDS);
    const newestFirst = [...failures, ...infos].sort((a, b) => b.time.getTime() - a.time.getTime());
    return h('ul', { class: 'alert-list', id: 'alertNotifications' }, newestFirst.map(card));
  },
  wrap: (rows, { lang }) =>
    h('section', { class: 'alerts-panel', id: 'alertsPanel', 'aria-label': say('Health alerts', lang) }, [
      h('h2', null, say('Notifications', lang)),
      rows,
    ]),
};

/** The card's title: which spelling depends on the device, so every page shows all three. */
function title(row: HealthRow): Child[] {
  switch (row.deviceIndex % 3) {
    case 0:
      return [alertString(row)];
    case 1:
      return [`${row.dataType}\u00a0\u2013 ${row.status}`];
    default: {
      const [first = '', ...rest] = row.dataType.split(' ');
      return [h('b', null, first), ` ${rest.join(' ')} - ${row.status}`];
    }
  }
}

function card(row: HealthRow) {
  const failed = row.status === 'Failure';
  return h('li', { class: `notification notification--${failed ? 'failure' : 'info'}` }, [
    h('div', { class: 'notification__title' }, title(row)),
    h('div', { class: 'notification__details' }, [
      failed ? 'Threat data on the device is out of date.' : 'Threat data on the device is up to date.',
      h('br', null),
      `Data type: ${row.dataType}`,
    ]),
    h('div', { class: 'notification__meta' }, [
      h('span', { class: 'notification__device' }, row.device),
      ' \u00b7 ',
      h('time', { datetime: row.time.toISOString() }, spelledOut(row.time)),
    ]),
  ]);
}
