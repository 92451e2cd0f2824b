import { CLOUD_CONFIGURATION, type SimFleet } from '../fleet';
import type { UiLang } from './i18n';
import { MARKUPS, type Markup } from './markups';
import { type FailureReport, monitorModel } from './rows';

/**
 * What a test should find on a Health Monitor page, computed from the same data the page is drawn from, so
 * that tests need not hard-code per-form counts: each form puts failures in rows or items of its own (one per
 * failing result in the detail table and the events, one per alert whose description may list several, one
 * per message...).
 */
export interface PageOptions {
  /** The `failRows` switch. */
  failRows?: readonly string[];
  /** The `markup` switch (the alert list). */
  markup?: 'table' | 'grid';
  /** The `ui` switch: the rows and their number do not depend on it. */
  ui?: UiLang;
}

/** The names of the forms, for `/health/monitor/<form>`: the five of fmc-ui.md, then the legacy table and grid. */
export const FORM_NAMES: readonly string[] = MARKUPS.map((markup) => markup.name);

function markupOf(form: string): Markup {
  const markup = MARKUPS.find((candidate) => candidate.name === form);
  if (!markup) throw new Error(`No such form: ${form} (forms: ${FORM_NAMES.join(', ')})`);
  return markup;
}

/** Every row or item of the page that reports a failure, in page order, with its device and data types. */
export function failureReports(form: string, fleet: SimFleet, options: PageOptions = {}): FailureReport[] {
  const model = monitorModel(fleet, options.failRows);
  return markupOf(form).reports(model, { lang: options.ui ?? 'en', markup: options.markup ?? 'table' });
}

/**
 * The rows or items of the page that report a Cisco Cloud Configuration failure (the ones the extension must
 * annotate): how many, and the device named by each, in page order.
 */
export function cloudConfigurationFailures(
  form: string,
  fleet: SimFleet,
  options: PageOptions = {},
): { rows: number; devices: string[] } {
  const devices = failureReports(form, fleet, options)
    .filter((report) => report.dataTypes.includes(CLOUD_CONFIGURATION))
    .map((report) => report.device);
  return { rows: devices.length, devices };
}
