import { CLOUD_CONFIGURATION } from '../../fleet';
import { type Child, h, type VElement } from '../html';
import { say, type UiWord } from '../i18n';
import { type DeviceModel, MODULE_TITLE, resultString } from '../rows';
import { isoLike } from '../time';
import { type Severity, severity } from './icons';
import type { Markup, RenderOptions } from './markup';

const COLUMNS: UiWord[] = ['Severity', 'Device', 'Module', 'Description', 'Time'];

/**
 * Alerts of other modules, as negatives (fmc-ui.md section 6: "other modules' alerts" get no hint): none names
 * a data type or a result word.
 */
const OTHER_ALERTS = [
  { module: 'Disk Usage', level: 'Warning', text: '/ngfw using 87%' },
  {
    module: 'Interface Status',
    level: 'Critical',
    text: "Interface 'Ethernet1/2' is not receiving any packets",
  },
  { module: 'Appliance Heartbeat', level: 'Critical', text: 'No heartbeat received for 6 minutes' },
  { module: 'CPU Usage', level: 'Warning', text: 'Using 93% of the CPU' },
] as const;

interface Alert {
  level: Severity;
  device: DeviceModel;
  module: string;
  lines: string[];
  /** The data types its lines report as Failure. */
  failing: string[];
}

/**
 * Form 2 of fmc-ui.md (section 3): an alert list whose rows carry Cisco's separate fields (severity, device,
 * module, description, time). The columns' exact layout is [inferred]. A Threat Data Updates description lists
 * results one per line (`<br>`, as the REST API's `details` do), the failing ones first, between Success lines
 * or last, by device (in the table and the grid alike: the hint must follow the failing line's text). Healthy
 * devices show a Recovered or Normal alert whose Cloud Configuration line reads Success, or none; other modules'
 * alerts are mixed in. Whether FMC draws the list as a table or as a grid of divs is [unknown]: a page is one or
 * the other (`markup=table|grid`), never both.
 */
export const fieldsMarkup: Markup = {
  name: 'alerts',
  form: 2,
  label: 'Alert list (severity, device, module, description)',
  rows: (model, options) => {
    const alerts = model.byDevice.flatMap(alertsOf);
    return options.markup === 'grid'
      ? h(
          'div',
          { role: 'rowgroup', class: 'alert-grid__body', id: 'alertRows' },
          alerts.map((a) => gridRow(a, options)),
        )
      : h(
          'tbody',
          { id: 'alertRows' },
          alerts.map((a) => tableRow(a, options)),
        );
  },
  wrap: (rows, { lang, markup }) =>
    markup === 'grid'
      ? h(
          'div',
          { role: 'grid', class: 'alert-grid', id: 'alertWidget', 'aria-label': say('Health alerts', lang) },
          [
            h('div', { role: 'rowgroup' }, [
              h(
                'div',
                { role: 'row', class: 'alert-grid__head' },
                COLUMNS.map((c) => h('div', { role: 'columnheader' }, say(c, lang))),
              ),
            ]),
            rows,
          ],
        )
      : h('table', { class: 'alert-table', id: 'alertWidget' }, [
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
    model.byDevice
      .flatMap(alertsOf)
      .filter((alert) => alert.failing.length > 0)
      .map((alert) => ({ device: alert.device.name, dataTypes: alert.failing })),
};

function alertsOf(device: DeviceModel): Alert[] {
  const alerts: Alert[] = [];
  const v = device.variant;
  if (device.failing.length > 0) {
    const failing = [...new Set(device.failing)];
    // Success lines beside the failures, which ones varying by device, and the failures first, in the middle
    // or last (issue 19: the hint must sit right after the failing line, never after another line).
    const at = v % 3;
    const ok = device.rows
      .filter((row) => row.status === 'Success')
      .slice(at, at + 1 + (at === 1 ? 1 : v % 2))
      .map(resultString);
    const failed = failing.map((dataType) => resultString({ dataType, status: 'Failure' }));
    const cut = at === 0 ? 0 : at === 1 ? 1 : ok.length;
    alerts.push({
      level: failing.includes(CLOUD_CONFIGURATION) ? 'Critical' : 'Warning',
      device,
      module: MODULE_TITLE,
      lines: [...ok.slice(0, cut), ...failed, ...ok.slice(cut)],
      failing,
    });
  } else if (v % 4 === 1 || v % 4 === 3) {
    // Negatives: Threat Data Updates alerts of healthy devices, Cloud Configuration reading Success.
    const cloud = resultString({ dataType: CLOUD_CONFIGURATION, status: 'Success' });
    const other = resultString({ dataType: 'AMP Dynamic Analysis', status: 'Success' });
    alerts.push({
      level: v % 4 === 1 ? 'Recovered' : 'Normal',
      device,
      module: MODULE_TITLE,
      lines: v % 4 === 1 ? [cloud] : [other, cloud],
      failing: [],
    });
  }
  if (v % 3 === 2) {
    const other = OTHER_ALERTS[Math.floor(v / 3) % OTHER_ALERTS.length] ?? OTHER_ALERTS[0];
    alerts.push({ level: other.level, device, module: other.module, lines: [other.text], failing: [] });
  }
  return alerts;
}

function description(lines: string[]): Child[] {
  return lines.flatMap((line, i) => (i === 0 ? [line] : [h('br', null), line]));
}

function cells(alert: Alert, { lang }: RenderOptions): Child[][] {
  return [
    severity(alert.device.variant, alert.level, lang),
    [alert.device.name],
    [alert.module],
    description(alert.lines),
    [h('time', { datetime: alert.device.time.toISOString() }, isoLike(alert.device.time))],
  ];
}

function rowClass(alert: Alert): string {
  return `alert-row alert-row--${alert.level.toLowerCase()}`;
}

function tableRow(alert: Alert, options: RenderOptions): VElement {
  return h(
    'tr',
    { class: rowClass(alert) },
    cells(alert, options).map((children) => h('td', null, children)),
  );
}

function gridRow(alert: Alert, options: RenderOptions): VElement {
  return h(
    'div',
    { role: 'row', class: `${rowClass(alert)} alert-grid__row` },
    cells(alert, options).map((children) => h('div', { role: 'gridcell' }, children)),
  );
}
