/**
 * Detection on random pages: random trees of boxes, tables, grids and lists with random classes and text around
 * real failing rows inserted at random places, in every supported markup (the seed's two cells, separate
 * fields, the joined string with or without the module's name) and with random case, white space, NBSP,
 * separator and failure-word variants. `findAlertRows` must find exactly the inserted rows that are shown,
 * never throw, and never take the noise (partial alert strings, other results, prose quoting the alert,
 * script text) for a row.
 *
 * The noise is negative by construction under the documented rules (lib/detect/find-rows.ts, prose.ts,
 * rows.ts): no noise text ends with a data type's name, and the only noise holding a data type followed by a
 * failure word is prose or unread text, so no concatenation of noise pieces can spell a failing row.
 */
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ALERT_DATA_TYPES, alertMatchers } from '../../lib/alert/alerts';
import { FAILURE_WORDS, HEALTH_MODULE_NAMES } from '../../lib/alert/phrases';
import { compileMatchers, findAlertRows, rowOf, rowStillMatches } from '../../lib/detect';
import { propertyConfig } from './config';

const config = propertyConfig(import.meta.url);
const compiled = compileMatchers(alertMatchers);
const DATA_TYPES = Object.entries(ALERT_DATA_TYPES) as [string, string][];

// ---------------------------------------------------------------------------------------------------------
// The alert string as a page may print it.

const SPACES = [' ', ' ', '\u00a0', '  ', '\t', '\n      ', ' \u00a0', '\u200b', '\u2009'] as const;
/** What separates the parts: a dash of any kind, a colon, or (with spaces around) nothing at all. */
const DASHES = ['-', '-', '\u2013', '\u2014', '\u2212', '\u2010', '\u2011', ':', ''] as const;
/** The module's names, or none (the bare `Cisco Cloud Configuration - Failure`). */
const MODULES = [...HEALTH_MODULE_NAMES, ''] as const;
const AROUND_DASH = ['', ' ', ' ', '\u00a0', '  ', '\n '] as const;
const EDGES = ['', '', ' ', '\n    ', '\u00a0'] as const;

interface AlertText {
  /** Index into DATA_TYPES. */
  type: number;
  /** Index into MODULES. */
  module: number;
  /** Index into FAILURE_WORDS. */
  word: number;
  /** One separator per gap between words, recycled. */
  spaces: string[];
  dashes: [string, string];
  aroundDash: [string, string, string, string];
  /** Per-character case flips, recycled; empty keeps the case. */
  flips: boolean[];
  edges: [string, string];
}

/** One of the strings, typed as a plain string. */
const oneOf = (values: readonly string[]): fc.Arbitrary<string> => fc.constantFrom(...values);

const alertTextArb: fc.Arbitrary<AlertText> = fc.record({
  type: fc.nat({ max: DATA_TYPES.length - 1 }),
  module: fc.nat({ max: MODULES.length - 1 }),
  word: fc.nat({ max: FAILURE_WORDS.length - 1 }),
  spaces: fc.array(oneOf(SPACES), { minLength: 1, maxLength: 6 }),
  dashes: fc.tuple(oneOf(DASHES), oneOf(DASHES)),
  aroundDash: fc.tuple(oneOf(AROUND_DASH), oneOf(AROUND_DASH), oneOf(AROUND_DASH), oneOf(AROUND_DASH)),
  flips: fc.oneof(fc.constant<boolean[]>([]), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 })),
  edges: fc.tuple(oneOf(EDGES), oneOf(EDGES)),
});

function words(phrase: string, spaces: readonly string[], offset: number): string {
  return phrase
    .split(' ')
    .map((word, i) => (i === 0 ? word : `${spaces[(offset + i) % spaces.length]}${word}`))
    .join('');
}

function flipCase(text: string, flips: readonly boolean[]): string {
  if (flips.length === 0) return text;
  return [...text]
    .map((char, i) => (flips[i % flips.length] ? char.toUpperCase() : char.toLowerCase()))
    .join('');
}

/** The three parts of the alert string, each with its own spacing and case; the module may be ''. */
function alertParts(alert: AlertText): [string, string, string] {
  const dataType = (DATA_TYPES[alert.type] as [string, string])[1];
  return [
    flipCase(words(MODULES[alert.module] ?? '', alert.spaces, 0), alert.flips),
    flipCase(words(dataType, alert.spaces, 3), alert.flips),
    flipCase(FAILURE_WORDS[alert.word] ?? 'Failure', alert.flips),
  ];
}

