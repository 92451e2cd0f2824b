/**
 * A diagnosis repeats long strings device after device: the same evidence for every healthy device, the same
 * runbook steps for every device of a verdict, in two languages. Stored as is, 1,000 devices take over a
 * tenth of storage.session's quota; with each repeated string kept once, a fraction of it. `pack` replaces
 * every string of at least `MIN_LENGTH` characters that occurs more than once by a reference into a table;
 * `unpack` restores the value exactly (a test checks the round trip on hostile strings too).
 */
export interface Packed {
  packed: 1;
  strings: string[];
  data: unknown;
}

const MIN_LENGTH = 12;
/** References are `\u0001<index>`; a real string that starts with `\u0001` is stored with a second one. */
const MARK = '\u0001';

export function pack(value: unknown): Packed {
  const counts = new Map<string, number>();
  const count = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= MIN_LENGTH) counts.set(v, (counts.get(v) ?? 0) + 1);
    } else if (Array.isArray(v)) v.forEach(count);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(count);
  };
  count(value);
  const strings: string[] = [];
  const index = new Map<string, number>();
  for (const [text, n] of counts) {
    if (n < 2) continue;
    index.set(text, strings.length);
    strings.push(text);
  }
  const encode = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const at = index.get(v);
      if (at !== undefined) return `${MARK}${at.toString(36)}`;
      return v.startsWith(MARK) ? `${MARK}${v}` : v;
    }
    if (Array.isArray(v)) return v.map(encode);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, encode(item)]));
    return v;
  };
  return { packed: 1, strings, data: encode(value) };
}

export function isPacked(value: unknown): value is Packed {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Packed).packed === 1 &&
    Array.isArray((value as Packed).strings) &&
    (value as Packed).strings.every((s) => typeof s === 'string')
  );
}

/** The value `pack` was given; a reference outside the table becomes undefined (and fails the schema). */
export function unpack(packed: Packed): unknown {
  const decode = (v: unknown): unknown => {
    if (typeof v === 'string' && v.startsWith(MARK)) {
      if (v.startsWith(MARK + MARK)) return v.slice(1);
      return packed.strings[Number.parseInt(v.slice(1), 36)];
    }
    if (Array.isArray(v)) return v.map(decode);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, decode(item)]));
    return v;
  };
  return decode(packed.data);
}
