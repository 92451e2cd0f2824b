import { MODULE_NAME } from '../../fleet';
import { h } from '../html';
import { say, type UiWord } from '../i18n';
import { failingRowReports } from '../rows';
import { spelledOut } from '../time';
import type { Markup } from './markup';

const COLUMNS: UiWord[] = ['Device', 'Alert', 'Status', 'Last Update'];

/**
 * An ARIA grid of divs, as a single-page app draws it: the alert string is split across spans and joined by
 * en dashes, one of them after a no-break space, so only a text-level, whitespace-tolerant match finds it.
 */
export const gridMarkup: Markup = {
  name: 'grid',
  form: 5,
  label: 'ARIA grid (the joined string split in spans)',
  reports: (model) => failingRowReports(model.rows),
  rows: (model) =>
    h(
      'div',
      { role: 'rowgroup', class: 'hmGridBody', id: 'hmGridBody' },
      model.rows.map((row, index) => {
        const failed = row.status === 'Failure';
        const statusClass = failed ? 'isFailure' : 'isSuccess';
        return h(
          'div',
          { role: 'row', class: `hmGridRow ${statusClass}`, 'aria-rowindex': String(index + 2) },
          [
            h('div', { role: 'gridcell', class: 'hmGridCell hmDevice' }, row.device),
            h('div', { role: 'gridcell', class: 'hmGridCell hmAlert' }, [
              h('span', { class: 'hmToken' }, MODULE_NAME),
              '\u00a0\u2013 ',
              h('span', { class: 'hmToken' }, row.dataType),
              ' \u2013 ',
              h('span', { class: `hmToken ${statusClass}` }, row.status),
            ]),
            h('div', { role: 'gridcell', class: 'hmGridCell' }, [
              h('span', { class: `hmBadge ${statusClass}` }, row.status),
            ]),
            h('div', { role: 'gridcell', class: 'hmGridCell hmTime' }, [
              h('time', { datetime: row.time.toISOString() }, spelledOut(row.time)),
            ]),
          ],
        );
      }),
    ),
  wrap: (rows, { lang }) =>
    h('div', { role: 'grid', class: 'hmGrid', id: 'hmGrid', 'aria-label': say('Health alerts', lang) }, [
      h('div', { role: 'rowgroup', class: 'hmGridHead' }, [
        h(
          'div',
          { role: 'row', class: 'hmGridRow', 'aria-rowindex': '1' },
          COLUMNS.map((column) => h('div', { role: 'columnheader', class: 'hmGridCell' }, say(column, lang))),
        ),
      ]),
      rows,
    ]),
};
