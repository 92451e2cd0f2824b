/**
 * A seeded, reproducible model of what an FMC manages. The UI pages and the REST API of the simulator both
 * render this one model, so the in-page hints and the API-based diagnosis see the same fleet.
 */

export const DATA_TYPES = [
  'SI URL Lists and Feeds',
  'URL Category and Reputation',
  'Threat Configuration',
  'SI SHA Lists (from TID)',
  'SI Network Lists and Feeds',
  'Local Malware Analysis Signatures',
  'Cisco Cloud Configuration',
  'SI DNS Lists and Feeds',
  'URL Category and Reputation',
  'AMP Dynamic Analysis',
] as const;
export const CLOUD_CONFIGURATION = 'Cisco Cloud Configuration';
export const MODULE_NAME = 'Threat Data Updates';

export type RegionId = 'us' | 'eu' | 'apjc' | 'aus' | 'ind';
export const REGION_HOSTS: Record<RegionId, { name: string; domain: string }> = {
  us: { name: 'US', domain: 'api-sse.cisco.com' },
  eu: { name: 'EU', domain: 'api.eu.sse.itd.cisco.com' },
  apjc: { name: 'APJC', domain: 'api.apj.sse.itd.cisco.com' },
  aus: { name: 'Australia', domain: 'api.aus.sse.itd.cisco.com' },
  ind: { name: 'India', domain: 'api.in.sse.itd.cisco.com' },
};

/** Why a failing device fails: what its `show network` will show. */
export type FailureCause = 'dns-missing' | 'proxy' | 'connectivity';

export interface SimDevice {
  id: string;
  name: string;
  hostName: string;
  model: string;
  version: string;
  domainUuid: string;
  /** Data types of the Threat Data Updates module in status Failure (empty: all Success). */
  failingDataTypes: string[];
  cause: FailureCause | null;
  dnsServers: string[];
  dnsFromRouter: boolean;
  gateway: string;
  managementInterface: 'management0' | 'br1';
  managementAddress: string;
  proxy: { enabled: boolean; address?: string; port?: number };
  /** False for versions that refuse `show network` through the command API. */
  showNetworkSupported: boolean;
  /** The command API answers an error for this device. */
  commandFails: boolean;
  /**
   * What the Health Monitor's pages still show when it differs from what the REST API reports: the data types
   * that failed at the pages' last evaluation, kept by `fixDevice` until `evaluateHealth` (see there).
   */
  shownFailingDataTypes?: string[];
}

export interface SimDomain {
  uuid: string;
  name: string;
  type: 'DOMAIN' | 'LEAF';
}

export interface SimFleet {
  seed: number;
  serverVersion: string;
  domains: SimDomain[];
  devices: SimDevice[];
  integration: {
    cloudEvents: { sendIntrusionEvents: boolean; sendFileEvents: boolean; sendConnectionEvents: boolean };
    /** null where the FMC version predates the SecureX endpoint (7.0). */
    securex: { enabled: boolean } | null;
    region: RegionId;
    /** A host the FMC reports for the current region instead of Cisco's (a region added after a release). */
    regionDomain?: string;
  };
}

export interface FleetOptions {
  seed?: number;
  devices?: number;
  /** How many devices fail the Cloud Configuration check. */
  failing?: number;
  serverVersion?: string;
  integration?: boolean;
  region?: RegionId;
  /** Device names carrying markup, script and bidi payloads. */
  hostileNames?: boolean;
  /** Causes assigned round-robin to failing devices. */
  causes?: FailureCause[];
  /** Share of devices on versions that refuse `show network` (0..1). */
  oldVersionRatio?: number;
  /**
   * A cloud-delivered FMC's fleet (issue 20): the Global domain only (every public sample shows one, cdfmc.md),
   * server version 10.0.0 unless given, device versions in both forms (`7.4.2`, and SCC's `7.7.10-build 1248`:
   * which form device records carry is not published, so both are served).
   */
  cdfmc?: boolean;
}

