import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h } from '../html';
import { page } from '../layout';

/**
 * `/help/cloud`: prose only. It quotes the alert string and the word Failure in sentences, and has no rows,
 * so an extension that annotates it is matching text, not alerts.
 */
export function cloudHelpPage(ctx: UiContext): UiResponse {
  return htmlResponse(
    200,
    page({
      title: 'Cloud Configuration Alerts',
      version: ctx.fleet().serverVersion,
      path: '/help/cloud',
      main: [
        h('h1', null, 'Cloud Configuration Alerts'),
        h(
          'p',
          null,
          'The health alert Threat Data Updates - Cisco Cloud Configuration - Failure means that a managed device ' +
            'could not reach the Security Services Exchange at api-sse.cisco.com.',
        ),
        h(
          'p',
          null,
          'If cloud integration is off on purpose, the alert is expected: turn the module Threat Data Updates on ' +
            'Devices off in System > Health > Policy. Otherwise check DNS, the proxy and the route to the cloud.',
        ),
        h('h2', null, 'Statuses'),
        h('p', null, [
          h('strong', null, 'Failure'),
          ' means the last update did not complete; Success means it did. A single Failure is worth a second run ',
          'of the module before any troubleshooting.',
        ]),
      ],
    }),
  );
}
