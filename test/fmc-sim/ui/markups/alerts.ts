import { DATA_TYPES } from '../../fleet';
import { h } from '../html';
import { alertString, type HealthRow } from '../rows';
import { spelledOut } from '../time';
import type { Markup } from './markup';

/** Success notifications shown among the failures, so that a status-blind match would show up. */
const INFO_CARDS = 3;

/** A list of notification cards: only the failures, plus a few Success cards for contrast. */
export const alertsMarkup: Markup = {
  name: 'alerts',
  label: 'Alert notifications',
  rows: (model) => {
    const failures = model.rows.filter((row) => row.status === 'Failure');
    const infos = model.rows
      .filter((row) => row.status === 'Success' && row.dataType === DATA_TYPES[0])
      .slice(0, INFO_CARDS);
    const newestFirst = [...failures, ...infos].sort((a, b) => b.time.getTime() - a.time.getTime());
    return h('ul', { class: 'alert-list', id: 'alertNotifications' }, newestFirst.map(card));
  },
  wrap: (rows) =>
    h('section', { class: 'alerts-panel', id: 'alertsPanel', 'aria-label': 'Health alerts' }, [
      h('h2', null, 'Notifications'),
      rows,
    ]),
};

function card(row: HealthRow) {
  const failed = row.status === 'Failure';
  return h('li', { class: `notification notification--${failed ? 'failure' : 'info'}` }, [
    h('div', { class: 'notification__title' }, alertString(row)),
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
