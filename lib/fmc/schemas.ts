import { z } from 'zod';
import { CLOUD_ALERT_MODULES } from '../alert/rest';
import { type KnownStatus, STATUSES } from '../alert/statuses';
import { FmcError } from './errors';

/**
 * Shapes of the FMC answers we read. FMC versions add fields, drop optional ones and vary enum casing, so every
 * object is loose (unknown fields pass), only what we cannot do without is required, nulls count as missing,
 * and enums are compared upper-cased with unknown values kept.
 */

/** Optional, with `null` treated as missing (some versions send null for unset fields). */
function opt<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

type KnownOr<T extends string> = T | (string & {});

/** Case-insensitive enum: `green`, `Green` and `GREEN` all become `GREEN`; unknown values pass upper-cased. */
export function ciEnum<const T extends readonly [string, ...string[]]>(_values: T) {
  return z.string().transform((value): KnownOr<T[number]> => value.trim().toUpperCase());
}

const text = z.string();
const count = z.coerce.number();

export const LinksSchema = z.looseObject({ self: opt(text), parent: opt(text) });

export const PagingSchema = z.looseObject({
  offset: opt(count),
  limit: opt(count),
  count: opt(count),
  pages: opt(count),
  /** URLs of all remaining pages; absent on the last one. */
  next: opt(z.array(text)),
});

/**
 * A list answer's envelope; `items` is absent when the list is empty. The items stay unchecked here: each is
 * checked on its own by `readList`, so one the schema rejects is left out and reported, never the whole list.
 */
export const ListEnvelopeSchema = z.looseObject({
  links: opt(LinksSchema),
  items: z
    .array(z.unknown())
    .nullish()
    .transform((items): unknown[] => items ?? []),
  paging: opt(PagingSchema),
});
export type Paging = z.output<typeof PagingSchema>;

const lists = new WeakMap<z.ZodType, z.ZodType>();

/**
 * A whole list answer that must match item by item (the contract tests check Cisco's examples with it). The
 * client reads lists with `readList` instead, which keeps the items that pass.
 */
export function listOf<T extends z.ZodType>(item: T) {
  const built = () =>
    z.looseObject({
      links: opt(LinksSchema),
      items: z
        .array(item)
        .nullish()
        .transform((items): z.output<T>[] => items ?? []),
      paging: opt(PagingSchema),
    });
  let schema = lists.get(item) as ReturnType<typeof built> | undefined;
  if (!schema) {
    schema = built();
    lists.set(item, schema);
  }
  return schema;
}

/** One item a schema rejected: where it was and the first field at fault. */
export interface RejectedItem {
  index: number;
  field: string;
}

export interface ListPage<T> {
  items: T[];
  rejected: RejectedItem[];
  paging: Paging | undefined;
}

/**
 * Reads one page of a list answer. A body that is not a list at all (none of `links`, `paging`, `items`: a
 * proxy's JSON, an FMC answering something else) fails whole, so that `{}` never reads as an empty fleet.
 */
export function readList<T extends z.ZodType>(
  item: T,
  body: unknown,
  endpoint: string,
): ListPage<z.output<T>> {
  const looksLikeList =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    ['links', 'paging', 'items'].some((key) => key in body);
  if (!looksLikeList) throw listMismatch(endpoint, '(body)');
  const envelope = ListEnvelopeSchema.safeParse(body);
  if (!envelope.success) throw listMismatch(endpoint, fieldPath(envelope.error.issues[0]?.path ?? []));
  const items: z.output<T>[] = [];
  const rejected: RejectedItem[] = [];
  envelope.data.items.forEach((raw, index) => {
    const parsed = item.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else
      rejected.push({ index, field: fieldPath(['items', index, ...(parsed.error.issues[0]?.path ?? [])]) });
  });
  return { items, rejected, paging: envelope.data.paging };
}

function listMismatch(endpoint: string, field: string): FmcError {
  return new FmcError({ code: 'schema-mismatch', params: { endpoint, field } });
}

/**
 * Every health status known (alert and device vocabularies alike, `lib/alert/statuses.ts` says what each means).
 * The schemas keep any other value too, upper-cased: an unlisted status is shown as unknown, never dropped.
 */
export const HEALTH_STATUSES = Object.keys(STATUSES) as [KnownStatus, ...KnownStatus[]];

export const ServerVersionSchema = z
  .looseObject({
    serverVersion: opt(text),
    // Cisco's own example spells it in lower case.
    serverversion: opt(text),
    vdbVersion: opt(text),
    sruVersion: opt(text),
    lspVersion: opt(text),
    geoVersion: opt(text),
  })
  .refine((v) => (v.serverVersion ?? v.serverversion) !== undefined, {
    message: 'serverVersion is missing',
    path: ['serverVersion'],
  })
  .transform(({ serverversion, ...rest }) => ({
    ...rest,
    serverVersion: rest.serverVersion ?? serverversion ?? '',
  }));
