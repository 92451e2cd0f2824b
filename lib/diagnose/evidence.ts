import { type StatusMeaning, statusMeaning } from '../alert/statuses';
import type { ShowNetwork } from '../fmc/show-network';
import type { Localized } from '../i18n';
import { type FillVars, fillLocalized } from '../i18n';
import { healthyDnsText } from './cross-checks';
import { proxyAddress } from './device-text';
import type { HealthyDns } from './dns-sets';
import { EVENT_KINDS, EVIDENCE_TEXT } from './evidence-text';
import type { RegionChoice } from './region';
import { cdfmcIntegrationEvidence, type ScenarioInference } from './scenario';
import type { BrowserDnsResult, DeviceInput, Evidence, EvidenceId, Verdict } from './types';
import { dnsServersOf, isFailing, readShowNetwork } from './verdict';

export interface EvidenceContext {
  device: DeviceInput;
  verdict: Verdict;
  scenario: ScenarioInference;
  region: RegionChoice;
  browser: BrowserDnsResult | null;
  /** The healthy devices' DNS servers as read, worded by `healthyDnsText` as every surface words them. */
  healthyDns: HealthyDns;
}

// FMC messages and alert details are free text: long ones would drown the facts around them.
const MAX_TEXT = 300;

/** What was read for one device, in the order an admin checks it. */
export function collectEvidence(ctx: EvidenceContext): Evidence[] {
  const out: Evidence[] = [];
  const add = (id: EvidenceId, text: Localized, vars: FillVars = {}) =>
    out.push({ id, text: fillLocalized(text, vars) });
  const { device, verdict } = ctx;
  const failing = isFailing(device.alert);

  if (!device.alert) add('alert', EVIDENCE_TEXT.alertNone);
  else {
    // A status the table does not read as failing or clear is said to be unknown, in so many words.
    const meaning = statusMeaning(device.alert.status);
    const status = clip(String(device.alert.status ?? ''));
    add('alert', ALERT_TEXT[meaning], {
      status: status === '' ? EVIDENCE_TEXT.noStatus : status,
      details: clip(failingResults(device.alert.details).join('; ')),
    });
  }

  if (failing) {
    add('cloud-events', eventsText(ctx.scenario), { kinds: kindsList(ctx.scenario.eventsSent) });
    // A cdFMC has no SecureX setting at all (issue 20): its line says so, with its cloudintegrations.
    add(
      'securex',
      ctx.scenario.platform === 'cdfmc'
        ? cdfmcIntegrationEvidence(ctx.scenario)
        : SECUREX[ctx.scenario.securex],
    );
    if (ctx.region.assumed) add('region', EVIDENCE_TEXT.regionAssumed, { host: ctx.region.host });
    else
      add('region', EVIDENCE_TEXT.regionKnown, {
        host: ctx.region.host,
        region: ctx.region.region?.name ?? ctx.region.name ?? ctx.region.host,
      });
  }

  const parsed = readShowNetwork(device.showNetwork);
  // A healthy device nobody read has nothing to say; a failing one's gap is evidence.
  if (parsed) showNetworkFacts(parsed, add);
  else if (failing) showNetworkGap(device, add);

  if (failing && verdict !== 'expected-integration-off') {
    if (ctx.browser) browserFact(ctx.browser, ctx.region.host, add);
    if (verdict === 'dns-missing' || verdict === 'unknown')
      out.push({ id: 'peer-dns', text: healthyDnsText(ctx.healthyDns) });
  }
  return out;
}

type Add = (id: EvidenceId, text: Localized, vars?: FillVars) => void;

const ALERT_TEXT: Record<StatusMeaning, Localized> = {
  failing: EVIDENCE_TEXT.alertFailing,
  unknown: EVIDENCE_TEXT.alertUnknown,
  clear: EVIDENCE_TEXT.alertClear,
};

const SECUREX: Record<ScenarioInference['securex'], Localized> = {
  enabled: EVIDENCE_TEXT.securexEnabled,
  disabled: EVIDENCE_TEXT.securexDisabled,
  absent: EVIDENCE_TEXT.securexAbsent,
  error: EVIDENCE_TEXT.securexError,
};

function eventsText(scenario: ScenarioInference): Localized {
  const byState = {
    sent: EVIDENCE_TEXT.eventsSent,
    none: EVIDENCE_TEXT.eventsNone,
    absent: EVIDENCE_TEXT.eventsAbsent,
    error: EVIDENCE_TEXT.eventsError,
  };
  return byState[scenario.cloudEvents];
}