function separator(alert: AlertText, which: 0 | 1): string {
  const [a, b, c, d] = alert.aroundDash;
  const [before, dash, after] = which === 0 ? [a, alert.dashes[0], b] : [c, alert.dashes[1], d];
  // No dash and no space would glue two words into one.
  if (dash === '' && `${before}${after}`.trim() === `${before}${after}`) return ' ';
  // A colon reads "Module: Type: Failure", never " : " (kept simple: a colon takes no space before it).
  return dash === ':' ? `:${after || ' '}` : `${before}${dash}${after}`;
}

function alertString(alert: AlertText): string {
  const [module, dataType, status] = alertParts(alert);
  return `${module === '' ? '' : `${module}${separator(alert, 0)}`}${dataType}${separator(alert, 1)}${status}`;
}

// ---------------------------------------------------------------------------------------------------------
// Random pages.

type Hide = 'none' | 'hidden' | 'aria-hidden' | 'aria-hidden-false';

/** A real failing row, in one of the markups detection supports. */
interface AlertLeaf {
  kind: 'alert';
  markup:
    | 'tr'
    | 'tr-cells'
    | 'grid-cells'
    | 'tr-split'
    | 'grid-row'
    | 'li'
    | 'li-spans'
    | 'li-fields'
    | 'card-fields'
    | 'li-context'
    | 'li-two'
    | 'li-split'
    | 'card'
    | 'article'
    | 'role-listitem';
  text: AlertText;
  /** `li-context`: which short context (labelled-rows.html); `li-two`: the row's second alert. */
  context: number;
  second: AlertText;
  /** `*-split`: where the string is cut into pieces, and what wraps each piece (an inline tag, a comment). */
  split: { cuts: number[]; wraps: string[] };
  device: string;
  /** `*-cells`: the icon beside the result word, and whether the module's name has a cell of its own. */
  icon: 'none' | 'svg' | 'font' | 'img' | 'glyph';
  moduleCell: boolean;
  /** Hidden (or `aria-hidden="false"`, which hides nothing) on the row or on the element holding the text. */
  hide: { on: 'row' | 'label'; how: Hide };
  /**
   * `*-fields`: the row's other fields, each in an element of its own, before the label and after it (in the
   * row, or inside the label's element after the result word): anything at all, sentences included (issue 18).
   */
  fields: { before: Field[]; after: Field[]; inside: boolean };
}

interface Field {
  tag: string;
  text: string;
  /** Bare text between this field and the label or the next field. */
  sep: string;
}

interface NoiseText {
  kind: 'text';
  text: string;
}

interface Prose {
  kind: 'prose';
  template: number;
  text: AlertText;
  /** Templates 7 and 8: the words the result word runs on with, in its own run, and the fields after it. */
  runOn: string;
  fields: Field[];
}

interface Unread {
  kind: 'unread';
  tag: 'script' | 'style' | 'textarea' | 'noscript' | 'template' | 'hidden-div' | 'aria-hidden-span' | 'head';
  text: AlertText;
}

interface NoiseRow {
  kind: 'noise-row';
  markup: 'tr' | 'grid-row' | 'li' | 'card';
  cells: NoiseText[];
}

interface Box {
  kind: 'box';
  tag: string;
  cls: string;
  role: string;
  hide: Hide;
  children: PageNode[];
}

interface Table {
  kind: 'table';
  cls: string;
  hide: Hide;
  rows: (AlertLeaf | NoiseRow | NestedRow)[];
}

/** A failing table row with a table of rows in one of its cells: when an inner row is found, it is the row. */
interface NestedRow {
  kind: 'nested';
  outer: AlertLeaf;
  inner: Table;
}

interface Grid {
  kind: 'grid';
  cls: string;
  hide: Hide;
  rows: (AlertLeaf | NoiseRow)[];
}

interface List {
  kind: 'list';
  tag: 'ul' | 'ol';
  cls: string;
  hide: Hide;
  items: (AlertLeaf | NoiseRow | Prose)[];
}

type PageNode =
  | AlertLeaf
  | NoiseText
  | Prose
  | Unread
  | NoiseRow
  | Box
  | Table
  | Grid
  | List
  | { kind: 'comment' };

const DASH_CHARS = /[-\u2010-\u2015\u2212]/g;