export type ServerVersion = z.output<typeof ServerVersionSchema>;

export const DomainSchema = z
  .looseObject({ uuid: opt(text), id: opt(text), name: text, type: opt(text) })
  .refine((d) => (d.uuid ?? d.id) !== undefined, { message: 'uuid is missing', path: ['uuid'] })
  .transform((d) => ({ ...d, uuid: d.uuid ?? d.id ?? '' }));
export type Domain = z.output<typeof DomainSchema>;

/** The `DOMAINS` header of `generatetoken`: a JSON string. */
export const DomainsHeaderSchema = z.array(z.looseObject({ uuid: text, name: text }));
export type DomainRef = { uuid: string; name: string };

const ReferenceSchema = z.looseObject({ id: opt(text), name: opt(text), type: opt(text) });

export const DeviceSchema = z.looseObject({
  id: text.min(1),
  name: opt(text),
  type: opt(text),
  hostName: opt(text),
  sw_version: opt(text),
  model: opt(text),
  modelType: opt(text),
  healthStatus: opt(ciEnum(HEALTH_STATUSES)),
  healthPolicy: opt(ReferenceSchema),
  ftdMode: opt(ciEnum(['ROUTED', 'TRANSPARENT'])),
  // Read by nobody yet; typed loosely because Cisco's own example puts placeholder strings in it.
  metadata: opt(z.looseObject({})),
});
export type Device = z.output<typeof DeviceSchema>;

export const CommandSchema = z.looseObject({ commandOutput: text, commandInput: opt(text) });

export const HealthAlertSchema = z.looseObject({
  id: opt(text),
  // "0" is the FMC itself; tolerate it as a number.
  deviceUUID: z.union([text, z.number()]).transform(String),
  moduleID: opt(ciEnum([...CLOUD_ALERT_MODULES])),
  moduleUUID: opt(text),
  name: opt(text),
  description: opt(text),
  details: opt(text),
  status: ciEnum(HEALTH_STATUSES),
  timestamp: opt(count),
});
export type HealthAlert = z.output<typeof HealthAlertSchema>;

export const CloudEventsConfigSchema = z.looseObject({
  id: opt(text),
  sendIntrusionEvents: opt(z.boolean()),
  sendFileEvents: opt(z.boolean()),
  sendConnectionEvents: opt(z.boolean()),
});
export type CloudEventsConfig = z.output<typeof CloudEventsConfigSchema>;

/**
 * A cdFMC's `integration/cloudintegrations/cloudintegrations` (issue 20; the cdFMC spec 1.13.0 per ../shared/docs/
 * cdfmc.md): `{enabled, info{cdoUrl, connected, deviceId, onboardingStatus, sseTenantName, tenantId}}`. What each
 * field means is not documented. Only what the scenario reads is typed; the ids and URLs pass through unread.
 */
export const CloudIntegrationSchema = z.looseObject({
  id: opt(text),
  enabled: opt(z.boolean()),
  info: opt(
    z.looseObject({
      cdoUrl: opt(text),
      connected: opt(z.boolean()),
      deviceId: opt(text),
      onboardingStatus: opt(text),
      sseTenantName: opt(text),
      tenantId: opt(text),
    }),
  ),
});
export type CloudIntegration = z.output<typeof CloudIntegrationSchema>;

export const SecurexConfigSchema = z
  .looseObject({ id: opt(text), enabled: opt(z.boolean()), clientId: opt(text), clientPassword: opt(text) })
  // Masked by the FMC, but a password field has no reason to travel further.
  .transform(({ clientPassword: _masked, ...rest }) => rest);
export type SecurexConfig = z.output<typeof SecurexConfigSchema>;

export const CloudRegionSchema = z.looseObject({
  id: opt(text),
  name: opt(text),
  description: opt(text),
  /** The SSE host devices use when this region is current. */
  domain: opt(text),
  current: opt(z.boolean()),
});
export type CloudRegion = z.output<typeof CloudRegionSchema>;

export const DnsServerGroupSchema = z.looseObject({
  id: opt(text),
  name: opt(text),
  dnsservers: opt(z.array(z.looseObject({ 'name-server': opt(text) }))),
  defaultdomain: opt(text),
  timeout: opt(count),
  retries: opt(count),
});
export type DnsServerGroup = z.output<typeof DnsServerGroupSchema>;

/** `items[3].healthStatus` for zod's `['items', 3, 'healthStatus']`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(body)' : out;
}
