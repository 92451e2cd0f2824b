import { readFileSync } from 'node:fs';
import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h } from '../html';
import { say, uiLangOf } from '../i18n';
import { page } from '../layout';
import { MODULE_TITLE } from '../rows';
import { notFoundPage } from './status';

const SCRIPT = readFileSync(new URL('../client/policy.js', import.meta.url), 'utf8');

interface HealthPolicy {
  id: string;
  name: string;
  description: string;
  modified: string;
}

const POLICIES: readonly HealthPolicy[] = [
  {
    id: '0050568a-3f2e-0ed3-0000-004294967297',
    name: 'Initial_Health_Policy 2024-03-04 15:12:45',
    description: 'Initial Health Policy',
    modified: '2024-03-04 15:12:45',
  },
  {
    id: '0050568a-3f2e-0ed3-0000-004294967311',
    name: 'Branch_Health_Policy',
    description: 'Branch firewalls, relaxed disk thresholds',
    modified: '2024-11-19 08:02:31',
  },
];

const MODULES = [
  'AMP for Endpoints Status',
  'Appliance Heartbeat',
  'CPU Usage',
  'Disk Status',
  'Disk Usage',
  'Health Monitor Process',
  'Interface Status',
  'Memory Usage',
  'Process Status',
  'Security Intelligence',
  MODULE_TITLE,
  'Time Synchronization Status',
  'URL Filtering Monitor',
];

/** `/health/policy`; `saved=<id>` is where "Save Policy and Exit" lands (nothing is stored). */
export function policyListPage(url: URL, ctx: UiContext): UiResponse {
  const lang = uiLangOf(url.searchParams);
  const TITLE = say('Health Policy', lang);
  const saved = POLICIES.find((policy) => policy.id === url.searchParams.get('saved'));
  return htmlResponse(
    200,
    page({
      title: TITLE,
      version: ctx.fleet().serverVersion,
      path: url.pathname,
      lang,
      main: [
        h('h1', null, TITLE),
        saved &&
          h(
            'p',
            { class: 'banner', role: 'status' },
            `Policy ${saved.name} saved. Deploy it to the devices for the change to take effect.`,
          ),
        h('table', { class: 'plain-table' }, [
          h('thead', null, [
            h('tr', null, [
              h('th', { scope: 'col' }, TITLE),
              h('th', { scope: 'col' }, say('Description', lang)),
              h('th', { scope: 'col' }, say('Last Modified', lang)),
              h('th', { scope: 'col' }, say('Actions', lang)),
            ]),
          ]),
          h(
            'tbody',
            null,
            POLICIES.map((policy) =>
              h('tr', null, [
                h('td', null, policy.name),
                h('td', null, policy.description),
                h('td', null, policy.modified),
                h('td', null, [
                  h(
                    'a',
                    {
                      href: `/health/policy/edit?id=${encodeURIComponent(policy.id)}`,
                      title: `Edit ${policy.name}`,
                    },
                    say('Edit', lang),
                  ),
                ]),
              ]),
            ),
          ),
        ]),
      ],
    }),
  );
}

/** `/health/policy/edit?id=…`: every module on, each with its Enabled switch. */
export function policyEditPage(url: URL, ctx: UiContext): UiResponse {
  const lang = uiLangOf(url.searchParams);
  const TITLE = say('Health Policy', lang);
  const version = ctx.fleet().serverVersion;
  const policy = POLICIES.find((candidate) => candidate.id === url.searchParams.get('id'));
  if (!policy) return notFoundPage(version, `${url.pathname}${url.search}`);
  return htmlResponse(
    200,
    page({
      title: TITLE,
      version,
      path: url.pathname,
      lang,
      main: [
        h('h1', null, TITLE),
        h('h2', null, `Edit Policy: ${policy.name}`),
        h('form', { method: 'get', action: '/health/policy' }, [
          h('input', { type: 'hidden', name: 'saved', value: policy.id }),
          h('table', { class: 'plain-table' }, [
            h('thead', null, [
              h('tr', null, [
                h('th', { scope: 'col' }, say('Health Module', lang)),
                h('th', { scope: 'col' }, say('Enabled', lang)),
              ]),
            ]),
            h(
              'tbody',
              null,
              MODULES.map((module, index) =>
                h('tr', null, [
                  h('td', { id: `module-${index}` }, module),
                  h('td', null, [
                    h('label', { class: 'switch' }, [
                      h('input', {
                        type: 'checkbox',
                        role: 'switch',
                        name: `enabled-${index}`,
                        checked: '',
                        'aria-describedby': `module-${index}`,
                      }),
                      'Enabled ',
                      h('span', { class: 'switch__state' }, 'On'),
                    ]),
                  ]),
                ]),
              ),
            ),
          ]),
          h('div', { class: 'form-actions' }, [
            h('button', { type: 'submit', class: 'button button--primary' }, 'Save Policy and Exit'),
            h('a', { class: 'button', href: '/health/policy' }, 'Cancel'),
          ]),
        ]),
        h('script', null, SCRIPT),
      ],
    }),
  );
}