/** Noise pieces: partial alert strings, other statuses and checks, words a Health Monitor shows. */
const NOISE_PIECES = [
  'Failure',
  'FAILURE',
  'Threat Data Updates',
  'Threat Data Updates on Devices',
  'Cisco Cloud Configuration - Success',
  'Cisco Cloud Configuration last run',
  'Success',
  'Critical',
  'Warning',
  '3 Failure',
  'fw-07',
  'Health Monitor',
  'Last run: 5 minutes ago',
  'Threat Data Updates - Cisco Cloud Configuration - Success',
  'Threat Data Updates - Cisco Cloud Configuration - Warning',
  'Threat Data Updates - Threat Configuration - Failure',
  'Threat Data Updates - SI URL Lists and Feeds - Recovered',
  'Threat Data Updates - Cisco Cloud Configuration - Failures',
  'Cisco Cloud Configurations Failure',
  'Disk Usage - Failure',
  'Failed',
  'Appliance Heartbeat: Failed to receive a heartbeat',
  'Threat Data Updates - Failure',
] as const;

const noiseTextArb: fc.Arbitrary<NoiseText> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NOISE_PIECES) },
    { weight: 1, arbitrary: fc.constantFrom(...NOISE_PIECES).map((p) => p.toUpperCase()) },
    { weight: 1, arbitrary: fc.lorem({ maxCount: 6 }) },
    // Random characters, dashes taken out: a lone "-" between two pieces could spell an alert.
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((s) => s.replace(DASH_CHARS, ' ')) },
  )
  .map((text) => ({ kind: 'text' as const, text }));

const hideArb: fc.Arbitrary<Hide> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('none' as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('hidden' as const, 'aria-hidden' as const, 'aria-hidden-false' as const),
  },
);

/** Class names, card words among them: a box named like a card is a row, around an inner row or not. */
const CLASSES = [
  '',
  '',
  'row',
  'col-md-6',
  'panel',
  'health-table',
  'card',
  'card-body',
  'alert',
  'alert-list',
  'message',
  'notification',
  'toast-container',
  'item',
  'item',
  'x-grid-row',
  'cell',
] as const;

/** What FMC-like rows print beside the alert in fields of their own: times, devices, statuses, or any words. */
const FIELD_TEXTS = [
  '3 min ago',
  '12 minutes ago',
  'just now',
  'May 14, 2025 09:41:07 UTC',
  '2025-05-14 09:41:07',
  '10:44',
  'FTD-SOUTH \u00b7 09:14',
  'ftd-7',
  'ftd-core-south-branch-01',
  'Critical',
  'Active',
  'Unacknowledged',
  'Failure',
  'the device could not reach the cloud for the last three runs',
] as const;

const fieldArb: fc.Arbitrary<Field> = fc.record({
  tag: fc.constantFrom('span', 'span', 'time', 'small', 'strong', 'em', 'a', 'abbr', 'div', 'p'),
  text: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...FIELD_TEXTS) },
    { weight: 1, arbitrary: fc.lorem({ maxCount: 10 }) },
  ),
  sep: fc.constantFrom('', ' ', ' ', ' \u00b7 ', ' | ', '\n      '),
});

