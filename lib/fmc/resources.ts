import type { z } from 'zod';
import { type FmcClient, parseAnswer } from './client';
import { FmcError, isFmcError } from './errors';
import { getAll, getPage, type Listed } from './paging';
import {
  type CloudEventsConfig,
  CloudEventsConfigSchema,
  type CloudIntegration,
  CloudIntegrationSchema,
  type CloudRegion,
  CloudRegionSchema,
  CommandSchema,
  type Device,
  DeviceSchema,
  type DnsServerGroup,
  DnsServerGroupSchema,
  type Domain,
  DomainSchema,
  type HealthAlert,
  HealthAlertSchema,
  readList,
  type SecurexConfig,
  SecurexConfigSchema,
  type ServerVersion,
  ServerVersionSchema,
} from './schemas';
import { versionNumber } from './version';

/** Typed reads of the endpoints the diagnosis uses. */

export interface ServerVersionInfo extends ServerVersion {
  /** `7.2.4` out of `7.2.4 (build 169)`. */
  version: string;
}

/** Also tells the client the version, which sets its request rate. */
export async function getServerVersion(client: FmcClient, signal?: AbortSignal): Promise<ServerVersionInfo> {
  const endpoint = 'info/serverversion';
  const item = await getFirst(client, '/api/fmc_platform/v1/info/serverversion', ServerVersionSchema, {
    endpoint,
    signal,
  });
  if (!item) throw missing(endpoint, 'items[0].serverVersion');
  const info = { ...item, version: versionNumber(item.serverVersion) };
  client.setServerVersion(info.version);
  return info;
}

/**
 * The first item of a singleton list (`serverversion`, the integration settings), null when the list is empty.
 * An item the schema rejects is an error here: there is no other item to fall back on.
 */
async function getFirst<T extends z.ZodType>(
  client: FmcClient,
  path: string,
  item: T,
  options: { endpoint: string; signal?: AbortSignal | undefined },
): Promise<z.output<T> | null> {
  const page = await getPage(client, path, item, { ...options, query: { expanded: true } });
  const bad = page.rejected[0];
  if (page.items.length === 0 && bad) throw missing(options.endpoint, bad.field);
  return page.items[0] ?? null;
}

export async function listDomains(client: FmcClient, signal?: AbortSignal): Promise<Listed<Domain>> {
  return getAll(client, '/api/fmc_platform/v1/info/domain', DomainSchema, {
    endpoint: 'info/domain',
    signal,
  });
}

export async function listDevices(client: FmcClient, signal?: AbortSignal): Promise<Listed<Device>> {
  return getAll(client, client.configPath('devices/devicerecords'), DeviceSchema, {
    endpoint: 'devices/devicerecords',
    signal,
  });
}

/** One device record by id: how devices the list could not give are still read. */
export async function getDevice(client: FmcClient, id: string, signal?: AbortSignal): Promise<Device> {
  return client.get(client.configPath(`devices/devicerecords/${encodeURIComponent(id)}`), DeviceSchema, {
    endpoint: 'devices/devicerecords/{id}',
    signal,
  });
}

export interface AlertFilter {
  moduleIds?: readonly string[];
  statuses?: readonly string[];
  deviceIds?: readonly string[];
  /** Both or neither, as the FMC requires. */
  between?: { start: Date; end: Date };
}

/** The FMC's `filter` syntax: `moduleIDs:A,B;status:red,yellow;deviceUUIDs:…;startTime:…;endTime:…`. */
export function alertFilter(filter: AlertFilter): string {
  const parts: string[] = [];
  if (filter.moduleIds?.length) parts.push(`moduleIDs:${filter.moduleIds.join(',')}`);
  if (filter.statuses?.length) parts.push(`status:${filter.statuses.map((s) => s.toLowerCase()).join(',')}`);
  if (filter.deviceIds?.length) parts.push(`deviceUUIDs:${filter.deviceIds.join(',')}`);
  if (filter.between) {
    parts.push(`startTime:${Math.floor(filter.between.start.getTime() / 1000)}`);
    parts.push(`endTime:${Math.floor(filter.between.end.getTime() / 1000)}`);
  }
  return parts.join(';');
}

export async function listHealthAlerts(
  client: FmcClient,
  filter: AlertFilter,
  signal?: AbortSignal,
): Promise<Listed<HealthAlert>> {
  const query = alertFilter(filter);
  return getAll(client, client.configPath('health/alerts'), HealthAlertSchema, {
    endpoint: 'health/alerts',
    query: query ? { filter: query } : {},
    signal,
  });
}

/** The singleton "send events to the cloud" settings; null if the FMC returns none. */
export async function getCloudEventsConfig(
  client: FmcClient,
  signal?: AbortSignal,
): Promise<CloudEventsConfig | null> {
  return getFirst(client, client.configPath('integration/cloudeventsconfigs'), CloudEventsConfigSchema, {
    endpoint: 'integration/cloudeventsconfigs',
    signal,
  });
}

