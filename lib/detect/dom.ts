/**
 * Node kinds by number: the code runs in a page's isolated world and under a DOM built by tests in another
 * realm, where `instanceof Element` or the `Node` global cannot be trusted.
 */
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;
export const DOCUMENT_NODE = 9;

/** TreeWalker filter for the nodes `textContent` is made of, so offsets in the one match the other. */
export const SHOW_TEXT_AND_CDATA = 0x4 | 0x8;

export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

export function isText(node: Node): node is CharacterData {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Collapses runs of white space (NBSP and zero-width space included) to one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u200b]+/g, ' ').trim();
}

/** Inline text-level tags: they continue the sentence around them instead of starting a box of their own. */
const PHRASING_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

export function isPhrasing(element: Element): boolean {
  return PHRASING_TAGS.has(element.localName);
}