const alertLeafArb = (markups: AlertLeaf['markup'][]): fc.Arbitrary<AlertLeaf> =>
  fc.record({
    kind: fc.constant('alert' as const),
    markup: fc.constantFrom(...markups),
    text: alertTextArb,
    context: fc.nat({ max: 2 }),
    second: alertTextArb,
    split: fc.record({
      cuts: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
      wraps: fc.array(fc.constantFrom('', 'span', 'b', 'em', 'a', 'code', 'font', 'comment'), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
    device: fc.constantFrom('fw-01', 'ftd-branch-0042', 'FTD 2130', '10.10.0.1', 'fw-ÉVRY-3'),
    icon: fc.constantFrom('none' as const, 'svg' as const, 'font' as const, 'img' as const, 'glyph' as const),
    moduleCell: fc.boolean(),
    fields: fc.record({
      before: fc.array(fieldArb, { maxLength: 3 }),
      after: fc.array(fieldArb, { minLength: 1, maxLength: 3 }),
      inside: fc.boolean(),
    }),
    hide: fc.record({
      on: fc.constantFrom('row' as const, 'label' as const),
      how: fc.oneof(
        { weight: 10, arbitrary: fc.constant('none' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('hidden' as const, 'aria-hidden' as const, 'aria-hidden-false' as const),
        },
      ),
    }),
  });

const PROSE_TEMPLATES = 9;
const proseArb: fc.Arbitrary<Prose> = fc.record({
  kind: fc.constant('prose' as const),
  template: fc.nat({ max: PROSE_TEMPLATES - 1 }),
  text: alertTextArb,
  // Any words: the first one right after the result word, in its run ("Failure to connect").
  runOn: fc.lorem({ maxCount: 6 }).filter((words) => /^\p{L}/u.test(words)),
  fields: fc.array(fieldArb, { maxLength: 3 }),
});

const unreadArb: fc.Arbitrary<Unread> = fc.record({
  kind: fc.constant('unread' as const),
  tag: fc.constantFrom(
    'script' as const,
    'style' as const,
    'textarea' as const,
    'noscript' as const,
    'template' as const,
    'hidden-div' as const,
    'aria-hidden-span' as const,
    'head' as const,
  ),
  text: alertTextArb,
});

const noiseRowArb = (markups: NoiseRow['markup'][]): fc.Arbitrary<NoiseRow> =>
  fc.record({
    kind: fc.constant('noise-row' as const),
    markup: fc.constantFrom(...markups),
    cells: fc.array(noiseTextArb, { minLength: 1, maxLength: 4 }),
  });

const clsArb = fc.constantFrom(...CLASSES);

const { page } = fc.letrec<{
  page: Box;
  node: PageNode;
  box: Box;
  table: Table;
  nested: NestedRow;
  grid: Grid;
  list: List;
}>((tie) => ({
  page: fc.record({
    kind: fc.constant('box' as const),
    tag: fc.constant('div'),
    cls: fc.constant('page'),
    role: fc.constant(''),
    hide: fc.constant('none' as const),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 6 }),
  }),
  node: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    { weight: 3, arbitrary: noiseTextArb },
    {
      weight: 3,
      arbitrary: alertLeafArb([
        'grid-row',
        'li',
        'li-spans',
        'li-fields',
        'card-fields',
        'li-context',
        'li-two',
        'li-split',
        'card',
        'article',
        'role-listitem',
      ]),
    },
    { weight: 1, arbitrary: proseArb },
    { weight: 1, arbitrary: unreadArb },
    { weight: 1, arbitrary: noiseRowArb(['grid-row', 'li', 'card']) },
    { weight: 1, arbitrary: fc.constant({ kind: 'comment' as const }) },
    { weight: 3, arbitrary: tie('box') },
    { weight: 2, arbitrary: tie('table') },
    { weight: 1, arbitrary: tie('grid') },
    { weight: 1, arbitrary: tie('list') },
  ),
  box: fc.record({
    kind: fc.constant('box' as const),
    tag: fc.constantFrom(
      'div',
      'div',
      'section',
      'article',
      'aside',
      'nav',
      'header',
      'footer',
      'form',
      'span',
      'p',
    ),
    cls: clsArb,
    role: fc.constantFrom('', '', '', 'region', 'group', 'presentation'),
    hide: hideArb,
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
  table: fc.record({
    kind: fc.constant('table' as const),
    cls: clsArb,
    hide: hideArb,
    rows: fc.array(
      fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        noiseRowArb(['tr']),
        alertLeafArb(['tr', 'tr-cells', 'tr-split']),
        tie('nested'),
      ),
      { maxLength: 6 },
    ),
  }),
  nested: fc.record({
    kind: fc.constant('nested' as const),
    outer: alertLeafArb(['tr']),
    inner: tie('table'),
  }),
  grid: fc.record({
    kind: fc.constant('grid' as const),
    cls: clsArb,
    hide: hideArb,
    rows: fc.array(fc.oneof(noiseRowArb(['grid-row']), alertLeafArb(['grid-row', 'grid-cells'])), {
      maxLength: 5,
    }),
  }),
  list: fc.record({
    kind: fc.constant('list' as const),
    tag: fc.constantFrom('ul' as const, 'ol' as const),
    cls: clsArb,
    hide: hideArb,
    items: fc.array(
      fc.oneof(
        noiseRowArb(['li']),
        alertLeafArb([
          'li',
          'li-spans',
          'li-fields',
          'card-fields',
          'li-context',
          'li-two',
          'li-split',
          'role-listitem',
        ]),
        proseArb,
      ),
      { maxLength: 5 },
    ),
  }),
}));

// ---------------------------------------------------------------------------------------------------------
// Building the page.

interface Expected {
  row: Element;
  label: Element;
  anchor: Element;
  id: string;
  shown: boolean;
}

const window = new Window({ url: 'https://fmc.example.com/ddd/' });
const doc = window.document as unknown as Document;

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): Element {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== '') element.setAttribute(name, value);
  element.append(...children);
  return element;
}

