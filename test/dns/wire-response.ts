import type { ZoneRecord } from './zone';

/**
 * The test server's own DNS message writer, deliberately separate from lib/dns/wire.ts so a shared mistake
 * cannot make the client and the server agree on a wrong format. Names are compressed the way real servers do
 * (each repeated suffix becomes a pointer), which exercises the client's decompression.
 */

const TYPE_CODES = { A: 1, CNAME: 5, AAAA: 28 } as const;

function ipv4Bytes(text: string): number[] {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((part) => !(part >= 0 && part <= 255)))
    throw new Error(`bad IPv4 ${text}`);
  return parts;
}

function ipv6Bytes(text: string): number[] {
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  if (groups.length !== 8) throw new Error(`bad IPv6 ${text}`);
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

class Writer {
  readonly bytes: number[] = [];
  readonly #suffixes = new Map<string, number>();

  u16(value: number): void {
    this.bytes.push((value >> 8) & 0xff, value & 0xff);
  }

  u32(value: number): void {
    this.u16(Math.floor(value / 0x10000));
    this.u16(value & 0xffff);
  }

  name(name: string): void {
    const labels = name ? name.split('.') : [];
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      const earlier = this.#suffixes.get(suffix);
      if (earlier !== undefined) {
        this.u16(0xc000 | earlier);
        return;
      }
      if (this.bytes.length < 0x3fff) this.#suffixes.set(suffix, this.bytes.length);
      const label = labels[i] as string;
      this.bytes.push(label.length, ...Array.from(label, (char) => char.charCodeAt(0)));
    }
    this.bytes.push(0);
  }
}

export interface WireResponse {
  id: number;
  question: { name: string; type: number };
  rcode: number;
  records: readonly ZoneRecord[];
}

export function encodeResponse(response: WireResponse): Uint8Array {
  const writer = new Writer();
  writer.u16(response.id);
  writer.u16(0x8000 | 0x0100 | 0x0080 | (response.rcode & 0xf)); // QR, RD, RA
  writer.u16(1);
  writer.u16(response.records.length);
  writer.u16(0);
  writer.u16(0);
  writer.name(response.question.name);
  writer.u16(response.question.type);
  writer.u16(1);
  for (const record of response.records) {
    writer.name(record.name);
    writer.u16(TYPE_CODES[record.type]);
    writer.u16(1);
    writer.u32(record.ttl);
    if (record.type === 'CNAME') {
      // RDLENGTH is known only after the (compressed) name is written.
      const lengthAt = writer.bytes.length;
      writer.u16(0);
      writer.name(record.data);
      const length = writer.bytes.length - lengthAt - 2;
      writer.bytes[lengthAt] = length >> 8;
      writer.bytes[lengthAt + 1] = length & 0xff;
    } else {
      const rdata = record.type === 'A' ? ipv4Bytes(record.data) : ipv6Bytes(record.data);
      writer.u16(rdata.length);
      writer.bytes.push(...rdata);
    }
  }
  return Uint8Array.from(writer.bytes);
}

/** The question of a query, read without lib/dns (no compression in queries we accept). */
export function decodeQuestion(bytes: Uint8Array): { id: number; name: string; type: number } {
  if (bytes.length < 17) throw new Error('query too short');
  const id = (bytes[0] as number) * 256 + (bytes[1] as number);
  const qdcount = (bytes[4] as number) * 256 + (bytes[5] as number);
  if (qdcount !== 1) throw new Error(`QDCOUNT ${qdcount}`);
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const size = bytes[offset];
    if (size === undefined || size > 63) throw new Error('bad label');
    if (size === 0) break;
    labels.push(String.fromCharCode(...bytes.subarray(offset + 1, offset + 1 + size)));
    offset += size + 1;
  }
  const typeAt = offset + 1;
  if (typeAt + 4 > bytes.length) throw new Error('query truncated');
  return {
    id,
    name: labels.join('.').toLowerCase(),
    type: (bytes[typeAt] as number) * 256 + (bytes[typeAt + 1] as number),
  };
}