export const GLOBAL_DOMAIN: SimDomain = {
  uuid: 'e276abec-e0f2-11e3-8169-6d9ed49b625f',
  name: 'Global',
  type: 'DOMAIN',
};
export const BRANCH_DOMAIN: SimDomain = {
  uuid: '7d4a9f2c-0b1e-4c55-9a3e-2f8a6c1d0e11',
  name: 'Global/Branch',
  type: 'LEAF',
};

export const HOSTILE_NAMES = [
  '<img src=x onerror="window.__fmcXss=1">',
  '<script>window.__fmcXss=1</script>',
  'javascript:window.__fmcXss=1',
  `ftd-${'x'.repeat(300)}`,
  '\u202Eftd-rtl-evil\u202C',
  'ftd<br>branch',
];

/** mulberry32: small, fast, reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const MODELS = [
  'Cisco Firepower Threat Defense for VMware',
  'Cisco Secure Firewall 3110',
  'Cisco Firepower 2130',
];
const VERSIONS = ['7.2.5', '7.4.1', '7.0.6', '7.6.0'];
/** cdFMC-managed devices: the plain form and SCC's build form (cdfmc.md); the versions themselves invented. */
const CDFMC_VERSIONS = ['7.4.2', '7.7.10-build 1248', '7.6.0', '7.2.9-build 26'];
const OLD_VERSIONS = ['6.4.0', '6.5.0'];
const HEALTHY_DNS = [['10.20.0.53', '10.20.1.53'], ['10.20.0.53', '10.20.1.53'], ['10.30.0.53']];

export function generateFleet(options: FleetOptions = {}): SimFleet {
  const seed = options.seed ?? 1;
  const rand = prng(seed);
  const count = options.devices ?? 10;
  const failing = Math.min(options.failing ?? Math.round(count / 10), count);
  const causes = options.causes ?? ['dns-missing', 'connectivity', 'proxy'];
  const cdfmc = options.cdfmc === true;
  const serverVersion = options.serverVersion ?? (cdfmc ? '10.0.0' : '7.4.1');
  const integrationOn = options.integration ?? true;
  const oldRatio = options.oldVersionRatio ?? 0;

  // Failing devices are spread through the fleet, not bunched at the top.
  const failingIndexes = new Set<number>();
  for (let i = 0; i < failing; i++) failingIndexes.add(Math.floor((i * count) / failing));

  let failingSeen = 0;
  const devices: SimDevice[] = Array.from({ length: count }, (_, i) => {
    const isFailing = failingIndexes.has(i);
    const cause = isFailing ? (causes[failingSeen++ % causes.length] ?? 'connectivity') : null;
    const old = rand() < oldRatio;
    const version = pick(old ? OLD_VERSIONS : cdfmc ? CDFMC_VERSIONS : VERSIONS, i);
    const hostile = options.hostileNames ? HOSTILE_NAMES[i % HOSTILE_NAMES.length] : undefined;
    const name = hostile ?? `ftd-${String(i + 1).padStart(4, '0')}`;
    const dns =
      cause === 'dns-missing'
        ? []
        : cause === 'connectivity' && i % 2 === 0
          ? ['192.0.2.53']
          : pick(HEALTHY_DNS, i);
    return {
      id: uuid(rand),
      name,
      hostName: `10.${10 + Math.floor(i / 250)}.${i % 250}.1`,
      model: pick(MODELS, i),
      version,
      domainUuid: i % 5 === 4 && !cdfmc ? BRANCH_DOMAIN.uuid : GLOBAL_DOMAIN.uuid,
      failingDataTypes: isFailing ? [CLOUD_CONFIGURATION] : [],
      cause,
      dnsServers: [...dns],
      dnsFromRouter: i % 7 === 0,
      gateway: i % 4 === 0 ? 'data-interfaces' : `10.${10 + Math.floor(i / 250)}.${i % 250}.254`,
      managementInterface: old ? 'br1' : 'management0',
      managementAddress: `10.${10 + Math.floor(i / 250)}.${i % 250}.10`,
      proxy: cause === 'proxy' ? { enabled: true, address: '10.99.0.8', port: 3128 } : { enabled: false },
      showNetworkSupported: !old,
      commandFails: false,
    };
  });

  return {
    seed,
    serverVersion,
    // A cdFMC: one Global domain, Cisco sample's uuid (every public sample shows it; clients discover it).
    domains: cdfmc ? [GLOBAL_DOMAIN] : [GLOBAL_DOMAIN, BRANCH_DOMAIN],
    devices,
    integration: {
      cloudEvents: {
        sendIntrusionEvents: integrationOn,
        sendFileEvents: integrationOn,
        sendConnectionEvents: false,
      },
      securex: versionAtLeast(serverVersion, '7.0') ? { enabled: integrationOn } : null,
      region: options.region ?? 'us',
    },
  };
}