function applyHide(element: Element, hide: Hide): boolean {
  if (hide === 'hidden') element.setAttribute('hidden', '');
  if (hide === 'aria-hidden') element.setAttribute('aria-hidden', 'true');
  if (hide === 'aria-hidden-false') element.setAttribute('aria-hidden', 'false');
  return hide === 'hidden' || hide === 'aria-hidden';
}

/**
 * The alert string cut into pieces, even inside words, each piece bare or in an inline element, comments
 * between some: the page's text still holds the string (test/fixtures/detect/inline-split.html). There are
 * always two pieces or more, so the label is the element the pieces are put in.
 */
function splitPieces(text: string, split: AlertLeaf['split']): Node[] {
  const cuts = [...new Set(split.cuts.map((cut) => 1 + (cut % (text.length - 1))))].sort((a, b) => a - b);
  const bounds = [0, ...cuts, text.length];
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const piece = text.slice(bounds[i], bounds[i + 1]);
    const wrap = split.wraps[i % split.wraps.length] ?? '';
    if (wrap === 'comment') nodes.push(doc.createComment('x'));
    nodes.push(
      wrap === '' || wrap === 'comment'
        ? doc.createTextNode(piece)
        : el(wrap, wrap === 'a' ? { href: '#' } : {}, piece),
    );
  }
  return nodes;
}

function buildAlert(leaf: AlertLeaf, shownAbove: boolean, expected: Expected[]): Element {
  const text = alertString(leaf.text);
  const [lead, trail] = leaf.text.edges;
  // A row reporting two failures gets the knowledge base's first of them (DATA_TYPES is in its order).
  const type = leaf.markup === 'li-two' ? Math.min(leaf.text.type, leaf.second.type) : leaf.text.type;
  const id = (DATA_TYPES[type] as [string, string])[0];
  let row: Element;
  let label: Element;
  let anchor: Element;
  switch (leaf.markup) {
    case 'tr': {
      label = el('td', { class: 'alert' }, `${lead}${text}${trail}`);
      row = el('tr', {}, el('td', {}, leaf.device), label, el('td', {}, 'Critical'));
      anchor = label;
      break;
    }
    case 'tr-cells':
    case 'grid-cells': {
      // The seed's picture: the data type in one cell, the result word alone in the next, maybe beside an icon.
      const [module, dataType, word] = alertParts(leaf.text);
      const grid = leaf.markup === 'grid-cells';
      const cell = (...children: (Node | string)[]) =>
        grid ? el('div', { role: 'gridcell' }, ...children) : el('td', {}, ...children);
      const status = cell(...resultIcon(leaf.icon), `${lead}${word}${trail}`);
      row = el(
        grid ? 'div' : 'tr',
        grid ? { role: 'row' } : {},
        cell(leaf.device),
        ...(leaf.moduleCell && module !== '' ? [cell(module)] : []),
        cell(`${lead}${dataType}${trail}`),
        status,
      );
      label = row;
      anchor = status;
      break;
    }
    case 'tr-split': {
      const cell = el('td', {}, ...splitPieces(text, leaf.split));
      row = el('tr', {}, el('td', {}, leaf.device), cell);
      label = cell;
      anchor = cell;
      break;
    }
    case 'li-split': {
      row = el('li', {}, ...splitPieces(text, leaf.split));
      label = row;
      anchor = row;
      break;
    }
    case 'grid-row': {
      label = el('div', { role: 'gridcell' }, `${lead}${text}${trail}`);
      row = el(
        'div',
        { role: 'row', class: 'grid-row' },
        el('div', { role: 'gridcell' }, leaf.device),
        label,
      );
      anchor = label;
      break;
    }
    case 'li': {
      row = el('li', {}, `${lead}${text}${trail}`);
      label = row;
      anchor = row;
      break;
    }
    case 'li-spans': {
      label = el('span', { class: 'alert-text' }, text);
      row = el(
        'li',
        {},
        el('span', { class: 'device' }, leaf.device),
        ': ',
        label,
        ' ',
        el('span', { class: 'time' }, '2024-05-01 12:34'),
      );
      anchor = row;
      break;
    }
    case 'li-fields':
    case 'card-fields': {
      // The label in an element of its own among the row's other fields, before and after it: a list item, or
      // a card whose first block holds the alert and the next ones anything (issue 18).
      const { before, after, inside } = leaf.fields;
      const card = leaf.markup === 'card-fields';
      label = el(card ? 'div' : 'span', { class: 'alert-text' }, `${lead}${text}${trail}`);
      if (inside) label.append(...fieldNodes(after, 'after'));
      row = el(
        card ? 'div' : 'li',
        card ? { class: 'notification' } : {},
        ...fieldNodes(before, 'before'),
        label,
        ...(inside ? [] : fieldNodes(after, 'after')),
      );
      anchor = row;
      break;
    }
    case 'li-context': {
      // Labels with a little context are still rows (test/fixtures/detect/labelled-rows.html).
      row =
        leaf.context === 0
          ? el('li', {}, `Device ${leaf.device} reports ${text}`)
          : leaf.context === 1
            ? el('li', {}, `${text} (since 10:32)`)
            : el('li', {}, text, el('br'), 'Cloud unreachable since 10:32');
      label = row;
      anchor = row;
      break;
    }
    case 'li-two': {
      // Two failing checks in one row, on two lines: one match, with the knowledge base's first.
      row = el('li', {}, `${lead}${text}`, el('br'), alertString(leaf.second));
      label = row;
      anchor = row;
      break;
    }
    case 'card': {
      label = el('div', { class: 'notification__title' }, `${lead}${text}${trail}`);
      row = el(
        'div',
        { class: 'notification' },
        label,
        el('div', { class: 'notification__body' }, `Device ${leaf.device} could not reach the Cisco cloud.`),
      );
      anchor = row;
      break;
    }
    case 'article': {
      label = el('h3', {}, `${lead}${text}${trail}`);
      row = el('article', {}, label, el('p', {}, `${leaf.device}, since 10:32`));
      anchor = row;
      break;
    }
    case 'role-listitem': {
      label = el('div', { class: 'label' }, `${lead}${text}${trail}`);
      row = el('div', { role: 'listitem' }, label, el('div', {}, leaf.device));
      anchor = row;
      break;
    }
  }
  const hiddenHere = applyHide(leaf.hide.on === 'row' ? row : label, leaf.hide.how);
  expected.push({ row, label, anchor, id, shown: shownAbove && !hiddenHere });
  return row;
}

