import type { VElement } from '../html';
import type { UiLang } from '../i18n';
import type { MonitorModel } from '../rows';

/** How a page is drawn beyond its fleet: the UI's language, and for the alert list a table or a grid. */
export interface RenderOptions {
  lang: UiLang;
  markup: 'table' | 'grid';
}

/** One way of drawing the Health Monitor. The extension must find the alerts in each without markup hints. */
export interface Markup {
  /** Last segment of the page path: `/health/monitor/<name>`. */
  name: string;
  /** What the index page calls it. */
  label: string;
  /** The element that holds the rows, with an id: the late switch fills it. */
  rows(model: MonitorModel, options: RenderOptions): VElement;
  /** The whole widget around it (headers included), with an id: the re-render switch swaps it. */
  wrap(rows: VElement, options: RenderOptions): VElement;
}
