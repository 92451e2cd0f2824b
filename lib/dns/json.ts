import { z } from 'zod';
import type { RawRecord } from './answers';
import { DnsParseError } from './wire';

/**
 * The JSON dialect Google and Cloudflare share (`application/dns-json`). Only the fields the lookups read are
 * checked; resolvers add others (`Comment`, `edns_client_subnet`) that must not break parsing.
 */
const DohJson = z.object({
  Status: z.number().int().min(0),
  Answer: z
    .array(
      z.object({
        name: z.string(),
        type: z.number().int(),
        TTL: z.number().optional(),
        data: z.string(),
      }),
    )
    .optional(),
});

export function parseDohJson(text: string): { rcode: number; records: RawRecord[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DnsParseError('the body is not JSON');
  }
  const parsed = DohJson.safeParse(value);
  if (!parsed.success) throw new DnsParseError('the JSON is not a DNS answer (no numeric Status)');
  return {
    rcode: parsed.data.Status,
    records: (parsed.data.Answer ?? []).map((answer) => ({
      name: answer.name,
      type: answer.type,
      ttl: answer.TTL ?? 0,
      data: answer.data,
    })),
  };
}
