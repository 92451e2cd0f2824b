import { type Child, h, type VElement } from '../html';
import { say, type UiLang } from '../i18n';
import { type DeviceModel, failingRowReports, MODULE_TITLE } from '../rows';
import { isoLike } from '../time';
import { statusIcon } from './icons';
import type { Markup } from './markup';

/**
 * Form 1 of fmc-ui.md, the one real picture (the TAC note's screenshot, section 1): the detail of the module
 * "Threat Data Updates on Devices" for each device, a `Data Type | Status` table with the seed's ten rows in its
 * order, the failing row's own text being `Cisco Cloud Configuration` and `Failure` in two cells. The module's
 * name and the device's are outside the rows (section 1: "a heading, a caption, the panel's title"); which
 * element holds them is [unknown], so it varies by device, and so does the icon beside the status word.
 * Healthy devices are drawn too, all Success.
 */
export const moduleMarkup: Markup = {
  name: 'module',
  form: 1,
  label: 'Module detail (Data Type | Status)',
  rows: (model, { lang }) =>
    h(
      'div',
      { class: 'module-details', id: 'moduleDetails' },
      model.byDevice.map((device) => section(device, lang)),
    ),
  wrap: (rows, { lang }) =>
    h('section', { class: 'health-panel', id: 'healthPanel', 'aria-label': say('Health Monitor', lang) }, [
      rows,
    ]),
  reports: (model) => failingRowReports(model.rows),
};

type Place = 'heading' | 'panel' | 'caption';

/**
 * Where the device's name and the module's go, by device: the device in an `<h2>`, a panel title or the
 * table's caption; the module in an `<h3>`, a panel title or the caption (never both in the caption).
 */
function places(variant: number): { device: Place; module: Place } {
  const second = Math.floor(variant / 3) % 2;
  switch (variant % 3) {
    case 0:
      return { device: 'heading', module: second ? 'caption' : 'heading' };
    case 1:
      return { device: 'panel', module: second ? 'caption' : 'panel' };
    default:
      return { device: 'caption', module: second ? 'panel' : 'heading' };
  }
}

function deviceTitle(device: DeviceModel, place: Place, lang: UiLang): VElement {
  switch (place) {
    case 'heading':
      return h('h2', { class: 'device-title' }, device.name);
    case 'panel':
      return h('div', { class: 'panel-title device-title', role: 'heading', 'aria-level': '2' }, [
        `${say('Device', lang)}: `,
        h('span', { class: 'device-name' }, device.name),
      ]);
    case 'caption':
      return h('caption', { class: 'device-title' }, device.name);
  }
}

function moduleTitle(place: Place): VElement {
  switch (place) {
    case 'heading':
      return h('h3', { class: 'module-title' }, MODULE_TITLE);
    case 'panel':
      return h(
        'div',
        { class: 'panel-title module-title', role: 'heading', 'aria-level': '3' },
        MODULE_TITLE,
      );
    case 'caption':
      return h('caption', { class: 'module-title' }, MODULE_TITLE);
  }
}

function section(device: DeviceModel, lang: UiLang): VElement {
  const where = places(device.variant);
  const failed = device.failing.length > 0;
  const above: Child[] = [
    where.device !== 'caption' && deviceTitle(device, where.device, lang),
    where.module !== 'caption' && moduleTitle(where.module),
  ];
  const caption =
    where.device === 'caption'
      ? deviceTitle(device, 'caption', lang)
      : where.module === 'caption' && moduleTitle('caption');
  return h('section', { class: `appliance${failed ? ' appliance--failing' : ''}` }, [
    ...above,
    h('table', { class: 'module-detail' }, [
      caption,
      h('thead', null, [
        h('tr', null, [
          h('th', { scope: 'col' }, say('Data Type', lang)),
          h('th', { scope: 'col' }, say('Status', lang)),
        ]),
      ]),
      h(
        'tbody',
        null,
        device.rows.map((row) => {
          const failure = row.status === 'Failure';
          const state = failure ? 'status-failure' : 'status-success';
          return h('tr', { class: state }, [
            h('td', { class: 'data-type' }, row.dataType),
            h('td', { class: `status ${state}` }, [...statusIcon(device.variant, failure, lang), row.status]),
          ]);
        }),
      ),
    ]),
    h('p', { class: 'module-meta' }, isoLike(device.time)),
  ]);
}
