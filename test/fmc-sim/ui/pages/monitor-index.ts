import { htmlResponse, type UiContext, type UiResponse } from '../context';
import { h } from '../html';
import { page } from '../layout';
import { MARKUPS } from '../markups';

const VARIANTS: readonly [query: string, label: string][] = [
  ['', 'as is'],
  ['late=1500', 'rows arrive after 1.5 s'],
  ['rerender=2000', 'rows redrawn after 2 s'],
  ['frame=1', 'inside an iframe'],
  ['hostile=1', 'hostile device names'],
  ['failing=6', 'six failing devices (every layout of the messages and cards, trailing fields and all)'],
  ['devices=500&failing=50', '500 devices (5,000 rows)'],
  ['failRows=Cisco Cloud Configuration,AMP Dynamic Analysis', 'two failing data types'],
  ['ui=fr', 'French menus and headings'],
  ['ui=ja', 'Japanese menus and headings'],
];

/** The alert list's other drawing. */
const GRID_VARIANT: readonly [query: string, label: string] = ['markup=grid', 'as an ARIA grid of divs'];

/** Links to every markup and its main variants, for people exploring the simulator. */
export function monitorIndexPage(ctx: UiContext): UiResponse {
  const path = '/health/monitor';
  return htmlResponse(
    200,
    page({
      title: 'Health Monitor',
      version: ctx.fleet().serverVersion,
      path,
      main: [
        h('h1', null, 'Health Monitor'),
        h(
          'p',
          null,
          'The simulator draws the health module Threat Data Updates on Devices in the forms of fmc-ui.md, ' +
            'the module detail first; the alert list also takes markup=grid. Negatives: ',
        ),
        h('ul', null, [
          h('li', null, [h('a', { href: '/help/cloud' }, 'help text')]),
          h('li', null, [h('a', { href: '/help/tac-note' }, 'a quoted TAC note')]),
          h('li', null, [h('a', { href: '/health/policy' }, 'the health policy')]),
          h('li', null, [h('a', { href: '/sim/busy' }, 'a busy page that is no health page')]),
        ]),
        ...MARKUPS.map((markup) => {
          const base = `${path}/${markup.name}`;
          const variants = markup.name === 'alerts' ? [...VARIANTS, GRID_VARIANT] : VARIANTS;
          // The legacy table and grid print the joined string too: they are listed as variants of form 5.
          const legacy = markup.name === 'table' || markup.name === 'grid';
          return h('section', null, [
            h('h2', null, `Form ${markup.form}${legacy ? ', variant' : ''}: ${markup.label}`),
            h(
              'ul',
              null,
              variants.map(([query, label]) =>
                h('li', null, [h('a', { href: query ? `${base}?${encodeURI(query)}` : base }, label)]),
              ),
            ),
          ]);
        }),
      ],
    }),
  );
}