/** The fields as nodes, each in its element, with its separator on the label's side. */
function fieldNodes(fields: readonly Field[], side: 'before' | 'after'): (Node | string)[] {
  return fields.flatMap((field) => {
    const node = el(field.tag, {}, field.text);
    return side === 'before' ? [node, field.sep] : [field.sep, node];
  });
}

/** Icons an FMC-like page may put beside a status word: none of them is text between the words. */
function resultIcon(icon: AlertLeaf['icon']): (Node | string)[] {
  switch (icon) {
    case 'svg':
      return [el('svg', { class: 'icon' }, el('title', {}, 'Success'))];
    case 'font':
      return [el('i', { class: 'fa fa-times', 'aria-hidden': 'true' }, 'close'), ' '];
    case 'img':
      return [el('img', { src: 'data:,', alt: '', title: 'Critical' })];
    case 'glyph':
      return ['\u26a0 '];
    default:
      return [];
  }
}

function buildNoiseRow(noise: NoiseRow): Element {
  const cells = noise.cells.map((cell) => cell.text);
  switch (noise.markup) {
    case 'tr':
      return el('tr', {}, ...cells.map((text) => el('td', {}, text)));
    case 'grid-row':
      return el('div', { role: 'row' }, ...cells.map((text) => el('div', { role: 'gridcell' }, text)));
    case 'li':
      return el('li', {}, ...cells.map((text, i) => (i % 2 ? el('span', { class: 'badge' }, text) : text)));
    case 'card':
      return el('div', { class: 'card' }, ...cells.map((text) => el('div', { class: 'card-text' }, text)));
  }
}

