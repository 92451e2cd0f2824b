/**
 * Markup as data. One description of the rows serves both the server (serialised here) and the page's own
 * script (rebuilt with DOM calls for the late and re-render switches), so the two renderings cannot drift.
 * Text and attribute values are always escaped: device names may be hostile, and the simulator must never be
 * the one that runs their payloads. The only raw text is the body of script and style elements, which the
 * simulator's own code supplies.
 */

/** Attribute values; an undefined value leaves the attribute out. */
export type Attrs = Readonly<Record<string, string | undefined>>;
/** An element as plain JSON, so it can travel to the page: [tag, attributes, ...children]. */
export type VElement = readonly [tag: string, attrs: Attrs | null, ...children: VNode[]];
/** A text node or an element. */
export type VNode = string | VElement;
/** What `h` accepts as a child: falsy values are skipped, which keeps optional parts inline. */
export type Child = VNode | null | undefined | false;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most strings have nothing to escape; testing first keeps the 5,000-row pages fast.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c) : text;
}

/** Children come as one array (or one text) so that a child list is never mistaken for an element. */
export function h(tag: string, attrs: Attrs | null, children: readonly Child[] | string = []): VElement {
  if (typeof children === 'string') return [tag, attrs, children];
  const kept: VNode[] = [];
  for (const child of children) if (child) kept.push(child);
  return [tag, attrs, ...kept];
}

/** The same element without its children: the empty container the late switch fills in. */
export function emptied(element: VElement): VElement {
  return [element[0], element[1]];
}

export function render(node: VNode): string {
  const out = { html: '' };
  write(node, out);
  return out.html;
}

export function renderDocument(root: VElement): string {
  return `<!doctype html>${render(root)}`;
}

/**
 * A JSON island: `<` is escaped so that no value can close the script element, and the page reads it with
 * JSON.parse, never as code.
 */
export function jsonIsland(id: string, data: unknown): VElement {
  return h('script', { type: 'application/json', id }, JSON.stringify(data).replace(/</g, '\\u003c'));
}

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'link', 'meta']);
const RAW_TEXT_TAGS = new Set(['script', 'style']);
// Tag and attribute names are never data, but a slip would bypass escaping entirely, so check them (once each).
const NAME = /^[a-z][a-z0-9-]*$/i;
const checkedNames = new Set<string>();

function checkName(name: string): string {
  if (checkedNames.has(name)) return name;
  if (!NAME.test(name)) throw new Error(`Bad tag or attribute name: ${name}`);
  checkedNames.add(name);
  return name;
}

// One accumulator for the whole tree: V8 appends to it as a rope, the fastest way found for 5,000-row pages.
function write(node: VNode, out: { html: string }): void {
  if (typeof node === 'string') {
    out.html += escapeHtml(node);
    return;
  }
  const tag = checkName(node[0]);
  const attrs = node[1];
  out.html += `<${tag}`;
  if (attrs) {
    for (const name in attrs) {
      const value = attrs[name];
      if (value !== undefined) out.html += ` ${checkName(name)}="${escapeHtml(value)}"`;
    }
  }
  out.html += '>';
  if (VOID_TAGS.has(tag)) return;
  const raw = RAW_TEXT_TAGS.has(tag);
  for (let i = 2; i < node.length; i++) {
    const child = node[i] as VNode;
    if (raw) out.html += rawText(tag, child);
    else write(child, out);
  }
  out.html += `</${tag}>`;
}

function rawText(tag: string, child: VNode): string {
  if (typeof child !== 'string') throw new Error(`<${tag}> takes text only`);
  if (/<\/(script|style)|<!--/i.test(child)) throw new Error(`<${tag}> text would end the element early`);
  return child;
}
