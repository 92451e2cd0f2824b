import { squash } from './dom';

export interface HealthPolicyRoute {
  /** First FMC major version the route applies to. */
  sinceMajor: number;
  path: string;
}

/**
 * Where the health policy page is, by FMC major version, newest first. ASSUMPTIONS, not documented by
 * Cisco: 7.x serves its pages as hash routes under `/ddd/`; the pre-7 path is a guess. Only used when the
 * page's own menu has no Health > Policy link; the user can override it per FMC.
 */
export const HEALTH_POLICY_ROUTES: readonly [HealthPolicyRoute, ...HealthPolicyRoute[]] = [
  { sinceMajor: 7, path: '/ddd/#HealthPolicy' },
  { sinceMajor: 0, path: '/health/policy' },
];

/**
 * Link texts of the policy entry, English, French and Japanese UI, with or without the menu's name. FMC 6.x
 * offers other UI languages (fmc-ui.md section 5); their menu words are unknown, so there the link is found
 * by its href or title, else the version guess or the user's own address (options page) applies.
 */
const POLICY_TEXT =
  /^(?:(?:health|santé|intégrité)\s+)?(?:polic(?:y|ies)|politiques?|stratégies?)(?:\s+(?:de\s+(?:la\s+)?|d['’]\s*)?(?:health|santé|l['’]\s*intégrité|intégrité))?$|^(?:ヘルス\s*)?ポリシー$/u;
const HEALTH_WORD = /health|santé|intégrité|ヘルス/u;
const POLICY_WORD = /polic|politique|stratégie|ポリシー/u;
/** How far up a menu the search for the "Health" label goes before giving up. */
const MAX_MENU_LEVELS = 6;
const ITEM_ROLES = new Set(['menuitem', 'listitem', 'option', 'treeitem', 'none', 'presentation']);

/**
 * The FMC's own health policy link (System > Health > Policy on 6.x, the seed's path; Troubleshooting > Health >
 * Policy on current releases), as an absolute URL on the page's origin, or null. Menus are often hidden until
 * opened, so hidden links count.
 */
export function findHealthPolicyLink(doc: Document): string | null {
  for (const link of doc.querySelectorAll('a[href]')) {
    const text = normalise(link.textContent ?? '');
    const policyText = POLICY_TEXT.test(text);
    if (!policyText && text !== '') continue;
    const described = [
      text,
      link.getAttribute('href'),
      link.getAttribute('aria-label'),
      link.getAttribute('title'),
    ]
      .map((value) => normalise(value ?? ''))
      .some((value) => HEALTH_WORD.test(value) && POLICY_WORD.test(value));
    if (!described && !(policyText && underHealthMenu(link))) continue;
    const url = sameOriginUrl(link.getAttribute('href') ?? '', doc.baseURI, documentOrigin(doc));
    if (url) return url;
  }
  return null;
}

/**
 * The guessed health policy address for an FMC version (null: unknown, the newest route). The user's own
 * address for an FMC (options page) is applied by the callers, before this guess.
 */
export function healthPolicyFallback(origin: string, version: string | null): string {
  const own = new URL(origin);
  if (own.protocol !== 'https:' && own.protocol !== 'http:') {
    throw new TypeError(`Not a web origin: ${origin}`);
  }
  return new URL(routeFor(version), own.origin).href;
}

function routeFor(version: string | null): string {
  const major = Number.parseInt(version ?? '', 10);
  const newest = HEALTH_POLICY_ROUTES[0];
  const route = Number.isNaN(major)
    ? newest
    : HEALTH_POLICY_ROUTES.find((candidate) => major >= candidate.sinceMajor);
  return (route ?? newest).path;
}

function normalise(text: string): string {
  return squash(text.normalize('NFC').toLowerCase());
}

function documentOrigin(doc: Document): string {
  try {
    return new URL(doc.URL).origin;
  } catch {
    return 'null';
  }
}

/** The absolute http(s) URL, only when it stays on `origin`: never javascript:, data: or another host. */
function sameOriginUrl(href: string, base: string, origin: string): string | null {
  try {
    const url = new URL(href, base);
    const web = url.protocol === 'https:' || url.protocol === 'http:';
    return web && url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Whether the link sits in a menu labelled Health. Climbs from the link; at each level the label is an
 * `aria-label`/`aria-labelledby`, the header just before a submenu (a link or not: `<a>Health</a><ul>…`),
 * or, among the items of a list, the nearest preceding sibling that is not an item. The first label found
 * decides, so "Policy" under Users is not taken for the one under Health.
 */
function underHealthMenu(link: Element): boolean {
  let element: Element | null = link;
  for (let level = 0; element && level < MAX_MENU_LEVELS; level++, element = element.parentElement) {
    if (element.localName === 'body') return false;
    const label = levelLabel(element, link);
    if (label !== null) return HEALTH_WORD.test(label);
  }
  return false;
}

function levelLabel(element: Element, link: Element): string | null {
  if (element !== link) {
    const named = ariaName(element);
    if (named) return named;
  }
  if (element === link || isItem(element)) {
    for (let sibling = element.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
      const text = normalise(sibling.textContent ?? '');
      if (text !== '' && !holdsLink(sibling) && (!isItem(sibling) || isGroupTitle(sibling))) return text;
    }
    return null;
  }
  const header = element.previousElementSibling;
  if (!header || (header.localName !== 'a' && holdsLink(header))) return null;
  return normalise(header.textContent ?? '') || null;
}

/**
 * An item that names a group of entries rather than being one: text without any link or sub-menu, as the
 * "Health" title of Troubleshooting > Health > Policy, the path Cisco's Network as Code FMC data model gives for
 * current releases (https://netascode.cisco.com/docs/data_models/fmc/policies/health_policy; issue 18).
 */
function isGroupTitle(element: Element): boolean {
  return (
    element.localName !== 'a' && element.querySelector('a, ul, ol, [role="menu"], [role="group"]') === null
  );
}

function ariaName(element: Element): string {
  const labelledBy = (element.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? element.ownerDocument.getElementById(id)?.textContent : ''))
    .join(' ');
  return normalise(`${element.getAttribute('aria-label') ?? ''} ${labelledBy}`);
}

function isItem(element: Element): boolean {
  const role = (element.getAttribute('role') ?? '').trim().toLowerCase();
  return element.localName === 'li' || ITEM_ROLES.has(role) || isLink(element);
}

function holdsLink(element: Element): boolean {
  return isLink(element) || [...element.querySelectorAll('a[href]')].some(isLink);
}

/** A link that goes somewhere, unlike the `href="#"` or `javascript:` of a menu header. */
function isLink(element: Element): boolean {
  const href = element.localName === 'a' ? (element.getAttribute('href')?.trim() ?? '') : '';
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href);
}
