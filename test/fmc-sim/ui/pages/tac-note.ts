import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h } from '../html';
import { page } from '../layout';

/** The seed's table (TAC note 217616's only screenshot), as the note prints it. */
const SEED_TABLE: readonly [string, string][] = [
  ['SI URL Lists and Feeds', 'Success'],
  ['URL Category and Reputation', 'Success'],
  ['Threat Configuration', 'Success'],
  ['SI SHA Lists (from TID)', 'Success'],
  ['SI Network Lists and Feeds', 'Success'],
  ['Local Malware Analysis Signatures', 'Success'],
  ['Cisco Cloud Configuration', 'Failure'],
  ['SI DNS Lists and Feeds', 'Success'],
  ['URL Category and Reputation', 'Success'],
  ['AMP Dynamic Analysis', 'Success'],
];

/**
 * `/help/tac-note`: a help article that quotes the TAC note: prose with the joined string, a quotation, the
 * seed's table as a plain-text listing and, the hardest negative, as an HTML table inside a `<figure>` of the
 * `<article>`. It shows the alert and raises none: the extension must annotate nothing here.
 */
export function tacNotePage(ctx: UiContext): UiResponse {
  return htmlResponse(
    200,
    page({
      title: 'Troubleshoot Cisco Cloud Configuration Failure',
      version: ctx.fleet().serverVersion,
      path: '/help/tac-note',
      main: [
        h('article', { class: 'help-article' }, [
          h('h1', null, 'Troubleshoot Cisco Cloud Configuration Failure'),
          h(
            'p',
            null,
            'This document describes the common scenarios in which the Firepower system raises the health alert ' +
              'Threat Data Updates - Cisco Cloud Configuration - Failure.',
          ),
          h('blockquote', null, 'Cisco Cloud Configuration - Failure'),
          h(
            'pre',
            null,
            ['Data Type\tStatus', ...SEED_TABLE.map(([type, status]) => `${type}\t${status}`)].join('\n'),
          ),
          h('figure', null, [
            h('table', { class: 'plain-table' }, [
              h('thead', null, [h('tr', null, [h('th', null, 'Data Type'), h('th', null, 'Status')])]),
              h(
                'tbody',
                null,
                SEED_TABLE.map(([type, status]) =>
                  h('tr', null, [h('td', null, type), h('td', null, status)]),
                ),
              ),
            ]),
            h('figcaption', null, 'Example of a health failure alert (TAC note 217616)'),
          ]),
          h('ul', null, [
            h(
              'li',
              null,
              'If the row Cisco Cloud Configuration shows Failure, check the DNS servers of the device first.',
            ),
            h(
              'li',
              null,
              'Cisco Cloud Configuration - Failure, like any other failure of the module, clears after the module runs again.',
            ),
          ]),
        ]),
      ],
    }),
  );
}