/**
 * The admin's fix, as the device would report it at its next health run (issue 10's re-check and watch): DNS
 * servers configured when there were none, the proxy turned off, every data type back to Success. In place.
 * The REST API (alerts, `show network`) reports it at once; the Health Monitor's pages keep showing the failure
 * until `evaluateHealth` (or at once with `{ pages: true }`). Whether the FMC's pages and its health alerts API
 * move together is not documented (`../shared/docs/fmc-ui.md` says nothing of when a page's results refresh);
 * an admin's open page certainly shows the older result until reloaded, and issue 17's test contract has a page
 * opened after a watch cleared still show the device's row, with its hint saying `healthy`. Returns false for
 * an unknown device.
 */
export function fixDevice(fleet: SimFleet, idOrName: string, options: { pages?: boolean } = {}): boolean {
  const device = fleet.devices.find((candidate) => candidate.id === idOrName || candidate.name === idOrName);
  if (!device) return false;
  if (!options.pages && device.failingDataTypes.length > 0) {
    device.shownFailingDataTypes ??= [...device.failingDataTypes];
  }
  if (options.pages) delete device.shownFailingDataTypes;
  device.failingDataTypes = [];
  device.cause = null;
  if (device.dnsServers.length === 0 || device.dnsServers.includes('192.0.2.53')) {
    device.dnsServers = [...(HEALTHY_DNS[0] ?? [])];
  }
  device.proxy = { enabled: false };
  return true;
}

/** The Health Monitor's pages catch up with the health alerts: what `fixDevice` fixed shows as Success. */
export function evaluateHealth(fleet: SimFleet): void {
  for (const device of fleet.devices) delete device.shownFailingDataTypes;
}

/** The i-th item, cycling: the lists are constant and never empty. */
function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/**
 * The simulator's own version comparison, on purpose not the client's (`lib/fmc/version.ts`): the FMC it
 * stands for decides its rate limit and endpoints by itself, so a client bug in reading versions shows up
 * as a test failure instead of being agreed with.
 */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(/[.\s]/).map((n) => Number.parseInt(n, 10) || 0);
  const b = min.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** The device's `show network`, formatted as FTD prints it (labels padded to column 28). */
export function renderShowNetwork(device: SimDevice): string {
  const line = (label: string, value: string) => `${label.padEnd(26)}: ${value}`;
  const cont = (value: string) => `${' '.repeat(28)}${value}`;
  const out = ['===============[ System Information ]===============', line('Hostname', device.hostName)];
  device.dnsServers.forEach((server, i) => {
    out.push(i === 0 ? line('DNS Servers', server) : cont(server));
  });
  out.push(
    line('DNS from router', device.dnsFromRouter ? 'enabled' : 'disabled'),
    line('Management port', '8305'),
    'IPv4 Default route',
    line('  Gateway', device.gateway),
    '',
    `==================[ ${device.managementInterface} ]===================`,
    line('Admin State', 'enabled'),
    line('Channels', 'Management & Events'),
    '----------------------[ IPv4 ]----------------------',
    line('Configuration', 'Manual'),
    line('Address', device.managementAddress),
    line('Netmask', '255.255.255.0'),
    '----------------------[ IPv6 ]----------------------',
    line('Configuration', 'Disabled'),
    '',
    '===============[ Proxy Information ]================',
    line('State', device.proxy.enabled ? 'Enabled' : 'Disabled'),
  );
  if (device.proxy.enabled) {
    out.push(line('Address', device.proxy.address ?? ''), line('Port', String(device.proxy.port ?? '')));
  }
  out.push(line('Authentication', 'Disabled'));
  return out.join('\n');
}
