import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import type { Diagnosis, FlagId } from '../../lib/diagnose/types';
import { failing, fleet, healthy, INTEGRATION_OFF, shown } from '../fixtures/diagnose/build';

const fleetFlags = (d: Diagnosis, id: FlagId) => d.flags.filter((f) => f.id === id);
const deviceFlags = (d: Diagnosis, device: string, id: FlagId) =>
  d.devices.find((x) => x.id === device)?.flags.filter((f) => f.id === id) ?? [];

describe('(a) failing devices whose DNS servers differ from every healthy device’s set', () => {
  const input = fleet([
    healthy('h1', shown({ dns: ['10.0.0.53', '10.0.0.54'] })),
    healthy('h2', shown({ dns: ['172.16.0.53'] })),
    failing('odd', shown({ dns: ['192.168.7.53'] })),
    failing('reordered', shown({ dns: ['10.0.0.54', '10.0.0.53'] })),
  ]);
  const d = diagnose(input);

  it('flags the device whose set no healthy device uses, naming the healthy sets', () => {
    const [flag] = deviceFlags(d, 'odd', 'dns-differs-from-healthy');
    expect(flag?.deviceIds).toEqual(['odd']);
    expect(flag?.text.en).toContain('192.168.7.53');
    expect(flag?.text.en).toContain(
      'Of the 2 healthy devices read, 1 uses 10.0.0.53, 10.0.0.54 and 1 uses 172.16.0.53.',
    );
  });

  it('does not flag a device using a healthy set in another order', () => {
    expect(deviceFlags(d, 'reordered', 'dns-differs-from-healthy')).toEqual([]);
  });

  it('summarises fleet-wide with the device ids', () => {
    expect(fleetFlags(d, 'dns-differs-from-healthy').map((f) => f.deviceIds)).toEqual([['odd']]);
  });

  it('says nothing when no healthy device was read', () => {
    const none = diagnose(fleet([healthy('h'), failing('odd', shown({ dns: ['192.168.7.53'] }))]));
    expect(fleetFlags(none, 'dns-differs-from-healthy')).toEqual([]);
  });

  it('ignores failures that are expected because integration is off', () => {
    const off = diagnose(
      fleet(
        [healthy('h', shown({ dns: ['10.0.0.53'] })), failing('odd', shown({ dns: ['192.168.7.53'] }))],
        INTEGRATION_OFF,
      ),
    );
    expect(off.flags).toEqual([]);
  });
});

describe('(b) failing devices sharing the same DNS servers: a shared broken resolver', () => {
  const input = fleet([
    healthy('h1', shown({ dns: ['10.0.0.53'] })),
    failing('b1', shown({ dns: ['192.168.7.53', '192.168.7.54'] }), { name: 'branch-1' }),
    failing('b2', shown({ dns: ['192.168.7.54', '192.168.7.53'] }), { name: 'branch-2' }),
    failing(
      'b3',
      shown({ dns: ['192.168.7.53', '192.168.7.54'], proxy: { address: '10.9.9.9', port: 3128 } }),
      {
        name: 'branch-3',
      },
    ),
    failing('alone', shown({ dns: ['192.168.9.53'] })),
  ]);
  const d = diagnose(input);

  it('flags each member and lists its failing peers', () => {
    const [flag] = deviceFlags(d, 'b1', 'shared-failing-dns');
    expect(flag?.deviceIds).toEqual(['b1', 'b2', 'b3']);
    expect(flag?.text.en).toContain('branch-2, branch-3');
    expect(flag?.text.en).not.toContain('branch-1');
    expect(deviceFlags(d, 'b2', 'shared-failing-dns')[0]?.deviceIds).toEqual(['b2', 'b1', 'b3']);
  });

  it('one fleet flag per shared set', () => {
    const flags = fleetFlags(d, 'shared-failing-dns');
    expect(flags.map((f) => f.deviceIds)).toEqual([['b1', 'b2', 'b3']]);
    expect(flags[0]?.text.en).toContain('192.168.7.53, 192.168.7.54');
  });

  it('a device alone with its set is not flagged', () => {
    expect(deviceFlags(d, 'alone', 'shared-failing-dns')).toEqual([]);
  });

  it('a set a healthy device also uses is no broken resolver', () => {
    const shared = diagnose(
      fleet([
        healthy('h', shown({ dns: ['10.0.0.53'] })),
        failing('a', shown({ dns: ['10.0.0.53'] })),
        failing('b', shown({ dns: ['10.0.0.53'] })),
      ]),
    );
    expect(fleetFlags(shared, 'shared-failing-dns')).toEqual([]);
  });

  it('devices without DNS servers share no resolver', () => {
    const empty = diagnose(fleet([failing('a', shown({ dns: [] })), failing('b', shown({ dns: [] }))]));
    expect(fleetFlags(empty, 'shared-failing-dns')).toEqual([]);
  });

  it('says when no healthy device was read to compare with', () => {
    const unread = diagnose(
      fleet([failing('a', shown({ dns: ['10.9.9.9'] })), failing('b', shown({ dns: ['10.9.9.9'] }))]),
    );
    expect(fleetFlags(unread, 'shared-failing-dns')[0]?.text.en).toContain('no healthy device was read');
  });
});

