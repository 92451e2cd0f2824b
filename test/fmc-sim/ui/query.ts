import { DATA_TYPES, type FleetOptions } from '../fleet';
import { UI_LANGS, type UiLang } from './i18n';

/** 20,000 rows: enough for any benchmark, small enough that a typo cannot exhaust memory. */
export const MAX_DEVICES = 2000;
const MAX_DELAY_MS = 600_000;

/** The switches of the Health Monitor pages (see the reference table in the report / README). */
export interface MonitorQuery {
  /** Fleet options that override the current fleet for this render only; null: use the current fleet. */
  fleet: FleetOptions | null;
  /** Data types that fail on failing devices; null: what the fleet says (Cisco Cloud Configuration). */
  failRows: string[] | null;
  /** Rows arrive this many ms after load, built by the page's script. */
  late: number | null;
  /** The rows container is rebuilt once, this many ms after the rows are in place. */
  rerender: number | null;
  /** Embed the page in a same-origin iframe. */
  frame: boolean;
  /** Content only, no header or menu: what the iframe shows. */
  bare: boolean;
  /** The UI's language: menus, headings, column names; module, data-type and result strings stay English. */
  ui: UiLang;
  /** Forms that can be drawn both ways (the alert list): a `<table>` or an ARIA grid of divs. */
  markup: 'table' | 'grid';
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

class QueryError extends Error {}

export function parseMonitorQuery(params: URLSearchParams): Parsed<MonitorQuery> {
  try {
    const fleet = definedOnly({
      devices: integer(params, 'devices', 0, MAX_DEVICES),
      failing: integer(params, 'failing', 0, MAX_DEVICES),
      seed: integer(params, 'seed', 0, 2 ** 32 - 1),
      integration: flag(params, 'integration'),
      hostileNames: flag(params, 'hostile'),
      serverVersion: version(params),
    });
    return {
      ok: true,
      value: {
        fleet: Object.keys(fleet).length > 0 ? fleet : null,
        failRows: failRows(params),
        late: integer(params, 'late', 0, MAX_DELAY_MS) ?? null,
        rerender: integer(params, 'rerender', 0, MAX_DELAY_MS) ?? null,
        frame: flag(params, 'frame') ?? false,
        bare: flag(params, 'bare') ?? false,
        ui: oneOf(params, 'ui', UI_LANGS) ?? 'en',
        markup: oneOf(params, 'markup', ['table', 'grid'] as const) ?? 'table',
      },
    };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    throw error;
  }
}

/** The query without `frame`, for the iframe's own URL. */
export function framedQuery(params: URLSearchParams): string {
  const inner = new URLSearchParams(params);
  inner.delete('frame');
  inner.set('bare', '1');
  return inner.toString();
}

function integer(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max))
    throw new QueryError(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

const TRUE = new Set(['', '1', 'true', 'on', 'yes']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

function flag(params: URLSearchParams, name: string): boolean | undefined {
  const raw = params.get(name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new QueryError(`${name} must be on or off (1/0, true/false)`);
}

function oneOf<T extends string>(params: URLSearchParams, name: string, values: readonly T[]): T | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  if (!(values as readonly string[]).includes(raw))
    throw new QueryError(`${name} must be one of ${values.join(', ')}`);
  return raw as T;
}

function version(params: URLSearchParams): string | undefined {
  const raw = params.get('version');
  if (raw === null) return undefined;
  if (!/^\d{1,2}(\.\d{1,3}){0,3}$/.test(raw)) throw new QueryError('version must look like 7.4.1');
  return raw;
}

function failRows(params: URLSearchParams): string[] | null {
  const raw = params.get('failRows');
  if (raw === null) return null;
  const known = new Map<string, string>(DATA_TYPES.map((type) => [type.toLowerCase(), type]));
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !known.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw new QueryError(`failRows takes data type names among: ${[...known.values()].join(', ')}`);
  }
  return names.map((name) => known.get(name.toLowerCase()) ?? name);
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** `/sim/busy`: a big, busy page that is no health page (for the content script's cost where nothing matches). */
export interface BusyQuery {
  rows: number;
  /** Rows replaced by new ones on each tick. */
  churn: number;
  /** Milliseconds between ticks. */
  every: number;
  /** How long it churns, in ms; then `document.body.dataset.churnDone` is set. */
  duration: number;
}

export function parseBusyQuery(params: URLSearchParams): Parsed<BusyQuery> {
  try {
    const rows = integer(params, 'rows', 1, 50_000) ?? 10_000;
    return {
      ok: true,
      value: {
        rows,
        churn: Math.min(integer(params, 'churn', 0, 50_000) ?? 200, rows),
        every: integer(params, 'every', 10, 60_000) ?? 100,
        duration: integer(params, 'duration', 0, MAX_DELAY_MS) ?? 10_000,
      },
    };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, error: error.message };
    throw error;
  }
}