/** `intrusion/file` in English, `d’intrusion et de fichiers` in French. */
export function kindsList(kinds: readonly string[]): Localized {
  const names = kinds.map((kind) => EVENT_KINDS[kind] ?? { en: kind, fr: `« ${kind} »` });
  const fr = names.map((n) => n.fr);
  const last = fr.pop();
  return {
    en: names.map((n) => n.en).join('/'),
    fr: fr.length > 0 ? `${fr.join(', ')} et ${last}` : (last ?? ''),
  };
}

function showNetworkFacts(parsed: ShowNetwork, add: Add): void {
  const dns = dnsServersOf(parsed);
  if (dns === null) add('dns', EVIDENCE_TEXT.dnsCutOff);
  else if (dns.length === 0) add('dns', EVIDENCE_TEXT.dnsAbsent);
  else add('dns', EVIDENCE_TEXT.dnsServers, { servers: dns.join(', ') });

  const proxy = parsed.proxy;
  if (proxy && typeof proxy === 'object') {
    const address = proxyAddress(proxy);
    if (!proxy.enabled) add('proxy', EVIDENCE_TEXT.proxyDisabled);
    else if (address) add('proxy', EVIDENCE_TEXT.proxyEnabled, { proxy: clip(address) });
    else add('proxy', EVIDENCE_TEXT.proxyEnabledNoAddress);
  } else {
    // A whole output without the section is an older release's (lib/fmc/show-network.ts); a cut one may lack it.
    add('proxy', parsed.truncated === false ? EVIDENCE_TEXT.proxyNoSection : EVIDENCE_TEXT.proxyUnseen);
  }
  const gateway = parsed.gateway?.ipv4;
  if (typeof gateway === 'string' && gateway !== '')
    add('gateway', EVIDENCE_TEXT.gateway, { gateway: clip(gateway) });
  if (parsed.truncated === true && dns !== null) {
    const sections = Array.isArray(parsed.sections) ? parsed.sections : [];
    const last = sections.at(-1);
    if (typeof last === 'string' && last.trim() !== '')
      add('show-network', EVIDENCE_TEXT.showNetworkTruncatedIn, { section: clip(last) });
    else add('show-network', EVIDENCE_TEXT.showNetworkTruncated);
  }
}

function showNetworkGap(device: DeviceInput, add: Add): void {
  const input = device.showNetwork as
    | { ok?: unknown; reason?: unknown; message?: unknown }
    | null
    | undefined;
  const message =
    typeof input?.message === 'string' && input.message.trim() !== '' ? `: ${clip(input.message)}` : '';
  if (input?.reason === 'unsupported')
    add('show-network', EVIDENCE_TEXT.showNetworkUnsupported, {
      version: clip(String(device.version)),
      message,
    });
  else if (input?.reason === 'failed') add('show-network', EVIDENCE_TEXT.showNetworkFailed, { message });
  else add('show-network', EVIDENCE_TEXT.showNetworkNotRead);
}

function browserFact(browser: BrowserDnsResult, host: string, add: Add): void {
  const addresses = Array.isArray(browser.addresses)
    ? browser.addresses.filter((a) => typeof a === 'string')
    : [];
  if (browser.ok === true && addresses.length > 0)
    add('browser-dns', EVIDENCE_TEXT.browserResolves, { host, addresses: clip(addresses.join(', ')) });
  else {
    const error =
      typeof browser.error === 'string' && browser.error !== '' ? ` (${clip(browser.error)})` : '';
    add('browser-dns', EVIDENCE_TEXT.browserFails, { host, error });
  }
}

const BREAK = /<br\s*\/?>/i;
const FAILURE = /\b(fail(ed|ure|ing)?|error|critical|red|down)\b/i;
const CLOUD_CONFIGURATION = /cloud\s+configuration/i;

/**
 * An alert's details, one test result each: the FMC puts `<br>` between them. The Cloud Configuration failure
 * comes first, then any other failure, then the rest, each group in the FMC's order.
 */
export function alertResults(details: unknown): string[] {
  if (typeof details !== 'string') return [];
  const results = details
    .split(BREAK)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
  const rank = (line: string) => (FAILURE.test(line) ? (CLOUD_CONFIGURATION.test(line) ? 0 : 1) : 2);
  return results
    .map((line, index) => ({ line, index, rank: rank(line) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ line }) => line);
}

/** The results that failed (the evidence quotes these); all of them when none reads as a failure. */
export function failingResults(details: unknown): string[] {
  const results = alertResults(details);
  const failing = results.filter((line) => FAILURE.test(line));
  return failing.length > 0 ? failing : results;
}

function clip(text: string): string {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}
