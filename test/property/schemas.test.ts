/**
 * Random answers against every FMC schema, through `parseAnswer` as the client uses it: any JSON body gives
 * either a value or an `FmcError` `schema-mismatch` that names the endpoint and a field the body has (or
 * lacks); never another exception, never a change to the body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseAnswer } from '../../lib/fmc/client';
import { FmcError } from '../../lib/fmc/errors';
import * as schemas from '../../lib/fmc/schemas';
import { propertyConfig } from './config';

const config = propertyConfig(import.meta.url);

/** Every schema the module exports, and the list answer of each item schema, as the resources read them. */
const exported: [string, z.ZodType][] = Object.entries(schemas as Record<string, unknown>).flatMap(
  ([name, value]): [string, z.ZodType][] => (value instanceof z.ZodType ? [[name, value]] : []),
);
const ITEM_SCHEMAS = [
  'DeviceSchema',
  'CommandSchema',
  'HealthAlertSchema',
  'CloudEventsConfigSchema',
  // A cdFMC's cloudintegrations, which the simulator serves as an object or as a list (issue 20).
  'CloudIntegrationSchema',
  'SecurexConfigSchema',
  'CloudRegionSchema',
  'DnsServerGroupSchema',
  'DomainSchema',
];
const lists = exported
  .filter(([name]) => ITEM_SCHEMAS.includes(name))
  .map(([name, schema]): [string, z.ZodType] => [`listOf(${name})`, schemas.listOf(schema)]);
const ALL: [string, z.ZodType][] = [...exported, ...lists];

/** Field names the FMC schemas read, so random objects often hit real fields with wrong or odd values. */
const FIELDS = [
  'id',
  'uuid',
  'name',
  'type',
  'self',
  'parent',
  'offset',
  'limit',
  'count',
  'pages',
  'next',
  'links',
  'items',
  'paging',
  'serverVersion',
  'serverversion',
  'vdbVersion',
  'hostName',
  'sw_version',
  'model',
  'healthStatus',
  'healthPolicy',
  'ftdMode',
  'metadata',
  'enabled',
  'info',
  'connected',
  'onboardingStatus',
  'commandOutput',
  'commandInput',
  'deviceUUID',
  'moduleID',
  'status',
  'details',
  'description',
  'timestamp',
  'sendIntrusionEvents',
  'sendFileEvents',
  'enabled',
  'clientPassword',
  'domain',
  'current',
  'dnsservers',
  'name-server',
  'defaultdomain',
  'timeout',
  'retries',
  '__proto__',
  'constructor',
  'toString',
];

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('green', 'RED', ' Yellow ', 'THREAT_DATA_UPDATES', '7.4.1', '', '0', '1e400', 'NaN'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Objects made of the schemas' own field names, nested, with values of every JSON type. */
const shaped: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      scalar,
      tie('object'),
      fc.array(tie('value'), { maxLength: 4 }),
    ),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), tie('value'), {
      maxKeys: 8,
    }),
  }),
).value;

/** What a parser receives: the result of JSON.parse, so `__proto__` keys are own properties. */
const jsonBody = fc.oneof(fc.jsonValue(), shaped).map((value) => JSON.parse(JSON.stringify(value) ?? 'null'));

function at(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function check(name: string, schema: z.ZodType, body: unknown): void {
  const endpoint = `endpoint/${name}`;
  const before = JSON.stringify(body);
  let error: unknown;
  try {
    parseAnswer(schema, body, endpoint);
  } catch (caught) {
    error = caught;
  }
  expect(JSON.stringify(body), 'the body is left as it was').toBe(before);
  if (error === undefined) return;
  expect(error, `${name}: ${String(error)}`).toBeInstanceOf(FmcError);
  const fmcError = error as FmcError;
  expect(fmcError.code).toBe('schema-mismatch');
  expect(fmcError.message).toContain(endpoint);
  expect(fmcError.message).toContain(String(fmcError.params.field));
  // The field named is in the body, or missing from an object that is.
  const issue = (fmcError.cause as z.ZodError).issues[0];
  expect(issue).toBeDefined();
  const path = issue?.path ?? [];
  if (path.length > 0) {
    const parent = at(body, path.slice(0, -1));
    expect(parent !== null && typeof parent === 'object', `${name}: ${fmcError.params.field}`).toBe(true);
  }
}

describe('FMC schemas on random JSON (property)', () => {
  it(`covers every exported schema (${ALL.length})`, () => {
    expect(exported.map(([name]) => name).sort()).toEqual(
      [
        'CloudEventsConfigSchema',
        'CloudIntegrationSchema',
        'CloudRegionSchema',
        'CommandSchema',
        'DeviceSchema',
        'DnsServerGroupSchema',
        'DomainSchema',
        'DomainsHeaderSchema',
        'HealthAlertSchema',
        'LinksSchema',
        'ListEnvelopeSchema',
        'PagingSchema',
        'SecurexConfigSchema',
        'ServerVersionSchema',
      ].sort(),
    );
  });

  it.each(ALL)(
    '%s: a value or a schema-mismatch naming the endpoint and field, never a crash',
    (name, schema) => {
      fc.assert(
        fc.property(jsonBody, (body) => check(name, schema, body)),
        config.params(),
      );
      // A list answer whose items are random objects: errors point into `items`.
      fc.assert(
        fc.property(fc.array(shaped, { maxLength: 5 }), shaped, (items, paging) =>
          check(name, schema, JSON.parse(JSON.stringify({ items, paging, links: { self: 'x' } }))),
        ),
        config.params(0.5),
      );
    },
  );

  it('accepts what JSON.parse cannot give too (sparse arrays, dates, maps, null prototypes) without crashing', () => {
    const odd = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    });
    const crashes: string[] = [];
    fc.assert(
      fc.property(fc.constantFrom(...ALL), odd, ([name, schema], body) => {
        try {
          parseAnswer(schema, body, name);
        } catch (error) {
          if (!(error instanceof FmcError)) crashes.push(`${name}: ${String(error)}`);
        }
      }),
      config.params(2),
    );
    expect(crashes).toEqual([]);
  });
});
