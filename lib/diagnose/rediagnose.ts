import type { ShowNetwork } from '../fmc/show-network';
import { diagnose } from './diagnose';
import { chooseRegion } from './region';
import type {
  BrowserDnsResult,
  DeviceDiagnosis,
  DeviceInput,
  DiagnoseInput,
  Diagnosis,
  IntegrationDiagnosis,
  IntegrationInput,
  ShowNetworkInput,
} from './types';
import { isFailing } from './verdict';

export interface RediagnoseOptions {
  /** The browser's fresh look-up of the region's host, when one was made; else the finding is left out. */
  browserDns?: BrowserDnsResult[];
  /** When the device was re-read, ISO 8601. */
  at: string;
}

/**
 * The diagnosis after one device was read again (a re-check, issue 10). Pure: the other devices and the
 * integration are what the full run found, rebuilt as the diagnosis's input from what it kept (verdicts,
 * management DNS, proxy, gateway), so that the device's verdict, its runbook (the healthy peers' DNS) and the
 * cross-checks are decided by the same code as a full run. The other devices keep their evidence and runbook
 * as the run wrote them; the counts, the peers' DNS and the flags are computed again.
 */
export function rediagnose(previous: Diagnosis, fresh: DeviceInput, options: RediagnoseOptions): Diagnosis {
  const known = previous.devices.some((device) => device.id === fresh.id);
  const input: DiagnoseInput = {
    fmc: previous.fmc,
    integration: integrationInput(previous.integration),
    devices: [
      ...previous.devices.map((device) => (device.id === fresh.id ? fresh : standIn(device))),
      ...(known ? [] : [fresh]),
    ],
    ...(options.browserDns ? { browserDns: options.browserDns } : {}),
    incomplete: previous.incomplete,
    failingComplete: previous.failingComplete,
  };
  const next = diagnose(input);
  const before = new Map(previous.devices.map((device) => [device.id, device]));
  const devices = next.devices.map((device): DeviceDiagnosis => {
    const old = before.get(device.id);
    if (device.id !== fresh.id && old) return { ...old, flags: device.flags };
    const wasFailing = old ? isFailing(old.alert) : false;
    const clearedAt = device.verdict !== 'healthy' ? undefined : wasFailing ? options.at : old?.clearedAt;
    return { ...device, recheckedAt: options.at, ...(clearedAt ? { clearedAt } : {}) };
  });
  return { ...next, fmc: previous.fmc, integration: previous.integration, devices };
}

/** The integration settings as the full run read them, in the shape the diagnosis reads. */
function integrationInput(integration: IntegrationDiagnosis): IntegrationInput {
  const cloudEvents =
    integration.cloudEvents === 'error'
      ? 'error'
      : integration.cloudEvents === 'absent'
        ? null
        : Object.fromEntries(
            integration.eventsSent.map((kind) => [
              `send${kind.charAt(0).toUpperCase()}${kind.slice(1)}Events`,
              true,
            ]),
          );
  const securex =
    integration.securex === 'error'
      ? 'error'
      : integration.securex === 'absent'
        ? null
        : { enabled: integration.securex === 'enabled' };
  // A region the FMC did not name was assumed (the US host): passing no host keeps it assumed.
  const named = integration.region !== null || integration.regionId !== null;
  return {
    cloudEvents,
    securex,
    regionHost: named || integration.sseHost !== chooseRegion(null).host ? integration.sseHost : null,
    ...(integration.region ? { regionName: integration.region } : {}),
  };
}

/** A device of the full run as the diagnosis's input: its alert and what its `show network` showed. */
function standIn(device: DeviceDiagnosis): DeviceInput {
  return {
    id: device.id,
    name: device.name,
    ...(device.hostName ? { hostName: device.hostName } : {}),
    version: device.version,
    alert: device.alert
      ? {
          status: device.alert.status,
          details: device.alert.details,
          ...(device.alert.timestamp === undefined ? {} : { timestamp: device.alert.timestamp }),
        }
      : null,
    showNetwork: showNetworkOf(device),
  };
}

function showNetworkOf(device: DeviceDiagnosis): ShowNetworkInput {
  if (!device.managementDns) return { ok: false, reason: 'not-read' };
  const parsed: ShowNetwork = {
    dnsServers: device.managementDns.servers,
    gateway: device.gateway ? { ipv4: device.gateway } : {},
    interfaces: [],
    proxy: device.proxy
      ? {
          enabled: device.proxy.enabled,
          state: device.proxy.enabled ? 'Enabled' : 'Disabled',
          ...(device.proxy.address === undefined ? {} : { address: device.proxy.address }),
          ...(device.proxy.port === undefined ? {} : { port: device.proxy.port }),
          fields: {},
        }
      : null,
    sections: [],
    truncated: false,
  };
  return { ok: true, parsed };
}
