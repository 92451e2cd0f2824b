// One device's runbook: the steps of ./runbook-steps.ts, kept when their conditions hold, filled with its values.
import type { ShowNetwork } from '../fmc/show-network';
import type { Localized } from '../i18n';
import { type FillVars, fill, fillLocalized, same } from '../i18n';
import { bugUrl } from '../knowledge/bugs';
import { sourcesOf } from '../knowledge/sources';
import { bracketHost, proxyAddress } from './device-text';
import { dnsKey } from './dns-sets';
import type { RegionChoice } from './region';
import {
  type CommandTemplate,
  type Condition,
  RUNBOOKS,
  type StepTemplate,
  UNKNOWN_REASONS,
} from './runbook-steps';
import { isShellSafeHost, isShellSafePort, safeAddresses } from './shell-safe';
import type { DeviceInput, PeerDns, RunbookCommand, RunbookStep, Verdict } from './types';
import { readShowNetwork } from './verdict';

export interface RunbookContext {
  device: DeviceInput;
  verdict: Verdict;
  region: RegionChoice;
  peerDns: PeerDns | null;
}

const US_HOST = 'api-sse.cisco.com';
const PROXY_BUG = 'CSCvs05084';
const US_NAME: Localized = { en: 'United States (US)', fr: 'États-Unis (US)' };

/** The verdict's runbook with this device's values: its region host, its DNS servers, its peers', its proxy. */
export function buildRunbook(ctx: RunbookContext): RunbookStep[] {
  const parsed = readShowNetwork(ctx.device.showNetwork);
  const vars = runbookVars(ctx, parsed);
  const facts = conditionFacts(ctx, parsed, vars);
  const holds = (when: Condition | undefined) => when === undefined || facts[when];
  const dnsServers = safeAddresses(parsed?.dnsServers);

  return (RUNBOOKS[ctx.verdict] ?? [])
    .filter((step) => holds(step.when))
    .map((step: StepTemplate) => ({
      id: step.id,
      text: fillLocalized(step.text, vars),
      sources: sourcesOf(step.text),
      commands: (step.commands ?? [])
        .filter((command) => holds(command.when))
        .flatMap((command) =>
          command.each === 'dns'
            ? dnsServers.map((dns) => fillCommand(command, { ...vars, dns }))
            : [fillCommand(command, vars)],
        ),
    }));
}

function fillCommand(template: CommandTemplate, vars: FillVars): RunbookCommand {
  const command: RunbookCommand = { command: fill(template.command, vars), shell: template.shell };
  if (template.expect) {
    command.expect = fillLocalized(template.expect, vars);
    command.sources = sourcesOf(template.expect);
  }
  return command;
}

function runbookVars(ctx: RunbookContext, parsed: ShowNetwork | null): FillVars {
  const { device, region } = ctx;
  const dns = safeAddresses(parsed?.dnsServers);
  const peers = safeAddresses(ctx.peerDns?.servers);
  const proxy = parsed?.proxy;
  const proxyHost = isShellSafeHost(proxy?.address) ? proxy.address : undefined;
  const safePort = isShellSafePort(proxy?.port) ? proxy.port : undefined;
  const proxyPort = safePort === undefined ? undefined : String(safePort);
  const version = typeof device.version === 'string' && device.version !== '' ? device.version : '?';
  const vars: Record<string, FillValue> = {
    host: region.host,
    cname: `${region.host}.akadns.net`,
    regionName:
      region.region?.name ?? (region.name ? same(region.name) : region.assumed ? US_NAME : same(region.host)),
    version,
    bugUrl: bugUrl(PROXY_BUG),
    reason: unknownReason(device, parsed, version),
    proxy: proxyHost
      ? same(proxyAddress({ address: proxyHost, port: safePort }) ?? proxyHost)
      : { en: 'address not shown', fr: 'adresse non affichée' },
  };
  if (proxyHost) vars.proxyHost = proxyHost;
  if (proxyPort) vars.proxyPort = proxyPort;
  // Inside a URL an IPv6 address needs brackets; unknown, it reads as the placeholder telnet shows.
  vars.proxyUrlHost = proxyHost ? bracketHost(proxyHost) : '<proxyHost>';
  if (dns.length > 0) {
    vars.dns1 = dns[0] as string;
    vars.dnsList = dns.join(', ');
    vars.dnsCsv = dns.join(',');
  }
  if (peers.length > 0) {
    vars.peerDns1 = peers[0] as string;
    vars.peerDnsList = peers.join(', ');
    vars.peerDnsCsv = peers.join(',');
    vars.peerCount = String(ctx.peerDns?.deviceIds.length ?? 0);
  }
  const otherHosts = region.region?.otherHosts ?? [];
  if (otherHosts.length > 0) vars.otherHosts = otherHosts.join(', ');
  return vars;
}

type FillValue = string | Localized;

function conditionFacts(
  ctx: RunbookContext,
  parsed: ShowNetwork | null,
  vars: FillVars,
): Record<Condition, boolean> {
  const dns = safeAddresses(parsed?.dnsServers);
  const peers = safeAddresses(ctx.peerDns?.servers);
  const hasPeers = peers.length > 0;
  const gateway = parsed?.gateway?.ipv4;
  return {
    us: ctx.region.host === US_HOST,
    'not-us': ctx.region.host !== US_HOST,
    'peer-dns': hasPeers,
    'no-peer-dns': !hasPeers,
    'peer-dns-differs': hasPeers && dnsKey(peers) !== dnsKey(dns),
    'data-interfaces': typeof gateway === 'string' && gateway.trim().toLowerCase() === 'data-interfaces',
    'proxy-unseen': parsed !== null && !(parsed.proxy && typeof parsed.proxy === 'object'),
    'other-hosts': vars.otherHosts !== undefined,
    'no-other-hosts': vars.otherHosts === undefined,
  };
}

/** What kept the device's settings from being read; only the `unknown` runbook says it. */
function unknownReason(device: DeviceInput, parsed: ShowNetwork | null, version: string): Localized {
  if (parsed) return UNKNOWN_REASONS.truncated;
  const input = device.showNetwork as { reason?: unknown; message?: unknown } | null | undefined;
  const reason =
    input?.reason === 'unsupported'
      ? fillLocalized(UNKNOWN_REASONS.unsupported, { version })
      : input?.reason === 'failed'
        ? UNKNOWN_REASONS.failed
        : UNKNOWN_REASONS['not-read'];
  const message =
    typeof input?.message === 'string' ? input.message.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return message ? { en: `${reason.en} (${message})`, fr: `${reason.fr} (${message})` } : reason;
}
