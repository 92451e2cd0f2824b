/** The text of a health alert as the Health Monitor prints it: `<module> - <dataType> - <status>`. */
export interface AlertMatcher {
  /** Knowledge-base id of the entry that explains this alert. */
  id: string;
  module: string;
  dataType: string;
  status: string;
}

export interface AlertRowMatch {
  /** Knowledge-base id. */
  id: string;
  /** The row-like element (table row, ARIA row, list item, card) that reports the alert. */
  row: Element;
  /** The smallest element whose text holds the whole alert string. */
  label: Element;
  /** Where the hint goes: inside the row (in a table, inside the label's cell). */
  anchor: Element;
}
