import { CLOUD_CONFIGURATION } from '../../fleet';
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
  form: 3,
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
              .flatMap(messagesOf)
              .map((message) => item(message, lang)),
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
  // In page order: grouped by domain, as drawn.
  reports: (model) =>
    model.domains.flatMap((domain) =>
      model.byDevice
        .filter((device) => device.domainUuid === domain.uuid)
        .flatMap(messagesOf)
        .filter((message) => message.failing !== null)
        .map((message) => ({ device: message.device.name, dataTypes: [message.failing ?? ''] })),
    ),
};

interface Message {
  device: DeviceModel;
  level: 'Critical' | 'Warning';
  text: string;
  /** The data type it reports as Failure; null for other modules' messages. */
  failing: string | null;
}

/** One message per failing data type of the device, plus now and then another module's, as a negative. */
function messagesOf(device: DeviceModel): Message[] {
  const out: Message[] = [...new Set(device.failing)].map((dataType, i) => {
    const text = resultString({ dataType, status: 'Failure' });
    return {
      device,
      level: dataType === CLOUD_CONFIGURATION ? 'Critical' : 'Warning',
      text: (device.variant + i) % 2 === 0 ? `${MODULE_TITLE}: ${text}` : text,
      failing: dataType,
    };
  });
  if (device.variant % 4 === 3) {
    out.push({ device, level: 'Warning', text: 'Disk Usage: /Volume using 91%', failing: null });
  }
  if (device.variant % 6 === 1) {
    out.push({
      device,
      level: 'Critical',
      text: 'Interface Status: Interface Ethernet1/3 is down',
      failing: null,
    });
  }
  return out;
}

function item({ device, level, text }: Message, lang: UiLang): VElement {
  return h('li', { class: `message-item message-item--${level.toLowerCase()}` }, [
    ...severity(device.variant + 1, level, lang),
    ' ',
    h('strong', { class: 'message-device' }, device.name),
    ' ',
    h('span', { class: 'message-text' }, text),
    h('time', { class: 'message-time', datetime: device.time.toISOString() }, spelledOut(device.time)),
  ]);
}
