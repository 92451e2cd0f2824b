import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../lib/fmc/client';
import { FmcError } from '../../lib/fmc/errors';
import {
  DeviceSchema,
  DomainSchema,
  HealthAlertSchema,
  listOf,
  SecurexConfigSchema,
  ServerVersionSchema,
} from '../../lib/fmc/schemas';

function mismatch(run: () => unknown): FmcError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FmcError);
    return error as FmcError;
  }
  throw new Error('expected a schema mismatch');
}

describe('FMC schemas are tolerant', () => {
  it('lets unknown fields through and treats null or missing optional fields alike', () => {
    const device = DeviceSchema.parse({
      id: 'd1',
      name: 'ftd-1',
      model: null,
      futureField: { nested: true },
      healthPolicy: { id: 'p', name: 'Initial', extra: 1 },
    });
    expect(device).toMatchObject({ id: 'd1', name: 'ftd-1', futureField: { nested: true } });
    expect(device.model).toBeUndefined();
    expect(device.sw_version).toBeUndefined();
  });

  it('compares enums case-insensitively and keeps unknown values', () => {
    expect(DeviceSchema.parse({ id: 'a', healthStatus: 'red' }).healthStatus).toBe('RED');
    expect(DeviceSchema.parse({ id: 'a', healthStatus: 'Green', ftdMode: 'routed' })).toMatchObject({
      healthStatus: 'GREEN',
      ftdMode: 'ROUTED',
    });
    const alert = HealthAlertSchema.parse({ deviceUUID: 0, status: 'critical', moduleID: 'conn_status_sse' });
    expect(alert).toMatchObject({ deviceUUID: '0', status: 'CRITICAL', moduleID: 'CONN_STATUS_SSE' });
  });

  it('reads the server version under either spelling (Cisco’s example writes serverversion)', () => {
    expect(ServerVersionSchema.parse({ serverversion: '7.0.1 (build 84)' }).serverVersion).toBe(
      '7.0.1 (build 84)',
    );
    expect(ServerVersionSchema.parse({ serverVersion: '7.4.1' }).serverVersion).toBe('7.4.1');
  });

  it('takes a domain uuid from id when uuid is absent', () => {
    expect(DomainSchema.parse({ id: 'u1', name: 'Global' }).uuid).toBe('u1');
  });

  it('reads a list whose items are absent, and paging numbers sent as strings', () => {
    const list = listOf(DeviceSchema).parse({
      paging: { offset: '0', limit: '1000', count: '0', pages: '0' },
    });
    expect(list.items).toEqual([]);
    expect(list.paging).toMatchObject({ offset: 0, count: 0 });
  });

  it('drops the masked SecureX client password', () => {
    const config = SecurexConfigSchema.parse({ enabled: true, clientId: 'c', clientPassword: '*********' });
    expect(config).not.toHaveProperty('clientPassword');
  });
});

describe('a body that fails its schema names the endpoint and the field', () => {
  it('for a device without id', () => {
    const error = mismatch(() =>
      parseAnswer(listOf(DeviceSchema), { items: [{ id: 'a' }, { name: 'no id' }] }, 'devices/devicerecords'),
    );
    expect(error.code).toBe('schema-mismatch');
    expect(error.params).toEqual({ endpoint: 'devices/devicerecords', field: 'items[1].id' });
    expect(error.message).toBe(
      "The FMC's answer to devices/devicerecords has an unexpected field items[1].id. This FMC version may not be supported yet.",
    );
  });

  it('for a server version with neither spelling', () => {
    const error = mismatch(() =>
      parseAnswer(listOf(ServerVersionSchema), { items: [{}] }, 'info/serverversion'),
    );
    expect(error.params.field).toBe('items[0].serverVersion');
  });

  it('for a body that is not an object at all', () => {
    const error = mismatch(() => parseAnswer(listOf(DeviceSchema), 'oops', 'devices/devicerecords'));
    expect(error.params.field).toBe('(body)');
  });
});
