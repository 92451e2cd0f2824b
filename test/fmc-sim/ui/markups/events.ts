import { h } from '../html';
import { say, type UiWord } from '../i18n';
import { MODULE_TITLE } from '../rows';
import { isoLike } from '../time';
import type { Markup } from './markup';

/** The columns of System > Health > Events are [unknown] (fmc-ui.md section 4): these are the likely ones. */
const COLUMNS: UiWord[] = ['Time', 'Module', 'Test', 'Status', 'Device'];

/** Events of other modules, as negatives. */
const OTHER_EVENTS = [
  { module: 'Appliance Heartbeat', test: 'Heartbeat', status: 'Success' },
  { module: 'Disk Usage', test: '/ngfw', status: 'Warning' },
] as const;

/**
 * Form 4 of fmc-ui.md: a health events table, one event per device and data type (Success ones too), newest
 * first: the Test cell holds the data type and the Status cell its result word, side by side.
 */
export const eventsMarkup: Markup = {
  name: 'events',
  label: 'Health events',
  rows: (model) => {
    const events = model.byDevice.flatMap((device) => [
      ...device.rows.map((row) => ({
        time: row.time,
        module: MODULE_TITLE,
        test: row.dataType,
        status: row.status as string,
        device: row.device,
      })),
      ...(device.variant % 3 === 0
        ? OTHER_EVENTS.map((other) => ({ time: device.time, device: device.name, ...other }))
        : []),
    ]);
    events.sort((a, b) => b.time.getTime() - a.time.getTime());
    return h(
      'tbody',
      { id: 'healthEvents' },
      events.map((event) => {
        const state = event.status === 'Failure' ? 'status-failure' : 'status-success';
        return h('tr', { class: `event-row ${state}` }, [
          h('td', { class: 'event-time' }, isoLike(event.time)),
          h('td', null, event.module),
          h('td', null, event.test),
          h('td', { class: `status ${state}` }, event.status),
          h('td', null, event.device),
        ]);
      }),
    );
  },
  wrap: (rows, { lang }) =>
    h('table', { class: 'events-table', id: 'healthEventsTable' }, [
      h('caption', null, say('Health Events', lang)),
      h('thead', null, [
        h(
          'tr',
          null,
          COLUMNS.map((c) => h('th', { scope: 'col' }, say(c, lang))),
        ),
      ]),
      rows,
    ]),
};
