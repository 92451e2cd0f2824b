import {
  FAILURE_WORDS,
  HEALTH_MODULE_NAMES,
  phraseSource,
  SEED_DATA_TYPES,
  SUCCESS_WORD,
} from '../alert/phrases';
import { squash } from './dom';
import { isShownSelf } from './visibility';

/** A device of a diagnosis, as the page may name it: its REST name and its host name. */
export interface DeviceNames {
  id: string;
  names: readonly string[];
}

/** Boxes that title what follows them: headings, a table's caption, a panel's or card's title. */
const TITLES =
  'h1, h2, h3, h4, h5, h6, [role="heading"], caption, legend, [class*="panel-title" i], [class*="panel-heading" i], [class*="card-title" i], [class*="card-header" i]';
/** A character that continues a device name's word: `ftd-1` is not in `ftd-10` nor in `ftd-1.lab`. */
const NAME_CHAR = /[\p{L}\p{N}_]/u;
const JOINER = /[-.]/;

/**
 * The device each row belongs to, by name (issue 10): the device whose name or host name appears in the row's
 * own text as a whole run of words; else in the titles above the row (its table's caption or its panel's
 * title, then the nearest preceding heading of each level up, as an outline reads). When several names fit,
 * the longest wins; when none does, or two devices tie, null. Names are compared as text, case-insensitively,
 * white space squashed; never parsed. One pass over the page's titles serves all the rows.
 */
export function devicesOfRows(rows: readonly Element[], devices: readonly DeviceNames[]): (string | null)[] {
  const candidates = prepare(devices);
  if (candidates.length === 0 || rows.length === 0) return rows.map(() => null);
  let titles: Element[] | undefined;
  return rows.map((row) => {
    const own = bestIn(textOf(row), candidates);
    if (own.id || own.tie) return own.id;
    titles ??= [...row.ownerDocument.querySelectorAll(TITLES)];
    // Nearest title first: the table's caption names this row's device even when an earlier section's
    // heading names another one (the simulator's caption form after a heading form showed it).
    for (const title of titlesAbove(row, titles)) {
      const found = bestIn(title, candidates);
      if (found.id || found.tie) return found.id;
    }
    return null;
  });
}

interface Candidate {
  id: string;
  name: string;
}

/**
 * The alert's own words: the module's names, the seed's data types and the result words, each as whole words.
 * A device name holding one (`Cisco Cloud Configuration`, `Threat Data Updates lab`, `Failure-1`) would be found
 * in the text of every row reporting the alert and capture all their hints (issue 18). The row's text and the
 * titles are read without these words (`textOf`), so such a name is never found, and never ties a row (the
 * device's other names, its host name, still may); nor is a name found inside them (`Cloud`, `Cisco`). Every
 * occurrence of a name holding one of the words holds it whole too, and it is taken out.
 */
const ALERT_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...HEALTH_MODULE_NAMES, ...SEED_DATA_TYPES, ...FAILURE_WORDS, SUCCESS_WORD]
    .map(phraseSource)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

function prepare(devices: readonly DeviceNames[]): Candidate[] {
  const out: Candidate[] = [];
  for (const device of devices) {
    for (const raw of device.names) {
      const name = squash(raw).toLowerCase();
      // One or two characters would be found in any text.
      if (name.length >= 3) out.push({ id: device.id, name });
    }
  }
  return out;
}

/**
 * The longest name found as a whole run of words; `id` null when none, or when two devices share the longest
 * (`tie`: the text names a device, but which one is ambiguous).
 */
function bestIn(text: string, candidates: readonly Candidate[]): { id: string | null; tie: boolean } {
  if (text === '') return { id: null, tie: false };
  let best: Candidate | null = null;
  let tie = false;
  for (const candidate of candidates) {
    if (best && candidate.name.length < best.name.length) continue;
    if (!containsWhole(text, candidate.name)) continue;
    if (best && candidate.name.length === best.name.length) {
      tie ||= candidate.id !== best.id;
      continue;
    }
    best = candidate;
    tie = false;
  }
  return best && !tie ? { id: best.id, tie: false } : { id: null, tie };
}

function containsWhole(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (boundary(text, at - 1, -1) && boundary(text, at + name.length, 1)) return true;
  }
  return false;
}

/** Whether the character at `i` ends a word (`step` says which way the word would go on). */
function boundary(text: string, i: number, step: 1 | -1): boolean {
  const char = text[i];
  if (char === undefined) return true;
  if (NAME_CHAR.test(char)) return false;
  // `ftd-1` followed by `-backup` or `.lab`: the name goes on.
  return !(JOINER.test(char) && NAME_CHAR.test(text[i + step] ?? ''));
}

/** The shown text of an element, lower case, white space squashed, our own hints and the alert's words left out. */
function textOf(element: Element): string {
  let text = '';
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 || child.nodeType === 4) text += (child as CharacterData).data;
      else if (child.nodeType === 1 && isShownSelf(child as Element)) {
        text += ' ';
        visit(child);
        text += ' ';
      }
    }
  };
  visit(element);
  return squash(text.replace(ALERT_WORDS, ' ')).toLowerCase();
}

/**
 * The titles above a row, nearest first: the caption of its table or the title of a panel holding it, then,
 * walking back through the page, the first heading of any level, then each earlier heading of a strictly
 * higher level (h3, then h2, then h1). A caption or panel title of another table or panel is not this row's.
 */
function titlesAbove(row: Element, all: readonly Element[]): string[] {
  const titles: string[] = [];
  let level = Number.POSITIVE_INFINITY;
  for (let i = all.length - 1; i >= 0 && level > 1; i--) {
    const title = all[i] as Element;
    if (row.contains(title) || title.contains(row) || !isShownSelf(title)) continue;
    const own = levelOf(title);
    if (own === null) {
      // A caption, legend or panel title: its container (the table, fieldset or panel) must hold the row.
      if (title.parentElement?.contains(row)) titles.unshift(textOf(title));
      continue;
    }
    // Only headings before the row.
    if (!(title.compareDocumentPosition(row) & 4) || own >= level) continue;
    level = own;
    titles.push(textOf(title));
  }
  return titles;
}

/** A heading's level; null for the other titles (caption, legend, panel and card titles). */
function levelOf(title: Element): number | null {
  const heading = /^h([1-6])$/.exec(title.localName);
  if (heading) return Number(heading[1]);
  if (title.getAttribute('role') === 'heading') {
    const level = Number.parseInt(title.getAttribute('aria-level') ?? '', 10);
    return level >= 1 && level <= 6 ? level : 2;
  }
  return null;
}
