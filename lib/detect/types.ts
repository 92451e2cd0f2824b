export type { AlertMatcher } from '../alert/alerts';

export interface AlertRowMatch {
  /** Knowledge-base id. */
  id: string;
  /** The row-like element (table row, ARIA row, list item, card) that reports the alert. */
  row: Element;
  /** The smallest element whose text holds the data type and its result. */
  label: Element;
  /** Where the hint goes: inside the row (in a table, inside the cell of the result word). */
  anchor: Element;
  /**
   * What the hint follows inside `anchor`: the result word's text, or the inline element around it (issue 19:
   * a description may hold several results, one per line split by `<br>`; the hint goes right after the
   * failing line, never at the end of the cell after another line).
   */
  after: Node;
}
