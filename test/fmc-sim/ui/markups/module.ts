import { h, type VElement } from '../html';
import { say, type UiLang } from '../i18n';
import { type DeviceModel, MODULE_TITLE } from '../rows';
import { isoLike } from '../time';
import { statusIcon } from './icons';
import type { Markup } from './markup';

/**
 * Form 1 of fmc-ui.md, the one real picture (the TAC note's screenshot, section 1): the detail of the module
 * "Threat Data Updates on Devices" for each device, a `Data Type | Status` table with the seed's ten rows in its
 * order, the failing row's own text being `Cisco Cloud Configuration` and `Failure` in two cells. The module's
 * name and the device's are outside the rows: where exactly is [unknown], so it varies by device (a heading, a
 * panel title, a card header; the module in a heading or in the table's caption), and so does the icon beside
 * the status word.
 */
export const moduleMarkup: Markup = {
  name: 'module',
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
};

function deviceTitle(device: DeviceModel, lang: UiLang): VElement {
  switch (device.variant % 3) {
    case 0:
      return h('h2', { class: 'device-title' }, device.name);
    case 1:
      return h('div', { class: 'panel-title', role: 'heading', 'aria-level': '2' }, [
        `${say('Device', lang)}: `,
        h('span', { class: 'device-name' }, device.name),
      ]);
    default:
      return h('div', { class: 'card-header' }, [
        h('span', { class: 'device-name' }, device.name),
        ' ',
        h('span', { class: 'device-model' }, device.model),
      ]);
  }
}

function section(device: DeviceModel, lang: UiLang): VElement {
  const captioned = device.variant % 2 === 1;
  const failed = device.failing.length > 0;
  return h('section', { class: `appliance${failed ? ' appliance--failing' : ''}` }, [
    deviceTitle(device, lang),
    !captioned && h('h3', { class: 'module-title' }, MODULE_TITLE),
    h('table', { class: 'module-detail' }, [
      captioned && h('caption', null, MODULE_TITLE),
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
