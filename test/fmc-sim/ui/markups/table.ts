import { h } from '../html';
import { say, type UiWord } from '../i18n';
import { alertString, failingRowReports, MODULE_TITLE } from '../rows';
import { isoLike } from '../time';
import type { Markup } from './markup';

const COLUMNS: UiWord[] = ['Device', 'Module', 'Alert', 'Status', 'Time'];

/**
 * A classic table, the whole joined alert string in one cell: form 5 of fmc-ui.md (the least certain one: no
 * public source shows a page printing the joined string, section 2).
 */
export const tableMarkup: Markup = {
  name: 'table',
  form: 5,
  label: 'Classic table (the joined string in one cell)',
  reports: (model) => failingRowReports(model.rows),
  rows: (model) =>
    h(
      'tbody',
      { id: 'healthAlertRows' },
      model.rows.map((row) => {
        const status = row.status === 'Failure' ? 'status-failure' : 'status-success';
        return h('tr', { class: `health-row ${status}` }, [
          h('td', { class: 'device' }, row.device),
          h('td', { class: 'module' }, MODULE_TITLE),
          h('td', { class: 'alert' }, alertString(row)),
          h('td', { class: `status ${status}` }, row.status),
          h('td', { class: 'time' }, isoLike(row.time)),
        ]);
      }),
    ),
  wrap: (rows, { lang }) =>
    h('table', { class: 'health-table', id: 'healthAlertTable' }, [
      h('thead', null, [
        h(
          'tr',
          null,
          COLUMNS.map((column) => h('th', { scope: 'col' }, say(column, lang))),
        ),
      ]),
      rows,
    ]),
};
