import type { VElement } from '../html';
import type { MonitorModel } from '../rows';

/** One way of drawing the Health Monitor. The extension must find the alerts in each without markup hints. */
export interface Markup {
  /** Last segment of the page path: `/health/monitor/<name>`. */
  name: string;
  /** What the index page calls it. */
  label: string;
  /** The element that holds the rows, with an id: the late switch fills it. */
  rows(model: MonitorModel): VElement;
  /** The whole widget around it (headers included), with an id: the re-render switch swaps it. */
  wrap(rows: VElement): VElement;
}