/** The singleton SecureX settings; null where the FMC has no such endpoint (before 7.0: 404). */
export async function getSecurexConfig(
  client: FmcClient,
  signal?: AbortSignal,
): Promise<SecurexConfig | null> {
  try {
    return await getFirst(client, client.configPath('integration/securexconfigs'), SecurexConfigSchema, {
      endpoint: 'integration/securexconfigs',
      signal,
    });
  } catch (error) {
    if (isFmcError(error, 'not-available')) return null;
    throw error;
  }
}

/**
 * A cdFMC's cloud integration (issue 20): `integration/cloudintegrations/cloudintegrations`, one object. Its
 * answer's form is not published: the object itself, or a list holding it, are both read. Null where the
 * endpoint is absent (404).
 */
export async function getCloudIntegration(
  client: FmcClient,
  signal?: AbortSignal,
): Promise<CloudIntegration | null> {
  const endpoint = 'integration/cloudintegrations';
  try {
    return await client.read(
      client.configPath('integration/cloudintegrations/cloudintegrations'),
      (body) => {
        const isList = typeof body === 'object' && body !== null && ('items' in body || 'paging' in body);
        if (!isList) return parseAnswer(CloudIntegrationSchema, body, endpoint);
        const page = readList(CloudIntegrationSchema, body, endpoint);
        const first = page.items[0];
        if (first) return first;
        if (page.rejected[0]) throw missing(endpoint, page.rejected[0].field);
        return null;
      },
      { endpoint, signal },
    );
  } catch (error) {
    if (isFmcError(error, 'not-available')) return null;
    throw error;
  }
}

export async function listCloudRegions(
  client: FmcClient,
  signal?: AbortSignal,
): Promise<Listed<CloudRegion>> {
  return getAll(client, client.configPath('integration/cloudregions'), CloudRegionSchema, {
    endpoint: 'integration/cloudregions',
    signal,
  });
}

export async function listDnsServerGroups(
  client: FmcClient,
  signal?: AbortSignal,
): Promise<Listed<DnsServerGroup>> {
  return getAll(client, client.configPath('object/dnsservergroups'), DnsServerGroupSchema, {
    endpoint: 'object/dnsservergroups',
    signal,
  });
}

type CommandForm = 'command' | 'filter';

interface CommandFormState {
  known?: CommandForm;
  /** The request finding out which form this FMC accepts; others wait for it rather than guess too. */
  probe?: Promise<unknown>;
}

const commandForms = new WeakMap<FmcClient, CommandFormState>();

/** Device commands wait for the device (one request each) and a place among the ten devices served at once. */
const COMMAND_TIMEOUT_MS = 60_000;

/**
 * Runs `show network` on a device through the FMC and returns the CLI text. Sends `command=show network`, and
 * `filter=command:show network` when the FMC rejects the first form (some versions only take that one).
 */
export async function runShowNetwork(
  client: FmcClient,
  deviceId: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<string> {
  const endpoint = 'devices/devicerecords/{id}/operational/commands';
  const release = await client.limiter.commands.acquire(deviceId, options.signal).catch(() => {
    throw new FmcError({ code: 'aborted', params: { endpoint } });
  });
  try {
    const state = commandForms.get(client) ?? {};
    commandForms.set(client, state);
    while (state.known === undefined && state.probe) await state.probe.catch(() => undefined);

    const path = client.configPath(
      `devices/devicerecords/${encodeURIComponent(deviceId)}/operational/commands`,
    );
    const ask = async (form: CommandForm): Promise<string> => {
      const list = await getPage(client, path, CommandSchema, {
        endpoint,
        query: form === 'command' ? { command: 'show network' } : { filter: 'command:show network' },
        signal: options.signal,
        timeoutMs: options.timeoutMs ?? COMMAND_TIMEOUT_MS,
      });
      state.known = form;
      if (list.items.length === 0)
        throw missing(endpoint, list.rejected[0]?.field ?? 'items[0].commandOutput');
      return list.items.map((item) => item.commandOutput).join('\n');
    };
    const attempt = async (): Promise<string> => {
      if (state.known) return ask(state.known);
      try {
        return await ask('command');
      } catch (error) {
        if (!isFmcError(error, 'invalid-request')) throw error;
        return ask('filter');
      }
    };
    if (state.known) return await attempt();
    const probe = attempt();
    state.probe = probe;
    try {
      return await probe;
    } finally {
      if (state.probe === probe) delete state.probe;
    }
  } finally {
    release();
  }
}

function missing(endpoint: string, field: string): FmcError {
  return new FmcError({ code: 'schema-mismatch', params: { endpoint, field } });
}
