import { isPhrasing } from './dom';

const ROW_TAGS = new Set(['tr', 'li']);
/**
 * Boxes that are rows only while they are small: an `<article>`, a card, a repeated box. A help article or a
 * page section holding the alert's words is a document, not one alert (a TAC note quoted in a help page).
 */
const BOX_TAGS = new Set(['article']);
const MAX_BOX_TEXT = 1000;
const ROW_ROLES = new Set(['row', 'listitem', 'alert', 'status']);
const CELL_TAGS = new Set(['td', 'th']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);
/** Page-level elements: reaching them means the text is not in any row. */
const TOP_TAGS = new Set(['html', 'body', 'main']);

/** Class words that name a card, as a whole or as its block name (`alert-danger`, `health-alert`). */
const CARD_WORDS = new Set(['card', 'alert', 'notification', 'toast', 'message']);
/** Class words that, after a card word, name a piece of a card or a set of cards (`card-title`, `alert-list`). */
const PART_WORDS = new Set([
  'actions',
  'area',
  'badge',
  'body',
  'button',
  'center',
  'close',
  'container',
  'content',
  'date',
  'details',
  'footer',
  'group',
  'header',
  'heading',
  'icon',
  'list',
  'meta',
  'panel',
  'text',
  'time',
  'title',
  'wrapper',
]);

/** The nearest ancestor-or-self of the label that is one row, list item or card, or null if there is none. */
export function rowOf(label: Element): Element | null {
  for (let element: Element | null = label; element; element = element.parentElement) {
    if (TOP_TAGS.has(element.localName)) return null;
    if (isRow(element)) return element;
  }
  return null;
}

/**
 * Where the hint goes: the table or grid cell holding the result word, else the cell holding the whole label,
 * else the label's parent within the row.
 */
export function anchorOf(result: Element, label: Element, row: Element): Element {
  for (let element: Element | null = result; element && element !== row; element = element.parentElement) {
    if (isCell(element)) return element;
  }
  return label === row ? row : (label.parentElement ?? row);
}

/**
 * The node the hint follows: the result word's text node, or the outermost inline element around it below a
 * box or the anchor (`<b>Failure</b>`, a status pill `<span class="badge">Failure</span>`, a link), so that
 * the hint never lands inside a pill or a link and sits before the `<br>` that ends the line. The page's text
 * nodes are never split (a framework may hold them).
 */
export function hintAfter(text: Node, anchor: Element): Node {
  let node = text;
  for (let up = node.parentElement; up && up !== anchor && isPhrasing(up); up = up.parentElement) node = up;
  return node;
}

/** Quoted material (a quotation, a code listing, a figure of a help article): it shows an alert, never raises one. */
const QUOTED = 'blockquote, pre, figure, q';

export function isQuoted(element: Element): boolean {
  return element.closest(QUOTED) !== null;
}

function isRow(element: Element): boolean {
  if (ROW_TAGS.has(element.localName) || ROW_ROLES.has(roleOf(element))) return true;
  // A cell is never the row: its row is further up.
  if (isCell(element)) return false;
  const box =
    BOX_TAGS.has(element.localName) || [...element.classList].some(isCardClass) || isRepeated(element);
  return box && (element.textContent?.length ?? 0) <= MAX_BOX_TEXT;
}

function isCell(element: Element): boolean {
  return CELL_TAGS.has(element.localName) || CELL_ROLES.has(roleOf(element));
}

/** The first role token, the one a browser honours. */
function roleOf(element: Element): string {
  return (element.getAttribute('role') ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
}

function isCardClass(token: string): boolean {
  // A BEM element (`notification__title`) is a piece of its block, never the block.
  if (token.includes('__')) return false;
  const words = token
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_]+/);
  const at = words.findIndex((word) => CARD_WORDS.has(word));
  if (at < 0) return false;
  const next = words[at + 1];
  return next === undefined || !PART_WORDS.has(next);
}

/**
 * One of a run of same-looking boxes (same tag and class as a neighbour): a list of items drawn with divs.
 * Inline elements and class-less boxes repeat for layout reasons too, so they do not count.
 */
function isRepeated(element: Element): boolean {
  const className = element.getAttribute('class')?.trim();
  if (!className || isPhrasing(element)) return false;
  const sameLook = (other: Element | null) =>
    other !== null &&
    other.localName === element.localName &&
    other.getAttribute('class')?.trim() === className;
  return sameLook(element.previousElementSibling) || sameLook(element.nextElementSibling);
}
