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
  ['devices=500&failing=50', '500 devices (5,000 rows)'],
  ['failRows=Cisco Cloud Configuration,AMP Dynamic Analysis', 'two failing data types'],
];

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
        h('p', null, 'The simulator draws the Health Monitor in three markups.'),
        ...MARKUPS.map((markup) => {
          const base = `${path}/${markup.name}`;
          return h('section', null, [
            h('h2', null, markup.label),
            h(
              'ul',
              null,
              VARIANTS.map(([query, label]) =>
                h('li', null, [h('a', { href: query ? `${base}?${encodeURI(query)}` : base }, label)]),
              ),
            ),
          ]);
        }),
      ],
    }),
  );
}
