import { h, type VElement } from '../html';
import { say, type UiLang } from '../i18n';
import { type DeviceModel, MODULE_TITLE, resultString } from '../rows';
import { spelledOut } from '../time';
import { severity } from './icons';
import type { Markup } from './markup';

/**
 * Form 3 of fmc-ui.md (section 4): the Message Center's Health tab, "current health status information for each
 * appliance in your system, grouped by domain" [doc]. Each item: a severity icon, the device, a short text. The
 * exact text is [unknown], so it varies: `Threat Data Updates on Devices: Cisco Cloud Configuration - Failure`, or
 * the description alone. One item per failing result; a few items of other modules, as negatives.
 */
export const messagesMarkup: Markup = {
  name: 'messages',
  label: 'Message Center, Health tab',
  rows: (model, { lang }) =>
    h(
      'div',
      { class: 'message-groups', id: 'healthMessages' },
      model.domains.map((domain) =>
        h('div', { class: 'message-group' }, [
          h('h4', { class: 'message-domain' }, domain.name),
          h(
            'ul',
            { class: 'message-list' },
            model.byDevice
              .filter((device) => device.domainUuid === domain.uuid)
              .flatMap((d) => items(d, lang)),
          ),
        ]),
      ),
    ),
  wrap: (rows, { lang }) =>
    h(
      'div',
      {
        class: 'message-center',
        id: 'messageCenter',
        role: 'dialog',
        'aria-label': say('Message Center', lang),
      },
      [
        h('h2', null, say('Message Center', lang)),
        h('div', { role: 'tablist', class: 'message-tabs' }, [
          h('button', { type: 'button', role: 'tab', 'aria-selected': 'false' }, say('Deployments', lang)),
          h('button', { type: 'button', role: 'tab', 'aria-selected': 'true' }, say('Health', lang)),
          h('button', { type: 'button', role: 'tab', 'aria-selected': 'false' }, say('Tasks', lang)),
        ]),
        h('div', { role: 'tabpanel', class: 'message-panel' }, [rows]),
      ],
    ),
};

function items(device: DeviceModel, lang: UiLang): VElement[] {
  const out: VElement[] = [...new Set(device.failing)].map((dataType, i) => {
    const text = resultString({ dataType, status: 'Failure' });
    const level = dataType === 'Cisco Cloud Configuration' ? 'Critical' : 'Warning';
    return item(device, level, (device.variant + i) % 2 === 0 ? `${MODULE_TITLE}: ${text}` : text, lang);
  });
  if (device.variant % 4 === 3) out.push(item(device, 'Warning', 'Disk Usage: /Volume using 91%', lang));
  return out;
}

function item(device: DeviceModel, level: 'Critical' | 'Warning', text: string, lang: UiLang): VElement {
  return h('li', { class: `message-item message-item--${level.toLowerCase()}` }, [
    ...severity(device.variant + 1, level, lang),
    ' ',
    h('strong', { class: 'message-device' }, device.name),
    ' ',
    h('span', { class: 'message-text' }, text),
    h('time', { class: 'message-time', datetime: device.time.toISOString() }, spelledOut(device.time)),
  ]);
}
