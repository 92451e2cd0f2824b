import type { VElement } from '../html';
import type { UiLang } from '../i18n';
import type { FailureReport, MonitorModel } from '../rows';

/** How a page is drawn beyond its fleet: the UI's language, and for the alert list a table or a grid. */
export interface RenderOptions {
  lang: UiLang;
  markup: 'table' | 'grid';
}

/** One way of drawing the Health Monitor. The extension must find the alerts in each without markup hints. */
export interface Markup {
  /** Last segment of the page path: `/health/monitor/<name>`. */
  name: string;
  /** Which form of fmc-ui.md section 6 it draws (1: the module detail ... 5: the joined or bare string). */
  form: 1 | 2 | 3 | 4 | 5;
  /** What the index page calls it. */
  label: string;
  /** The element that holds the rows, with an id: the late switch fills it. */
  rows(model: MonitorModel, options: RenderOptions): VElement;
  /** The whole widget around it (headers included), with an id: the re-render switch swaps it. */
  wrap(rows: VElement, options: RenderOptions): VElement;
  /**
   * The rows or items that report a failure, in page order, from the same data the rows are drawn from: what
   * tests expect to find (`expect.ts`).
   */
  reports(model: MonitorModel, options: RenderOptions): FailureReport[];
}
