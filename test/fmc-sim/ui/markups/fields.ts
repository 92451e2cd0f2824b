import { type Child, h, type VElement } from '../html';
import { say, type UiWord } from '../i18n';
import { type DeviceModel, MODULE_TITLE, resultString } from '../rows';
import { isoLike } from '../time';
import { severity } from './icons';
import type { Markup, RenderOptions } from './markup';

const COLUMNS: UiWord[] = ['Severity', 'Device', 'Module', 'Description', 'Time'];

/** Alerts of other modules, as negatives: none names a data type or a failure word. */
const OTHER_ALERTS = [
  { module: 'Disk Usage', level: 'Warning', text: '/ngfw using 87%' },
  {
    module: 'Interface Status',
    level: 'Critical',
    text: "Interface 'Ethernet1/2' is not receiving any packets",
  },
  { module: 'CPU Usage', level: 'Warning', text: 'Using 93% of the CPU' },
] as const;

interface Alert {
  level: 'Critical' | 'Warning' | 'Normal' | 'Recovered';
  device: DeviceModel;
  module: string;
  lines: string[];
}

/**
 * Form 2 of fmc-ui.md (section 3): an alert list whose rows carry Cisco's separate fields (severity, device,
 * module, description, time). The columns' exact layout is [inferred]. A Threat Data Updates description lists
 * results one per line (`<br>`, as the REST API's `details` do), the failing ones not always first. Healthy
 * devices show a Recovered alert or none; other modules' alerts are mixed in. Drawn as a `<table>` or, with
 * `markup=grid`, as an ARIA grid of divs.
 */
export const fieldsMarkup: Markup = {
  name: 'alerts',
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
};

function alertsOf(device: DeviceModel): Alert[] {
  const alerts: Alert[] = [];
  if (device.failing.length > 0) {
    const failing = [...new Set(device.failing)].map((dataType) =>
      resultString({ dataType, status: 'Failure' }),
    );
    const ok = device.rows
      .filter((row) => row.status === 'Success')
      .slice(device.variant % 3, (device.variant % 3) + 1 + (device.variant % 2))
      .map(resultString);
    alerts.push({
      level: device.failing.includes('Cisco Cloud Configuration') ? 'Critical' : 'Warning',
      device,
      module: MODULE_TITLE,
      lines: device.variant % 2 === 0 ? [...failing, ...ok] : [...ok, ...failing],
    });
  } else if (device.variant % 4 === 1) {
    alerts.push({
      level: 'Recovered',
      device,
      module: MODULE_TITLE,
      lines: [resultString({ dataType: 'Cisco Cloud Configuration', status: 'Success' })],
    });
  }
  if (device.variant % 3 === 2) {
    const other = OTHER_ALERTS[Math.floor(device.variant / 3) % OTHER_ALERTS.length] ?? OTHER_ALERTS[0];
    alerts.push({ level: other.level, device, module: other.module, lines: [other.text] });
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
