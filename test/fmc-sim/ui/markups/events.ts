import { h } from '../html';
import { say, type UiWord } from '../i18n';
import { type DeviceModel, type FailureReport, MODULE_TITLE, type MonitorModel } from '../rows';
import { isoLike } from '../time';
import type { Markup } from './markup';

/**
 * The columns of System > Health > Events are [unknown] (fmc-ui.md section 4: "module, description, status,
 * device, time are likely"): these are a guess, the data type in a Test column beside its Status.
 */
const COLUMNS: UiWord[] = ['Time', 'Module', 'Test', 'Status', 'Device'];

/** Events of other modules, as negatives: no data type among them. */
const OTHER_EVENTS = [
  { module: 'Appliance Heartbeat', test: 'Heartbeat', status: 'Success' },
  { module: 'Disk Usage', test: '/ngfw', status: 'Warning' },
] as const;

interface HealthEvent {
  time: Date;
  module: string;
  test: string;
  status: string;
  device: string;
}

/**
 * When the module last ran on the device, for the events: devices do not report in fleet order, so that the
 * newest-first list interleaves them (13 s between devices, 47 s steps here: no two devices share a time).
 */
function runTime(device: DeviceModel): Date {
  return new Date(device.time.getTime() - ((device.index * 7) % 5) * 47_000);
}

/**
 * One event per device and data type, Success ones too: the results of one run share its time, in the seed's
 * order; then newest first (a stable sort keeps that order within a run).
 */
function eventsOf(model: MonitorModel): HealthEvent[] {
  const events = model.byDevice.flatMap((device): HealthEvent[] => {
    const time = runTime(device);
    return [
      ...device.rows.map((row) => ({
        time,
        module: MODULE_TITLE,
        test: row.dataType,
        status: row.status,
        device: row.device,
      })),
      ...(device.variant % 3 === 0
        ? OTHER_EVENTS.map((other) => ({
            time: new Date(time.getTime() - 30_000),
            device: device.name,
            ...other,
          }))
        : []),
    ];
  });
  return events.sort((a, b) => b.time.getTime() - a.time.getTime());
}

/**
 * Form 4 of fmc-ui.md: a health events table, the Test cell holding the data type and the Status cell its
 * result word (`Failure`/`Success`, as the seed spells them), side by side; other modules' events mixed in.
 */
export const eventsMarkup: Markup = {
  name: 'events',
  form: 4,
  label: 'Health events',
  rows: (model) =>
    h(
      'tbody',
      { id: 'healthEvents' },
      eventsOf(model).map((event) => {
        const state = event.status === 'Failure' ? 'status-failure' : 'status-success';
        return h('tr', { class: `event-row ${state}` }, [
          h('td', { class: 'event-time' }, isoLike(event.time)),
          h('td', null, event.module),
          h('td', null, event.test),
          h('td', { class: `status ${state}` }, event.status),
          h('td', null, event.device),
        ]);
      }),
    ),
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
  reports: (model) =>
    eventsOf(model)
      .filter((event) => event.status === 'Failure')
      .map((event): FailureReport => ({ device: event.device, dataTypes: [event.test] })),
};
