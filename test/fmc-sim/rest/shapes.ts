import { createHash } from 'node:crypto';
import { DATA_TYPES, REGION_HOSTS, type RegionId, type SimDevice, type SimFleet } from '../fleet';
import type { RestFaults } from './faults';
import type { LinkWriter } from './paging';

/**
 * The fleet rendered as the FMC's JSON documents, after Cisco's OpenAPI definitions and examples. Each builder
 * returns the expanded object; `summary` gives the `{id, type, name, links}` of a non-expanded list.
 */

export type Drift = RestFaults['schemaDrift'];

/** A stable UUID-looking id derived from a name, so ids survive a restart of the simulator. */
function stableId(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function summary(item: Record<string, unknown>): Record<string, unknown> {
  const { id, type, name, links } = item;
  return { id, type, ...(name === undefined ? {} : { name }), links };
}

/** Fields a newer FMC might add: clients must let them pass. */
function future<T extends Record<string, unknown>>(item: T, drift: Drift): T {
  return drift === 'tolerable' ? { ...item, x_futureField: { addedIn: '8.0', values: [1, 2] } } : item;
}

export function serverVersionItem(
  fleet: SimFleet,
  drift: Drift,
  link: LinkWriter,
  /** A cdFMC's string as is (`10.0.0-build 7056`); an on-prem FMC prints `7.4.1 (build 172)`. */
  cdfmcVersion?: string,
): Record<string, unknown> {
  const versionKey = drift === 'tolerable' ? 'serverversion' : 'serverVersion';
  return future(
    {
      [versionKey]: cdfmcVersion ?? `${fleet.serverVersion} (build 172)`,
      geoVersion: '2023-06-06-101',
      vdbVersion: 'build 376 ( 2023-11-09 19:14:06 )',
      sruVersion: '2023-06-08-001-vrt',
      lspVersion: 'lsp-rel-20230608-1427',
      type: 'ServerVersion',
      links: { self: link('/api/fmc_platform/v1/info/serverversion') },
    },
    drift,
  );
}

export function domainItem(domain: SimFleet['domains'][number], link: LinkWriter): Record<string, unknown> {
  return {
    uuid: domain.uuid,
    name: domain.name,
    type: domain.type,
    links: { self: link(`/api/fmc_platform/v1/info/domain/${domain.uuid}`) },
  };
}

const HEALTH_POLICY = {
  id: stableId('health-policy'),
  type: 'HealthPolicy',
  name: 'Initial_Health_Policy 2023-06-01',
};
const ACCESS_POLICY = { id: stableId('access-policy'), type: 'AccessPolicy', name: 'Default-ACP' };

export function deviceItem(
  device: SimDevice,
  fleet: SimFleet,
  drift: Drift,
  link: LinkWriter,
  /** The `deviceHealth` fault: health statuses sent instead of red/green, by device id or name. */
  health: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const failing = device.failingDataTypes.length > 0;
  const domain = fleet.domains.find((d) => d.uuid === device.domainUuid);
  const self = link(`/api/fmc_config/v1/domain/${device.domainUuid}/devices/devicerecords/${device.id}`);
  const item: Record<string, unknown> = {
    id: device.id,
    type: 'Device',
    name: device.name,
    description: '',
    model: device.model,
    modelId: 'A',
    modelNumber: '75',
    modelType: 'Sensor',
    healthStatus: health[device.id] ?? health[device.name] ?? healthStatus(failing, drift, device),
    sw_version: device.version,
    healthPolicy: { ...HEALTH_POLICY },
    accessPolicy: { ...ACCESS_POLICY },
    hostName: device.hostName,
    license_caps: ['BASE', 'MALWARE', 'URLFilter', 'THREAT'],
    keepLocalEvents: false,
    prohibitPacketTransfer: false,
    ftdMode: 'ROUTED',
    links: { self },
    metadata: {
      readOnly: { state: false },
      domain: { name: domain?.name ?? 'Global', id: device.domainUuid, type: 'Domain' },
      isPartOfContainer: false,
      isMultiInstance: false,
      snortVersion: '3.1.21.100-7',
      sruVersion: '2023-06-08-001-vrt',
      vdbVersion: 'build 376 ( 2023-11-09 19:14:06 )',
      lspVersion: 'lsp-rel-20230608-1427',
      deviceSerialNumber: device.id.slice(0, 11).toUpperCase(),
      snortEngine: 'SNORT3',
      inventoryData: { cpuCores: '4', cpuType: 'Intel(R) Xeon(R) 2.50GHz', memoryInMB: '8192' },
    },
  };
  if (drift === 'tolerable') {
    delete item.model;
    delete item.healthPolicy;
    item.ftdMode = 'routed';
  }
  if (drift === 'breaking') {
    item.uuid = item.id;
    delete item.id;
  }
  return future(item, drift);
}

function healthStatus(failing: boolean, drift: Drift, device: SimDevice): string {
  const status = failing ? 'red' : 'green';
  if (drift !== 'tolerable') return status;
  // Casing varies across versions: mix it within one answer.
  return device.name.length % 2 === 0 ? status.toUpperCase() : status[0]?.toUpperCase() + status.slice(1);
}

export interface SimAlert {
  id: string;
  type: 'Alert';
  moduleID: string;
  moduleUUID: string;
  deviceUUID: string;
  name: string;
  description: string;
  details: string;
  status: string;
  timestamp: number;
}

/**
 * Current health alerts: the Threat Data Updates module (and the SSE connection module) for every device, a
 * CPU alert per device and one about the FMC itself (`deviceUUID` "0"), so filters have something to drop.
 */
export function alerts(
  fleet: SimFleet,
  cloudModule: RestFaults['cloudAlertModule'],
  now: number,
  /** The `cloudAlertStatus` fault: the status of the alert carrying the Cloud Configuration result. */
  cloudStatus: Readonly<Record<string, string>> = {},
): SimAlert[] {
  const out: SimAlert[] = [];
  const dataTypes = [...new Set(DATA_TYPES)];
  fleet.devices.forEach((device, i) => {
    const forced = cloudStatus[device.id] ?? cloudStatus[device.name];
    const timestamp = Math.floor(now / 1000) - 60 - (i % 600);
    const cloudFailing = device.failingDataTypes.includes('Cisco Cloud Configuration');
    const listed =
      cloudModule === 'THREAT_DATA_UPDATES' ? dataTypes : dataTypes.filter((t) => !/Cloud/.test(t));
    const tduFailing = listed.filter((t) => device.failingDataTypes.includes(t));
    out.push({
      id: stableId(`alert-tdu-${device.id}`),
      type: 'Alert',
      moduleID: 'THREAT_DATA_UPDATES',
      moduleUUID: stableId('module-THREAT_DATA_UPDATES'),
      deviceUUID: device.id,
      name: 'Threat Data Updates on Devices',
      description: 'Monitors the threat data updates on the device',
      details: listed
        .map((t) => `${t} - ${device.failingDataTypes.includes(t) ? 'Failure' : 'Success'}`)
        .join('<br>'),
      status:
        (cloudModule === 'THREAT_DATA_UPDATES' ? forced : undefined) ??
        (tduFailing.length > 0 ? 'RED' : 'GREEN'),
      timestamp,
    });
    if (cloudModule === 'CONN_STATUS_SSE') {
      out.push({
        id: stableId(`alert-sse-${device.id}`),
        type: 'Alert',
        moduleID: 'CONN_STATUS_SSE',
        moduleUUID: stableId('module-CONN_STATUS_SSE'),
        deviceUUID: device.id,
        name: 'SSE Connection Status',
        description: 'Monitors the connection of the device to Security Services Exchange',
        details: `Cisco Cloud Configuration - ${cloudFailing ? 'Failure' : 'Success'}`,
        status: forced ?? (cloudFailing ? 'RED' : 'GREEN'),
        timestamp,
      });
    }
    out.push({
      id: stableId(`alert-cpu-${device.id}`),
      type: 'Alert',
      moduleID: 'CPU',
      moduleUUID: stableId('module-CPU'),
      deviceUUID: device.id,
      name: 'CPU Usage Data Plane',
      description: 'Monitors CPU usage',
      details: 'Using 12% of the CPU',
      status: 'GREEN',
      timestamp,
    });
  });
  out.push({
    id: stableId('alert-fmc-disk'),
    type: 'Alert',
    moduleID: 'DISK_USAGE',
    moduleUUID: stableId('module-DISK_USAGE'),
    deviceUUID: '0',
    name: 'Disk Usage',
    description: 'Monitors disk usage',
    details: '/Volume using 81%',
    status: 'YELLOW',
    timestamp: Math.floor(now / 1000) - 30,
  });
  return out;
}

export function alertItem(
  alert: SimAlert,
  domainUuid: string,
  drift: Drift,
  link: LinkWriter,
): Record<string, unknown> {
  return future(
    {
      ...alert,
      status: drift === 'tolerable' ? alert.status.toLowerCase() : alert.status,
      links: { self: link(`/api/fmc_config/v1/domain/${domainUuid}/health/alerts/${alert.id}`) },
    },
    drift,
  );
}

/** `moduleIDs:A,B;status:red;deviceUUIDs:…;startTime:…;endTime:…` as key (lower case) -> values. */
export function alertCriteria(filter: string | null): Map<string, string[]> {
  const criteria = new Map<string, string[]>();
  for (const part of (filter ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const values = part
      .slice(colon + 1)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    criteria.set(part.slice(0, colon).trim().toLowerCase(), values);
  }
  return criteria;
}

/** `moduleIDs:A,B;status:red;deviceUUIDs:…;startTime:…;endTime:…`, keys and values case-insensitive. */
export function filterAlerts(list: readonly SimAlert[], filter: string | null): SimAlert[] {
  if (!filter) return [...list];
  const criteria = alertCriteria(filter);
  const inList = (key: string, value: string) => {
    const wanted = criteria.get(key);
    return !wanted || wanted.some((w) => w.toLowerCase() === value.toLowerCase());
  };
  const start = Number(criteria.get('starttime')?.[0] ?? Number.NEGATIVE_INFINITY);
  const end = Number(criteria.get('endtime')?.[0] ?? Number.POSITIVE_INFINITY);
  return list.filter(
    (a) =>
      inList('moduleids', a.moduleID) &&
      inList('status', a.status) &&
      inList('deviceuuids', a.deviceUUID) &&
      a.timestamp >= start &&
      a.timestamp <= end,
  );
}

export function cloudEventsItem(fleet: SimFleet, domainUuid: string, drift: Drift, link: LinkWriter) {
  const id = stableId('cloud-events');
  return future(
    {
      id,
      type: 'CloudEventsConfig',
      ...fleet.integration.cloudEvents,
      links: { self: link(`/api/fmc_config/v1/domain/${domainUuid}/integration/cloudeventsconfigs/${id}`) },
    },
    drift,
  );
}

export function securexItem(
  securex: { enabled: boolean },
  domainUuid: string,
  drift: Drift,
  link: LinkWriter,
) {
  const id = stableId('securex');
  return future(
    {
      id,
      type: 'SecurexConfig',
      name: 'securexconfig',
      enabled: securex.enabled,
      ...(securex.enabled ? { clientId: 'client-5f1c2e', clientPassword: '*********' } : {}),
      links: { self: link(`/api/fmc_config/v1/domain/${domainUuid}/integration/securexconfigs/${id}`) },
    },
    drift,
  );
}

export function cloudRegionItems(fleet: SimFleet, domainUuid: string, drift: Drift, link: LinkWriter) {
  return (Object.entries(REGION_HOSTS) as Array<[RegionId, (typeof REGION_HOSTS)[RegionId]]>).map(
    ([region, host]) => {
      const id = stableId(`region-${region}`);
      return future(
        {
          id,
          type: 'CloudRegion',
          name: host.name,
          description: `${host.name} region`,
          domain:
            region === fleet.integration.region
              ? (fleet.integration.regionDomain ?? host.domain)
              : host.domain,
          current: region === fleet.integration.region,
          links: { self: link(`/api/fmc_config/v1/domain/${domainUuid}/integration/cloudregions/${id}`) },
        },
        drift,
      );
    },
  );
}

export function dnsServerGroupItems(domainUuid: string, drift: Drift, link: LinkWriter) {
  const groups = [
    {
      name: 'CorporateDNS',
      servers: ['10.20.0.53', '10.20.1.53'],
      defaultdomain: 'corp.example',
      timeout: 2,
      retries: 2,
    },
    {
      name: 'PublicDNS',
      servers: ['208.67.222.222', '2620:119:35::35'],
      defaultdomain: '',
      timeout: 1,
      retries: 1,
    },
  ];
  return groups.map((g) => {
    const id = stableId(`dns-${g.name}`);
    return future(
      {
        id,
        type: 'DNSServerGroupObject',
        name: g.name,
        dnsservers: g.servers.map((s) => ({ 'name-server': s })),
        ...(g.defaultdomain ? { defaultdomain: g.defaultdomain } : {}),
        timeout: g.timeout,
        retries: g.retries,
        overridable: false,
        links: { self: link(`/api/fmc_config/v1/domain/${domainUuid}/object/dnsservergroups/${id}`) },
        metadata: {
          timestamp: 1_686_000_000_000,
          lastUser: { name: 'admin' },
          domain: { name: 'Global', id: domainUuid },
        },
      },
      drift,
    );
  });
}
