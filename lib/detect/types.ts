/**
 * How a health check's result reads in a row: the data type's name followed by one of its result words
 * (`Cisco Cloud Configuration` | `Failure`), the module's name maybe first. Phrases come from the knowledge
 * base (`lib/knowledge/alerts.ts`).
 */
export interface AlertMatcher {
  /** Knowledge-base id of the entry that explains this alert. */
  id: string;
  /** Names of the health module; may precede the data type in the row, never required. */
  modules: readonly string[];
  dataType: string;
  /** The result words that report this alert (the failure words). */
  results: readonly string[];
}

export interface AlertRowMatch {
  /** Knowledge-base id. */
  id: string;
  /** The row-like element (table row, ARIA row, list item, card) that reports the alert. */
  row: Element;
  /** The smallest element whose text holds the data type and its result. */
  label: Element;
  /** Where the hint goes: inside the row (in a table, inside the cell of the result word). */
  anchor: Element;
}