/** Prose that quotes the alert: the help texts of test/fixtures/detect/prose.html, with any alert string. */
function buildProse(prose: Prose): Element {
  const alert = alertString(prose.text);
  switch (prose.template) {
    case 0:
      return el(
        'p',
        {},
        `The health alert ${alert} means that a managed device could not reach the Security Services Exchange.`,
      );
    case 1:
      return el('li', {}, 'When you see ', el('b', {}, alert), ', check DNS on the device.');
    case 2:
      return el('li', {}, `If ${alert} appears, check DNS.`);
    case 3:
      return el('li', {}, `Look for \u201c${alert}\u201d, then run it again.`);
    case 4:
      return el('li', {}, `${alert} means the device cannot reach the cloud.`);
    case 5:
      return el('li', {}, `${alert}: DNS, Proxy, Route, SSE Connector, CSSM Registration, Smart Licensing.`);
    case 6:
      return el(
        'div',
        { class: 'card' },
        el('div', { class: 'card-body' }, el('p', {}, `Tip: if ${alert} shows up, check the proxy.`)),
      );
    case 7:
      // The result word runs on in its own text ("Failure to connect ..."): prose, whatever fields follow.
      return el('li', {}, `${alert} ${prose.runOn}`, ...fieldNodes(prose.fields, 'after'));
    default:
      // The same with the label in an element of its own, the row's fields around it.
      return el(
        'li',
        {},
        ...fieldNodes(prose.fields, 'before'),
        el('span', { class: 'alert-text' }, `${alert}\u00a0${prose.runOn}.`),
        ...fieldNodes(prose.fields, 'after'),
      );
  }
}

function buildUnread(unread: Unread): Element {
  const alert = alertString(unread.text);
  switch (unread.tag) {
    case 'script':
      return el('script', { type: 'application/json' }, JSON.stringify({ title: alert }));
    case 'style':
      return el('style', {}, `/* ${alert} */ .x { color: red }`);
    case 'template':
      // Children appended through the DOM stay children of the template element, not its content: still unread.
      return el('template', {}, el('tr', {}, el('td', {}, alert)));
    case 'hidden-div':
      return el('div', { hidden: 'hidden' }, el('li', {}, alert));
    case 'aria-hidden-span':
      return el('li', {}, el('span', { 'aria-hidden': 'true' }, alert));
    case 'head':
      return el('head', {}, el('title', {}, alert));
    default:
      return el(unread.tag, {}, alert);
  }
}

function buildTableRow(row: Table['rows'][number], shown: boolean, expected: Expected[]): Element {
  if (row.kind === 'alert') return buildAlert(row, shown, expected);
  if (row.kind === 'noise-row') return buildNoiseRow(row);
  const outer = buildAlert(row.outer, shown, expected);
  // The row's own hiding (if any) applies to what it holds.
  const inner = shown && !outer.hasAttribute('hidden') && outer.getAttribute('aria-hidden') !== 'true';
  outer.append(el('td', {}, build(row.inner, inner, expected)));
  return outer;
}

/** The documented rule: of rows found, one that holds another found row is its container, not a row. */
function innermost(found: Expected[]): Expected[] {
  return found.filter((row) => !found.some((other) => other !== row && row.row.contains(other.row)));
}

function build(node: PageNode, shown: boolean, expected: Expected[]): Node {
  switch (node.kind) {
    case 'alert':
      return buildAlert(node, shown, expected);
    case 'text':
      return doc.createTextNode(node.text);
    case 'comment':
      return doc.createComment(' Threat Data Updates - Cisco Cloud Configuration - Failure ');
    case 'prose':
      return buildProse(node);
    case 'unread':
      return buildUnread(node);
    case 'noise-row':
      return buildNoiseRow(node);
    case 'box': {
      const box = el(node.tag, { class: node.cls, role: node.role });
      const inner = shown && !applyHide(box, node.hide);
      box.append(...node.children.map((child) => build(child, inner, expected)));
      return box;
    }
    case 'table': {
      const table = el('table', { class: node.cls });
      const inner = shown && !applyHide(table, node.hide);
      table.append(
        el('thead', {}, el('tr', {}, el('th', {}, 'Device'), el('th', {}, 'Alert'))),
        el('tbody', {}, ...node.rows.map((row) => buildTableRow(row, inner, expected))),
      );
      return table;
    }
    case 'grid': {
      const grid = el('div', { role: 'grid', class: node.cls });
      const inner = shown && !applyHide(grid, node.hide);
      grid.append(
        el(
          'div',
          { role: 'rowgroup' },
          ...node.rows.map((row) =>
            row.kind === 'alert' ? buildAlert(row, inner, expected) : buildNoiseRow(row),
          ),
        ),
      );
      return grid;
    }
    case 'list': {
      const list = el(node.tag, { class: node.cls });
      const inner = shown && !applyHide(list, node.hide);
      list.append(
        ...node.items.map((item) =>
          item.kind === 'alert'
            ? buildAlert(item, inner, expected)
            : item.kind === 'prose'
              ? buildProse(item)
              : buildNoiseRow(item),
        ),
      );
      return list;
    }
  }
}

