import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FmcClient } from '../../lib/fmc/client';
import {
  CloudEventsConfigSchema,
  CloudRegionSchema,
  CommandSchema,
  DeviceSchema,
  DnsServerGroupSchema,
  DomainSchema,
  HealthAlertSchema,
  listOf,
  SecurexConfigSchema,
  ServerVersionSchema,
} from '../../lib/fmc/schemas';
import {
  definition,
  examples,
  loadSpec,
  operation,
  property,
  responseSchema,
  SPEC_PATH,
  sample,
  violations,
} from './openapi';
import { clientFor, SIM_PASSWORD, SIM_USER, type SimHarness, startSim } from './sim-harness';

const spec = loadSpec();
const SKIP = `skipped: Cisco's OpenAPI excerpt is not at ${SPEC_PATH} (put the shared folder next to the project)`;
if (!spec) console.warn(`[fmc-contract] ${SKIP}`);

const P = '/api/fmc_platform/v1';
const C = '/api/fmc_config/v1/domain/{domainUUID}';

/** Spec path of each endpoint we read, with our schema for its list answer and for one object. */
const ENDPOINTS: Array<{ path: string; item: z.ZodType; single?: string }> = [
  {
    path: `${P}/info/serverversion`,
    item: ServerVersionSchema,
    single: `${P}/info/serverversion/{objectId}`,
  },
  { path: `${P}/info/domain`, item: DomainSchema, single: `${P}/info/domain/{domainUUID}/{objectId}` },
  { path: `${C}/devices/devicerecords`, item: DeviceSchema, single: `${C}/devices/devicerecords/{objectId}` },
  { path: `${C}/devices/devicerecords/{containerUUID}/operational/commands`, item: CommandSchema },
  { path: `${C}/health/alerts`, item: HealthAlertSchema },
  {
    path: `${C}/integration/cloudeventsconfigs`,
    item: CloudEventsConfigSchema,
    single: `${C}/integration/cloudeventsconfigs/{objectId}`,
  },
  {
    path: `${C}/integration/securexconfigs`,
    item: SecurexConfigSchema,
    single: `${C}/integration/securexconfigs/{objectId}`,
  },
  {
    path: `${C}/integration/cloudregions`,
    item: CloudRegionSchema,
    single: `${C}/integration/cloudregions/{objectId}`,
  },
  {
    path: `${C}/object/dnsservergroups`,
    item: DnsServerGroupSchema,
    single: `${C}/object/dnsservergroups/{objectId}`,
  },
];

