/**
 * The words the FMC prints for the health module "Threat Data Updates on Devices": its names, its data types
 * and their result words, written once. The page detection (`lib/detect`) and the REST side's "is this alert a
 * Cloud Configuration failure" (./rest.ts) both read them, so the page and the API agree.
 *
 * Sources: the TAC note's only screenshot (`../shared/seed`, fmc-ui.md section 1) is a `Data Type | Status`
 * table whose failing row reads `Cisco Cloud Configuration` | `Failure`; Cisco's prose writes
 * `Threat Data Updates - Cisco Cloud Configuration - Failure` and `Cisco Cloud Configuration - Failure`;
 * the module is spelled in full, `Threat Data Updates on Devices`, in the health policy (fmc-ui.md section 3).
 * Whether FMC translates these strings is unknown (section 5): Cisco's translated notes keep them in English,
 * so they are matched in English whatever the UI's language.
 */

/** The module's names, longest first: the full name, and the short one Cisco's prose uses. */
export const HEALTH_MODULE_NAMES = ['Threat Data Updates on Devices', 'Threat Data Updates'] as const;

/**
 * Result words that mean the data type's check failed. `Failure` is the seed's; `Failed` is accepted too
 * (issue 8: releases and views may word it so). Severities (Critical, Warning...) are not results.
 */
export const FAILURE_WORDS = ['Failure', 'Failed'] as const;

/** The seed's result word for a check that passes (its table's other rows). Not a failure; read as a result. */
export const SUCCESS_WORD = 'Success';

/** The seed's ten rows, in its order ("URL Category and Reputation" really appears twice). */
export const SEED_DATA_TYPES = [
  'SI URL Lists and Feeds',
  'URL Category and Reputation',
  'Threat Configuration',
  'SI SHA Lists (from TID)',
  'SI Network Lists and Feeds',
  'Local Malware Analysis Signatures',
  'Cisco Cloud Configuration',
  'SI DNS Lists and Feeds',
  'URL Category and Reputation',
  'AMP Dynamic Analysis',
] as const;

/** White space as a page may print it: JS `\s` covers NBSP and the other Unicode spaces; plus zero-width. */
export const SPACE = '[\\s\\u200b]';
/** Hyphen-minus, the Unicode hyphens and dashes (en, em...) and the minus sign, all read as the same dash. */
export const DASH = '[-\\u2010-\\u2015\\u2212]';
const DASH_CHAR = /[-\u2010-\u2015\u2212]/g;

/**
 * What may stand between a data type and its result: white space (a cell boundary or a line break reads as
 * white space), a dash or a colon, and icon glyphs (symbols, icon fonts' private-use characters).
 */
export const GAP = '[\\s\\u200b:\\-\\u2010-\\u2015\\u2212\\u2190-\\u2bff\\ue000-\\uf8ff]';

/** The phrase's words as a pattern source, joined by any white space, dashes read as any dash; '' for blank. */
export function phraseSource(phrase: string): string {
  const words = phrase.trim();
  if (words === '') return '';
  return words
    .split(/[\s\u200b]+/)
    .map((word) => word.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(DASH_CHAR, DASH))
    .join(`${SPACE}+`);
}

/** Whether a result word is one of the failure words (case does not matter). */
export function isFailureWord(word: string): boolean {
  const lower = word.trim().toLowerCase();
  return FAILURE_WORDS.some((failure) => failure.toLowerCase() === lower);
}

/** One data type named in a text, with the word that follows it (null: none, the line ends there). */
export interface DataTypeResult {
  /** The data type as the seed spells it. */
  dataType: string;
  result: string | null;
  failing: boolean;
}

const DATA_TYPE_GROUPS = [...new Set(SEED_DATA_TYPES)];
// Pure: a bundle that never reads it (the content script) drops it.
const RESULT_IN_TEXT = /* @__PURE__ */ new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${DATA_TYPE_GROUPS.map((type) => `(${phraseSource(type)})`).join('|')})(?![\\p{L}\\p{N}])` +
    `(?:${GAP}*(\\p{L}+))?`,
  'giu',
);

/**
 * The data types a text names and their results, in order: `Cisco Cloud Configuration - Failure<br>SI URL
 * Lists and Feeds - Success` gives two. Lines (`<br>`, new lines) are read apart, so a result is never taken
 * from the next line. For API texts (alert details, names); pages are read by `lib/detect` with the same words.
 */
export function dataTypeResults(text: string): DataTypeResult[] {
  const results: DataTypeResult[] = [];
  for (const line of text.split(/<br\s*\/?>|[\r\n]+/i)) {
    for (const match of line.matchAll(RESULT_IN_TEXT)) {
      const index = match.slice(1, DATA_TYPE_GROUPS.length + 1).findIndex((group) => group !== undefined);
      const dataType = DATA_TYPE_GROUPS[index];
      if (!dataType) continue;
      const result = match[DATA_TYPE_GROUPS.length + 1] ?? null;
      results.push({ dataType, result, failing: result !== null && isFailureWord(result) });
    }
  }
  return results;
}