describe('(c) the region host does not resolve from the browser either', () => {
  const devices = [
    healthy('h'),
    failing('a', shown({ dns: ['10.0.0.53'] })),
    failing('b', shown({ dns: [] })),
  ];

  it('flags every failing device and the fleet, with the browser’s error', () => {
    const d = diagnose(
      fleet(
        devices,
        { regionHost: 'api.eu.sse.itd.cisco.com' },
        {
          browserDns: [
            { host: 'api-sse.cisco.com', ok: true, addresses: ['198.51.100.1'] },
            { host: 'API.EU.SSE.ITD.CISCO.COM.', ok: false, addresses: [], error: 'NXDOMAIN' },
          ],
        },
      ),
    );
    const [flag] = fleetFlags(d, 'browser-cannot-resolve');
    expect(flag?.deviceIds).toEqual(['a', 'b']);
    expect(flag?.text.en).toContain('api.eu.sse.itd.cisco.com');
    expect(flag?.text.en).toContain('NXDOMAIN');
    expect(deviceFlags(d, 'a', 'browser-cannot-resolve')).toHaveLength(1);
    expect(deviceFlags(d, 'h', 'browser-cannot-resolve')).toEqual([]);
  });

  it('an ok answer without addresses does not count as resolving', () => {
    const d = diagnose(
      fleet(devices, {}, { browserDns: [{ host: 'api-sse.cisco.com', ok: true, addresses: [] }] }),
    );
    expect(fleetFlags(d, 'browser-cannot-resolve')).toHaveLength(1);
  });

  it('no flag when the browser resolves the region host, or looked up another host only', () => {
    const resolves = diagnose(
      fleet(
        devices,
        {},
        { browserDns: [{ host: 'api-sse.cisco.com', ok: true, addresses: ['198.51.100.1'] }] },
      ),
    );
    const other = diagnose(
      fleet(devices, {}, { browserDns: [{ host: 'example.com', ok: false, addresses: [] }] }),
    );
    const absent = diagnose(fleet(devices));
    for (const d of [resolves, other, absent]) expect(fleetFlags(d, 'browser-cannot-resolve')).toEqual([]);
  });
});

describe('(d) gateway data-interfaces on failing devices', () => {
  const d = diagnose(
    fleet([
      healthy('h', shown({ dns: ['10.0.0.53'], gateway: 'data-interfaces' })),
      failing('a', shown({ dns: ['10.0.0.53'], gateway: 'data-interfaces' })),
      failing('b', shown({ dns: ['10.0.0.53'], gateway: '10.0.0.1' })),
    ]),
  );

  it('flags the failing device routed through its data interfaces', () => {
    expect(deviceFlags(d, 'a', 'gateway-data-interfaces')[0]?.text.en).toMatch(/^Gateway: data-interfaces/);
    expect(deviceFlags(d, 'b', 'gateway-data-interfaces')).toEqual([]);
  });

  it('leaves healthy devices out, even with the same gateway', () => {
    expect(fleetFlags(d, 'gateway-data-interfaces').map((f) => f.deviceIds)).toEqual([['a']]);
  });
});

it('fleet texts cap the names they list', () => {
  const many = Array.from({ length: 13 }, (_, i) =>
    failing(`d${i}`, shown({ dns: ['10.0.0.53'], gateway: 'data-interfaces' })),
  );
  const [flag] = diagnose(fleet(many)).flags.filter((f) => f.id === 'gateway-data-interfaces');
  expect(flag?.deviceIds).toHaveLength(13);
  expect(flag?.text.en).toContain('d9 and 3 more');
  expect(flag?.text.en).not.toContain('d10');
});
