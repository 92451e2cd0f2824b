import { CLOUD_CONFIGURATION } from '../../fleet';
import { type Child, h, type VElement } from '../html';
import { say, type UiLang } from '../i18n';
import { type DeviceModel, MODULE_TITLE, resultString } from '../rows';
import { hourMinute, minutesAgo, spelledOut } from '../time';
import { severity } from './icons';
import type { Markup } from './markup';

/**
 * Form 3 of fmc-ui.md (section 4): the Message Center's Health tab, "current health status information for each
 * appliance in your system, grouped by domain" [doc]. Each item: a severity icon, the device, a short text. The
 * exact text is [unknown], so it varies: `Threat Data Updates on Devices: Cisco Cloud Configuration - Failure`, or
 * the description alone. One item per failing result; a few items of other modules, as negatives. What else an
 * item shows, and where, is [unknown] too (issue 18: "the Health tab shows when each message arrived"), so the
 * fields around the text vary from item to item (`item`): the device before the text or after it, a timestamp,
 * "3 min ago", a status word, or nothing after the text.
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
  /** Which of the item's layouts (`item`) draws it: varies from item to item. */
  layout: number;
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
      layout: device.variant + i,
      level: dataType === CLOUD_CONFIGURATION ? 'Critical' : 'Warning',
      text: (device.variant + i) % 2 === 0 ? `${MODULE_TITLE}: ${text}` : text,
      failing: dataType,
    };
  });
  if (device.variant % 4 === 3) {
    out.push({
      device,
      layout: device.variant + out.length,
      level: 'Warning',
      text: 'Disk Usage: /Volume using 91%',
      failing: null,
    });
  }
  if (device.variant % 6 === 1) {
    out.push({
      device,
      layout: device.variant + out.length,
      level: 'Critical',
      text: 'Interface Status: Interface Ethernet1/3 is down',
      failing: null,
    });
  }
  return out;
}

/**
 * One item, in one of five layouts (issue 18): the device before the text and the time after it; the device,
 * the text and "3 min ago" in spans side by side; the text first, then the device and the hour; the device,
 * the text, a status word and "3 min ago"; the device and the text alone.
 */
function item({ device, layout, level, text }: Message, lang: UiLang): VElement {
  const when = device.time;
  const deviceName = (tag: 'strong' | 'span') => h(tag, { class: 'message-device' }, device.name);
  const message = h('span', { class: 'message-text' }, text);
  const age = h('span', { class: 'message-age' }, minutesAgo(when, lang));
  const children: Child[] = (() => {
    switch (layout % 5) {
      case 0:
        return [
          ' ',
          deviceName('strong'),
          ' ',
          message,
          h('time', { class: 'message-time', datetime: when.toISOString() }, spelledOut(when)),
        ];
      case 1:
        return [deviceName('span'), message, age];
      case 2:
        return [
          ' ',
          message,
          ' ',
          deviceName('span'),
          ' ',
          h('time', { class: 'message-time', datetime: when.toISOString() }, hourMinute(when)),
        ];
      case 3:
        return [
          ' ',
          deviceName('strong'),
          ' ',
          message,
          ' ',
          h('span', { class: 'message-status' }, say('Unacknowledged', lang)),
          ' ',
          age,
        ];
      default:
        return [' ', deviceName('strong'), ' ', message];
    }
  })();
  return h('li', { class: `message-item message-item--${level.toLowerCase()}` }, [
    ...severity(device.variant + 1, level, lang),
    ...children,
  ]);
}