describe.skipIf(!spec)(`schemas against Cisco's OpenAPI excerpt (${spec ? 'present' : SKIP})`, () => {
  const s = spec as NonNullable<typeof spec>;

  it.each(ENDPOINTS)(
    '$path: Cisco’s examples and a sample of its definition parse',
    ({ path, item, single }) => {
      const list = listOf(item);
      const listExamples = examples(s, path);
      for (const [title, body] of listExamples) expect(list.safeParse(body).success, title).toBe(true);
      const singleExamples = single ? examples(s, single) : [];
      for (const [title, body] of singleExamples) expect(item.safeParse(body).success, title).toBe(true);
      // Where Cisco gives no example, the definition itself must fit: every declared property, declared types.
      const built = sample(s, responseSchema(s, path)) as { items: unknown[] };
      expect(list.safeParse(built).error).toBeUndefined();
      expect(built.items.length).toBe(1);
    },
  );

  it('counts the examples it checked (the excerpt still carries them)', () => {
    const total = ENDPOINTS.reduce(
      (n, e) => n + examples(s, e.path).length + (e.single ? examples(s, e.single).length : 0),
      0,
    );
    expect(total).toBeGreaterThanOrEqual(12);
  });

  it('declares every field we read, with the type we read it as', () => {
    const expectations: Array<[string, string, string]> = [
      ['ServerVersion', 'serverVersion', 'string'],
      ['Domain', 'uuid', 'string'],
      ['Domain', 'name', 'string'],
      ['Device', 'id', 'string'],
      ['Device', 'name', 'string'],
      ['Device', 'hostName', 'string'],
      ['Device', 'sw_version', 'string'],
      ['Device', 'model', 'string'],
      ['Device', 'healthStatus', 'string'],
      ['Device', 'ftdMode', 'string'],
      ['Commands', 'commandOutput', 'string'],
      ['HealthAlertModel', 'deviceUUID', 'string'],
      ['HealthAlertModel', 'moduleID', 'string'],
      ['HealthAlertModel', 'status', 'string'],
      ['HealthAlertModel', 'details', 'string'],
      ['HealthAlertModel', 'timestamp', 'integer'],
      ['CloudEvents', 'sendIntrusionEvents', 'boolean'],
      ['CloudEvents', 'sendFileEvents', 'boolean'],
      ['CloudEvents', 'sendConnectionEvents', 'boolean'],
      ['SecurexConfig', 'enabled', 'boolean'],
      ['CloudRegion', 'domain', 'string'],
      ['CloudRegion', 'current', 'boolean'],
      ['DNSServerGroupObject', 'dnsservers', 'array'],
      ['INameServer', 'name-server', 'string'],
      ['PagingContainer', 'count', 'integer'],
      ['PagingContainer', 'offset', 'integer'],
    ];
    for (const [name, field, type] of expectations) {
      expect(property(s, name, field)?.type, `${name}.${field}`).toBe(type);
    }
  });

  it('lists the alert modules and statuses we filter on', () => {
    expect(property(s, 'HealthAlertModel', 'moduleID')?.enum).toEqual(
      expect.arrayContaining(['THREAT_DATA_UPDATES', 'CONN_STATUS_SSE']),
    );
    expect(property(s, 'HealthAlertModel', 'status')?.enum).toEqual(
      expect.arrayContaining(['RED', 'YELLOW']),
    );
    const filter = (
      operation(s, `${C}/health/alerts`).parameters as Array<{ name?: string; description?: string }>
    ).find((p) => p.name === 'filter')?.description;
    for (const key of ['moduleIDs', 'status', 'deviceUUIDs', 'startTime', 'endTime'])
      expect(filter).toContain(key);
  });

  it('takes the command in a query parameter of at most two words', () => {
    const params = operation(s, `${C}/devices/devicerecords/{containerUUID}/operational/commands`)
      .parameters as Array<{
      name?: string;
      description?: string;
    }>;
    expect(params.find((p) => p.name === 'command')?.description).toContain(
      'maximum word size of this field is 2',
    );
    expect(definition(s, 'Commands').properties).toHaveProperty('commandInput');
  });
});

describe('schemas against the simulator', () => {
  let sim: SimHarness;
  let client: FmcClient;
  let deviceId: string;

  beforeAll(async () => {
    sim = await startSim({ fleet: { devices: 12, failing: 3, seed: 7 } });
    client = clientFor(sim);
    await client.signIn(SIM_USER, SIM_PASSWORD);
    deviceId = sim.fleet().devices[1]?.id ?? '';
  });
  afterAll(() => sim.close());

  const concrete = (path: string) =>
    path.replace('{domainUUID}', client.session.domainUuid ?? '').replace('{containerUUID}', deviceId);
  const query = (path: string) =>
    path.endsWith('/commands') ? { command: 'show network' } : { expanded: true, limit: 1000 };

  it.each(ENDPOINTS)('$path: the simulator’s answer parses with our schema', async ({ path, item }) => {
    const body = await client.get(concrete(path), listOf(item), { endpoint: path, query: query(path) });
    expect(body.items.length).toBeGreaterThan(0);
  });

  it.skipIf(!spec)(
    `the simulator’s answers agree with Cisco’s declared types (${spec ? 'present' : SKIP})`,
    async () => {
      const s = spec as NonNullable<typeof spec>;
      for (const { path } of ENDPOINTS) {
        const body = await client.get(concrete(path), z.unknown(), { endpoint: path, query: query(path) });
        expect(violations(s, responseSchema(s, path), body), path).toEqual([]);
      }
    },
  );
});
