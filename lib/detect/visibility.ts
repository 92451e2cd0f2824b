/** Set by the extension on each hint it inserts: their text is ours, not the page's. */
export const HINT_ATTRIBUTE = 'data-fmc-hint';

/**
 * Elements whose text the user does not read as page content. An `<svg>` is an icon: its `<title>` is a
 * tooltip ("Failure", "Critical"), not text beside the status word.
 */
const UNREAD_TAGS = new Set(['head', 'script', 'style', 'template', 'noscript', 'textarea', 'svg']);

/** False for an element that hides its own subtree from the reader, or that the extension inserted. */
export function isShownSelf(element: Element): boolean {
  return (
    !UNREAD_TAGS.has(element.localName) &&
    element.getAttribute('role')?.trim().toLowerCase() !== 'img' &&
    !element.hasAttribute('hidden') &&
    element.getAttribute('aria-hidden')?.trim().toLowerCase() !== 'true' &&
    !element.hasAttribute(HINT_ATTRIBUTE)
  );
}

/**
 * Whether an element and all its ancestors are shown. Remembers each ancestor's answer: the matches of one
 * page share most of their ancestors (tbody, table, main...).
 */
export function createVisibility(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  return (element) => {
    const unknown: Element[] = [];
    let shown = true;
    for (let current: Element | null = element; current; current = current.parentElement) {
      const answer = known.get(current);
      if (answer !== undefined) {
        shown = answer;
        break;
      }
      unknown.push(current);
    }
    for (let i = unknown.length - 1; i >= 0; i--) {
      const current = unknown[i] as Element;
      shown = shown && isShownSelf(current);
      known.set(current, shown);
    }
    return shown;
  };
}
