import { useId, useState } from 'preact/hooks';
import type { DeviceDiagnosis } from '../../lib/diagnose';
import { DEVICE_TEXT } from '../../lib/diagnose/device-text';
import { MD_TEXT, VERDICT_LABELS } from '../../lib/diagnose/markdown-text';
import type { Lang } from '../../lib/i18n';
import { type WatchEntry, watchState } from '../../lib/protocol/watch';
import { WatchStateTag } from '../common/DeviceActions';
import { VerdictBadge } from '../diagnosis/VerdictBadge';
import { t, tn } from '../i18n';
import {
  dnsCell,
  proxyCell,
  ROW_LIMIT,
  type SortKey,
  type TableQuery,
  toggleSort,
  type VerdictFilter,
  verdictChoices,
  visibleDevices,
} from './table-model';

export interface FleetTableProps {
  devices: readonly DeviceDiagnosis[];
  query: TableQuery;
  onQuery(query: TableQuery): void;
  selectedId: string | null;
  onSelect(deviceId: string): void;
  /** The devices watched until their alert clears (and watches ended the last day), tagged in their row. */
  watched?: Readonly<Record<string, WatchEntry>>;
  lang: Lang;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; label: (lang: Lang) => string }> = [
  { key: 'verdict', label: (lang) => MD_TEXT.colVerdict[lang] },
  { key: 'name', label: () => t('reportColDevice') },
  { key: 'version', label: (lang) => MD_TEXT.colVersion[lang] },
  { key: 'dns', label: (lang) => MD_TEXT.colDns[lang] },
  { key: 'proxy', label: (lang) => MD_TEXT.colProxy[lang] },
];

/**
 * Every device with its verdict, sortable by any column (header buttons, `aria-sort`) and filtered by verdict
 * and by text. A row opens the device's details on click, Enter or Space; the arrow keys move between rows, and
 * only one row is in the Tab order so the table is one stop on the way through the page.
 */
export function FleetTable({
  devices,
  query,
  onQuery,
  selectedId,
  onSelect,
  watched = {},
  lang,
}: FleetTableProps) {
  const ids = { verdict: useId(), text: useId(), help: useId() };
  const [showAll, setShowAll] = useState(false);
  const matching = visibleDevices(devices, query);
  const rows = showAll ? matching : matching.slice(0, ROW_LIMIT);
  const tabStop = rows.some((d) => d.id === selectedId) ? selectedId : (rows[0]?.id ?? null);
  const choices = verdictChoices(devices, query.verdict);

  const onKeyDown = (event: KeyboardEvent, device: DeviceDiagnosis) => {
    const row = event.currentTarget as HTMLTableRowElement;
    const move = (target: Element | null | undefined) => {
      event.preventDefault();
      (target as HTMLElement | null)?.focus();
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(device.id);
    } else if (event.key === 'ArrowDown') move(row.nextElementSibling);
    else if (event.key === 'ArrowUp') move(row.previousElementSibling);
    else if (event.key === 'Home') move(row.parentElement?.firstElementChild);
    else if (event.key === 'End') move(row.parentElement?.lastElementChild);
  };

  return (
    <div class="fleet-table">
      <div class="filters">
        <label for={ids.verdict}>{t('reportFilterVerdict')}</label>
        <select
          id={ids.verdict}
          value={query.verdict}
          onChange={(event) => onQuery({ ...query, verdict: event.currentTarget.value as VerdictFilter })}
        >
          {choices.map(({ value, count }) => (
            <option key={value} value={value}>
              {value === 'all'
                ? t('reportAllVerdicts')
                : value === 'failing'
                  ? t('reportAllFailing')
                  : VERDICT_LABELS[value][lang]}{' '}
              ({count})
            </option>
          ))}
        </select>
        <label for={ids.text}>{t('reportFilterText')}</label>
        <input
          id={ids.text}
          type="search"
          value={query.text}
          onInput={(event) => onQuery({ ...query, text: event.currentTarget.value })}
        />
        <span class="muted" role="status">
          {tn('reportShown', devices.length, String(rows.length))}
        </span>
      </div>
      <p id={ids.help} class="muted small">
        {t('reportTableHelp')}
      </p>
      <table aria-describedby={ids.help}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={query.sort === column.key ? query.direction : undefined}
                data-column={column.key}
              >
                <button type="button" class="sort" onClick={() => onQuery(toggleSort(query, column.key))}>
                  {column.label(lang)}
                  <span class="sort-mark" aria-hidden="true">
                    {query.sort !== column.key ? '↕' : query.direction === 'ascending' ? '▲' : '▼'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((device) => (
            <tr
              key={device.id}
              data-device-id={device.id}
              data-verdict={device.verdict}
              class={device.id === selectedId ? 'selected' : undefined}
              aria-current={device.id === selectedId ? 'true' : undefined}
              tabIndex={device.id === tabStop ? 0 : -1}
              onClick={() => onSelect(device.id)}
              onKeyDown={(event) => onKeyDown(event, device)}
            >
              <td>
                <VerdictBadge verdict={device.verdict} />
              </td>
              <td class="name">
                {device.name || device.id}
                {Object.hasOwn(watched, device.id) && (
                  <>
                    {' '}
                    <WatchStateTag
                      state={watchState(watched[device.id] as WatchEntry)}
                      since={watched[device.id]?.unchecked?.since}
                      lang={lang}
                      class="tag watching"
                    />
                  </>
                )}
              </td>
              <td>{device.version}</td>
              <td>{notReadHealthy(device) ? <NotRead lang={lang} /> : dnsCell(device, lang)}</td>
              <td>
                {notReadHealthy(device) && !device.proxy ? <NotRead lang={lang} /> : proxyCell(device, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {matching.length === 0 && <p class="muted">{t('reportNoMatch')}</p>}
      {matching.length > rows.length && (
        <p>
          <button type="button" class="show-all" onClick={() => setShowAll(true)}>
            {tn('reportShowAll', matching.length)}
          </button>
        </p>
      )}
    </div>
  );
}

/**
 * A healthy device whose `show network` was not read (most of a fleet: only failing devices and a few peers are
 * read): its cells say so with a dash, so that "not read" does not fill the table (issue 19). A failing device
 * not read keeps the words: there it is something to act on.
 */
const notReadHealthy = (device: DeviceDiagnosis) => device.verdict === 'healthy' && !device.managementDns;

/** "—", read by screen readers as "not read". */
function NotRead({ lang }: { lang: Lang }) {
  return (
    <span class="not-read" data-not-read="true" title={DEVICE_TEXT.notRead[lang]}>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{DEVICE_TEXT.notRead[lang]}</span>
    </span>
  );
}