function render(tree: Box): { all: Expected[]; shown: Expected[] } {
  const expected: Expected[] = [];
  doc.body.replaceChildren(build(tree, true, expected));
  // Document order: every expected row is an element under body.
  const order = new Map([...doc.body.querySelectorAll('*')].map((element, i) => [element, i]));
  expected.sort((a, b) => (order.get(a.row) ?? 0) - (order.get(b.row) ?? 0));
  return { all: expected, shown: innermost(expected.filter((row) => row.shown)) };
}

/** Short description of a page, for the failure message. */
function outline(): string {
  return doc.body.innerHTML.length > 4000 ? `${doc.body.innerHTML.slice(0, 4000)}…` : doc.body.innerHTML;
}

// ---------------------------------------------------------------------------------------------------------

describe('findAlertRows on random pages (property)', () => {
  it(
    'finds exactly the inserted failing rows that are shown, with their id, label and anchor',
    () => {
      let rowsSeen = 0;
      let hiddenSeen = 0;
      fc.assert(
        fc.property(page, (tree) => {
          const { all, shown } = render(tree);
          rowsSeen += shown.length;
          hiddenSeen += all.length - shown.length;
          const matches = findAlertRows(doc, compiled);
          expect(
            matches.map((match) => match.row),
            outline(),
          ).toEqual(shown.map((row) => row.row));
          matches.forEach((match, i) => {
            const want = shown[i] as Expected;
            expect(match.id).toBe(want.id);
            // The label holds the data type and its result: the expected element, or (split text) a piece in it.
            expect(want.label.contains(match.label), outline()).toBe(true);
            expect(match.anchor).toBe(want.anchor);
            expect(rowStillMatches(match, compiled)).toBe(true);
          });
        }),
        config.params(),
      );
      // The generator must actually exercise both sides.
      expect(rowsSeen).toBeGreaterThan(config.numRuns / 2);
      expect(hiddenSeen).toBeGreaterThan(0);
    },
    config.timeout(5),
  );

  it(
    'from any element as the root, finds the shown rows under it (a root inside a row: that row), no other',
    () => {
      fc.assert(
        fc.property(page, fc.nat(), (tree, pick) => {
          const { all } = render(tree);
          const elements = [...doc.body.querySelectorAll('*')];
          const root = elements[pick % elements.length] ?? doc.body;
          const matches = findAlertRows(root, compiled);
          // The documented widening: a changed piece of a row is read as its whole row.
          const scope = rowOf(root) ?? root;
          const want = innermost(all.filter((row) => row.shown && scope.contains(row.row))).map(
            (row) => row.row,
          );
          expect(
            matches.map((match) => match.row),
            outline(),
          ).toEqual(want);
        }),
        config.params(),
      );
    },
    config.timeout(5),
  );

  it(
    'never throws on arbitrary markup parsed from random HTML-ish text',
    () => {
      const tagArb = fc.constantFrom(
        'div',
        'tr',
        'td',
        'li',
        'ul',
        'table',
        'span',
        'b',
        'p',
        'script',
        'br',
      );
      const piece = fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...NOISE_PIECES),
        alertTextArb.map(alertString),
        tagArb.map((tag) => `<${tag} class="card" role="row">`),
        tagArb.map((tag) => `</${tag}>`),
        fc.constantFrom(
          '&nbsp;',
          '&ndash;',
          '<!--',
          '-->',
          '<![CDATA[',
          ']]>',
          '<br>',
          '<td hidden>',
          '<li aria-hidden=true>',
        ),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
          doc.body.innerHTML = pieces.join('');
          const matches = findAlertRows(doc, compiled);
          for (const match of matches) {
            expect(match.row.contains(match.label)).toBe(true);
            expect(match.row.contains(match.anchor)).toBe(true);
          }
        }),
        config.params(),
      );
    },
    config.timeout(2),
  );
});
