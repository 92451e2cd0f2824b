import { canonicalName } from './names';
import { RECORD_TYPE_CODES, type RecordType } from './types';

/**
 * The DNS wire format (RFC 1035 §4) as far as RFC 8484 DoH needs it: one question out, the answer section back.
 * Hand-written because it is small and a library would be most of the extension's weight.
 */

export class DnsParseError extends Error {
  override name = 'DnsParseError';
}

const CLASS_IN = 1;
const FLAG_QR = 0x8000;
const FLAG_TC = 0x0200;
const FLAG_RD = 0x0100;
const FLAG_RA = 0x0080;

export interface WireQuestion {
  name: string;
  type: number;
  class: number;
}

export interface WireRecord {
  name: string;
  type: number;
  class: number;
  ttl: number;
  /** Text form for A, AAAA and CNAME; undefined for types the lookups do not read. */
  data?: string;
}

export interface WireMessage {
  id: number;
  qr: boolean;
  opcode: number;
  tc: boolean;
  rd: boolean;
  ra: boolean;
  rcode: number;
  questions: WireQuestion[];
  answers: WireRecord[];
}

/** Labels of a name that `checkHostName` accepted; throws on names that cannot go on the wire. */
function nameLabels(name: string): Uint8Array[] {
  const plain = canonicalName(name);
  if (!plain) return [];
  return plain.split('.').map((label) => {
    if (!label || label.length > 63 || /[^\x21-\x7e]/.test(label)) {
      throw new DnsParseError(`cannot encode the label "${label}"`);
    }
    return Uint8Array.from(label, (char) => char.charCodeAt(0));
  });
}

/**
 * A recursive query (RD) for one name and type. ID 0, as RFC 8484 §4.1 recommends, keeps GET URLs identical
 * for identical questions so HTTP caches can answer them.
 */
export function encodeQuery(name: string, type: RecordType | number, id = 0): Uint8Array {
  const labels = nameLabels(name);
  const nameLength = labels.reduce((sum, label) => sum + 1 + label.length, 1);
  if (nameLength > 255) throw new DnsParseError('name longer than 255 bytes');
  const bytes = new Uint8Array(12 + nameLength + 4);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, id);
  view.setUint16(2, FLAG_RD);
  view.setUint16(4, 1); // QDCOUNT
  let offset = 12;
  for (const label of labels) {
    bytes[offset++] = label.length;
    bytes.set(label, offset);
    offset += label.length;
  }
  bytes[offset++] = 0;
  view.setUint16(offset, typeof type === 'number' ? type : RECORD_TYPE_CODES[type]);
  view.setUint16(offset + 2, CLASS_IN);
  return bytes;
}

/** RFC 8484 §4.1: base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new DnsParseError('not base64url');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new DnsParseError('not base64url');
  }
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

class Reader {
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  need(offset: number, length: number): void {
    if (offset + length > this.bytes.length) throw new DnsParseError('message truncated');
  }

  u16(offset: number): number {
    this.need(offset, 2);
    return this.#view.getUint16(offset);
  }

  u32(offset: number): number {
    this.need(offset, 4);
    return this.#view.getUint32(offset);
  }

  /**
   * A possibly compressed name (RFC 1035 §4.1.4) and the offset just past it in the record. Pointers must go
   * strictly backwards, which rules out loops without counting jumps.
   */
  name(start: number): { name: string; next: number } {
    const labels: string[] = [];
    let offset = start;
    let next: number | undefined;
    let lowest = start;
    let length = 1;
    for (;;) {
      this.need(offset, 1);
      const size = this.bytes[offset] as number;
      if ((size & 0xc0) === 0xc0) {
        const target = this.u16(offset) & 0x3fff;
        if (target >= lowest) throw new DnsParseError('name compression pointer does not point backwards');
        next ??= offset + 2;
        lowest = target;
        offset = target;
        continue;
      }
      if (size & 0xc0) throw new DnsParseError('unknown label type');
      if (size === 0) {
        next ??= offset + 1;
        break;
      }
      this.need(offset + 1, size);
      length += size + 1;
      if (length > 255) throw new DnsParseError('name longer than 255 bytes');
      labels.push(labelText(this.bytes.subarray(offset + 1, offset + 1 + size)));
      offset += size + 1;
    }
    return { name: labels.join('.').toLowerCase(), next };
  }
}

/** Printable ASCII as is; anything else, and dots inside a label, in the `\DDD` / `\.` master-file escapes. */
function labelText(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x2e || byte === 0x5c) text += `\\${String.fromCharCode(byte)}`;
    else if (byte > 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\${byte.toString().padStart(3, '0')}`;
  }
  return text;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
export function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] as number) << 8) | (bytes[i + 1] as number));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) {
      bestStart = i;
      bestLength = end - i;
    }
    i = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function rdataText(reader: Reader, type: number, offset: number, length: number): string | undefined {
  const rdata = reader.bytes.subarray(offset, offset + length);
  switch (type) {
    case RECORD_TYPE_CODES.A:
      if (length !== 4) throw new DnsParseError(`A record of ${length} bytes`);
      return Array.from(rdata).join('.');
    case RECORD_TYPE_CODES.AAAA:
      if (length !== 16) throw new DnsParseError(`AAAA record of ${length} bytes`);
      return formatIpv6(rdata);
    case RECORD_TYPE_CODES.CNAME: {
      const { name, next } = reader.name(offset);
      if (next !== offset + length) throw new DnsParseError('CNAME data does not match its length');
      return name;
    }
    default:
      return undefined;
  }
}

/** Header, question and answer sections; the authority and additional sections are not needed. */
export function decodeMessage(bytes: Uint8Array): WireMessage {
  const reader = new Reader(bytes);
  if (bytes.length < 12) throw new DnsParseError(`message of ${bytes.length} bytes, shorter than a header`);
  const flags = reader.u16(2);
  const questionCount = reader.u16(4);
  const answerCount = reader.u16(6);
  let offset = 12;
  const questions: WireQuestion[] = [];
  for (let i = 0; i < questionCount; i++) {
    const { name, next } = reader.name(offset);
    questions.push({ name, type: reader.u16(next), class: reader.u16(next + 2) });
    offset = next + 4;
  }
  const answers: WireRecord[] = [];
  for (let i = 0; i < answerCount; i++) {
    const { name, next } = reader.name(offset);
    const type = reader.u16(next);
    const length = reader.u16(next + 8);
    reader.need(next + 10, length);
    answers.push({
      name,
      type,
      class: reader.u16(next + 2),
      ttl: reader.u32(next + 4),
      data: rdataText(reader, type, next + 10, length),
    });
    offset = next + 10 + length;
  }
  return {
    id: reader.u16(0),
    qr: Boolean(flags & FLAG_QR),
    opcode: (flags >> 11) & 0xf,
    tc: Boolean(flags & FLAG_TC),
    rd: Boolean(flags & FLAG_RD),
    ra: Boolean(flags & FLAG_RA),
    rcode: flags & 0xf,
    questions,
    answers,
  };
}
