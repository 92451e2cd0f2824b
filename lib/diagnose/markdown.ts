import { SHOW_NETWORK_KEEP_BYTES } from '../fmc/show-network';
import type { Lang, Localized } from '../i18n';
import { fill } from '../i18n';
import { isSource, type Source, sourceUrl } from '../knowledge/sources';
import {
  causeText,
  dnsText,
  gatewayText,
  managementAddress,
  otherResultsText,
  proxyText,
  sshCommand,
} from './device-text';
import { healthyDnsOf } from './dns-sets';
import { kindsList } from './evidence';
import { INCOMPLETE_TEXT, PART_LABELS } from './incomplete';
import { mdCode, mdFence, mdText } from './markdown-escape';
import {
  CLOUD_EVENTS_LABELS,
  CLOUD_INTEGRATION_LABELS,
  MD_TEXT,
  SECUREX_LABELS,
  VERDICT_LABELS,
} from './markdown-text';
import { deviceSections, type StepSection, sectionSteps } from './sections';
import { clearedSince, deviceTimes } from './times';
import type { DeviceDiagnosis, Diagnosis, EvidenceId, RunbookCommand, RunbookStep } from './types';
import { VERDICTS } from './types';

export interface MarkdownOptions {
  /** The extension's version (the manifest's), given by the page that exports: this layer reads no browser API. */
  extensionVersion?: string;
}

/**
 * The diagnosis as Markdown to paste into a Cisco TAC case (issue 19): a summary, the failing devices in one table,
 * then each failing device (what to do, why, and its `show network` as printed), the healthy devices as a count,
 * the devices a re-check or a watch cleared, and the cross-checks. It reads the same rendered (GitHub-flavoured
 * Markdown) and as plain text: FMC values that Markdown could misread go in code spans, never behind backslashes
 * (./markdown-escape.ts). The words are `lang`'s whatever the page's language ("Export in English"). The date and
 * the version are parameters: the function stays pure and a test can pin them.
 */
export function toMarkdown(
  diagnosis: Diagnosis,
  lang: Lang,
  generatedAt?: Date,
  options: MarkdownOptions = {},
): string {
  const w = words(lang);
  const out: string[] = [`# ${w.t(MD_TEXT.title)}`, ''];
  out.push(...summary(diagnosis, w, generatedAt, options), '');

  const incomplete = diagnosis.incomplete ?? [];
  if (incomplete.length > 0) {
    // First, before any finding: the reader must know what the result lacks before reading it.
    out.push(`## ${w.t(INCOMPLETE_TEXT.heading)}`, '', mdText(w.t(INCOMPLETE_TEXT.intro)), '');
    for (const entry of incomplete)
      out.push(`- ${w.label(PART_LABELS[entry.part])} ${mdText(w.t(entry.reason))}`);
    out.push('');
  }

  const failing = diagnosis.devices.filter((d) => d.verdict !== 'healthy');
  const complete = diagnosis.failingComplete !== false;
  out.push(`## ${w.t(MD_TEXT.failing)} (${failing.length})`, '');
  if (failing.length === 0)
    out.push(mdText(w.t(complete ? MD_TEXT.noFailing : INCOMPLETE_TEXT.failingUnknown)), '');
  else {
    if (!complete) out.push(`*${mdText(w.t(INCOMPLETE_TEXT.failingMaybeMore))}*`, '');
    out.push(...failingTable(failing, w), '');
    for (const device of failing) out.push(...deviceSection(device, w));
  }

  out.push(`## ${w.t(MD_TEXT.healthy)}`, '', ...healthySummary(diagnosis.devices, complete, w), '');

  const cleared = diagnosis.devices.filter(clearedSince);
  if (cleared.length > 0) {
    out.push(`## ${w.t(MD_TEXT.cleared)}`, '');
    for (const device of cleared) out.push(clearedLine(device, w));
    out.push('');
  }

  out.push(`## ${w.t(MD_TEXT.crossChecks)}`, '');
  if ((diagnosis.flags ?? []).length === 0) out.push(mdText(w.t(MD_TEXT.noFlags)));
  else out.push(...(diagnosis.flags ?? []).map((flag) => `- ${mdText(w.t(flag.text))}`));
  return `${out.join('\n')}\n`;
}

/** The language's words, and the few ways the export writes them. */
interface Words {
  lang: Lang;
  t: (text: Localized | string | undefined) => string;
  f: (text: Localized, vars: Record<string, string | Localized>) => string;
  /** `**Label:**`, the colon as the language sets it. */
  label: (text: Localized) => string;
}

function words(lang: Lang): Words {
  const t = (text: Localized | string | undefined) => pick(text, lang);
  return {
    lang,
    t,
    f: (text, vars) => fill(t(text), vars, lang),
    label: (text) => `**${t(text)}${t(MD_TEXT.colon)}**`,
  };
}

function summary(diagnosis: Diagnosis, w: Words, at: Date | undefined, options: MarkdownOptions): string[] {
  const { fmc, integration } = diagnosis;
  const out = [`## ${w.t(MD_TEXT.summary)}`, ''];
  const domain = `${mdText(fmc.domain?.name)} (${mdCode(fmc.domain?.uuid)})`;
  out.push(
    `- ${w.label(MD_TEXT.fmc)} ${w.f(MD_TEXT.fmcLine, { origin: mdCode(fmc.origin), version: mdText(fmc.version) || '?', domain })}`,
  );
  out.push(`- ${w.label(MD_TEXT.diagnosed)} ${isDate(at) ? utc(at) : w.t(MD_TEXT.notDated)}`);

  // The verdict first (on or off, the scenario, always our inference), then what it rests on.
  const inference = integration.scenarioInference;
  const on =
    integration.verdict === 'undetermined'
      ? MD_TEXT.integrationUndetermined
      : integration.scenario === 2
        ? MD_TEXT.integrationOn
        : MD_TEXT.integrationOff;
  // Undetermined (a cdFMC, issue 20): no scenario number, which the reads could not tell.
  const scenario =
    integration.verdict === 'undetermined'
      ? w.t(MD_TEXT.scenarioUndetermined)
      : w.f(inference?.uncertain ? MD_TEXT.scenarioUncertain : MD_TEXT.scenarioInferred, {
          n: String(integration.scenario),
        });
  const events = CLOUD_EVENTS_LABELS[integration.cloudEvents] ?? CLOUD_EVENTS_LABELS.error;
  const eventsText = fill(w.t(events), { kinds: kindsList(integration.eventsSent ?? []) }, w.lang);
  const cdfmc = integration.platform === 'cdfmc';
  const securexState = cdfmc && integration.securex === 'absent' ? 'cdfmc' : integration.securex;
  const securex = w.t(SECUREX_LABELS[securexState] ?? SECUREX_LABELS.error);
  const region = integration.region === null ? w.t(MD_TEXT.regionUnknown) : integration.region;
  const c = w.t(MD_TEXT.colon);
  const facts = [
    `${w.t(MD_TEXT.cloudEvents)}${c} ${mdText(eventsText)}`,
    `${w.t(MD_TEXT.securex)}${c} ${mdText(securex)}`,
    ...(cdfmc
      ? [
          `${w.t(MD_TEXT.cloudIntegration)}${c} ${mdText(w.t(CLOUD_INTEGRATION_LABELS[integration.cloudIntegration ?? 'error'] ?? CLOUD_INTEGRATION_LABELS.error))}`,
        ]
      : []),
    `${w.t(MD_TEXT.region)}${c} ${mdText(region)}`,
    `${w.t(MD_TEXT.sseHost)}${c} ${mdCode(integration.sseHost)}`,
  ];
  out.push(
    `- ${w.label(MD_TEXT.integration)} **${w.t(on)}**, ${scenario}. ${facts.join(w.t(MD_TEXT.semicolon))}.`,
  );
  const note = mdText(w.t(inference?.note));
  if (note) out.push(`  ${note}`);

  const total = diagnosis.devices.length;
  const failing = diagnosis.devices.filter((d) => d.verdict !== 'healthy').length;
  const counts = { total: String(total), failing: String(failing), healthy: String(total - failing) };
  out.push(`- ${w.label(MD_TEXT.devices)} ${w.f(MD_TEXT.deviceCounts, counts)}`);
  const byVerdict = VERDICTS.filter((v) => v !== 'healthy' && (diagnosis.counts?.[v] ?? 0) > 0)
    .map((v) => `${w.t(VERDICT_LABELS[v])}${c} ${diagnosis.counts[v]}`)
    .join(', ');
  if (byVerdict) out.push(`- ${w.label(MD_TEXT.verdicts)} ${mdText(byVerdict)}`);
  const version = options.extensionVersion?.trim();
  const by = version ? w.f(MD_TEXT.extension, { version }) : w.t(MD_TEXT.extensionUnknown);
  out.push(`- ${w.label(MD_TEXT.exportedBy)} ${mdText(by)}`);
  return out;
}

function failingTable(devices: readonly DeviceDiagnosis[], w: Words): string[] {
  const head = [
    MD_TEXT.colName,
    MD_TEXT.colAddress,
    MD_TEXT.colVersion,
    MD_TEXT.colVerdict,
    MD_TEXT.colDns,
    MD_TEXT.colProxy,
    MD_TEXT.colGateway,
    MD_TEXT.colFailingSince,
  ].map((text) => w.t(text));
  const rows = devices.map((d) => {
    const since = deviceTimes(d).failingSince;
    return row(
      [
        d.name || d.id,
        managementAddress(d) ?? w.t(MD_TEXT.addressNotGiven),
        d.version || w.t(MD_TEXT.versionUnknown),
        w.t(VERDICT_LABELS[d.verdict]),
        dnsText(d, w.lang),
        proxyText(d, w.lang),
        gatewayText(d, w.lang),
        since ? utc(since) : w.t(MD_TEXT.sinceUnknown),
      ].map((cell) => mdText(cell, { cell: true })),
    );
  });
  return [row(head), row(head.map(() => '---')), ...rows];
}

/** A device's heading: its name and management address (the API's `hostName`), as typed. */
function deviceName(device: DeviceDiagnosis): string {
  const address = managementAddress(device);
  const name = mdText(device.name || device.id);
  return address === null ? name : `${name} · ${mdText(address)}`;
}

/** Facts the summary states once for the whole FMC: not repeated under every device. */
const FLEET_EVIDENCE: ReadonlySet<EvidenceId> = new Set(['cloud-events', 'securex', 'region']);

const STEP_HEADINGS = { fix: MD_TEXT.fix, verify: MD_TEXT.verify, check: MD_TEXT.check } as const;

/**
 * One failing device in the order of every surface (lib/diagnose/sections.ts, issue 19): the verdict and its
 * cause, the address and the `ssh` line, the fix, how to verify it (or the checks that find the cause), then why
 * (the steps that read the symptom, the evidence, the cross-checks, the alert's other results), and last the
 * device's `show network` as printed. Re-check and Watch are buttons: not in a file.
 */
function deviceSection(device: DeviceDiagnosis, w: Words): string[] {
  const out = [`### ${deviceName(device)}`, ''];
  let n = 0;
  const steps = (section: StepSection) =>
    sectionSteps(device, section).flatMap((step) => {
      n += 1;
      return stepLines(step, n, w);
    });
  for (const section of deviceSections(device)) {
    if (section === 'cause') {
      const since = deviceTimes(device).failingSince;
      const meta = [`**${w.t(VERDICT_LABELS[device.verdict])}**`];
      if (device.version) meta.push(mdText(w.f(MD_TEXT.version, { version: device.version })));
      if (since) meta.push(w.f(MD_TEXT.failingSince, { at: utc(since) }));
      out.push(`${meta.join(' · ')}${w.t(MD_TEXT.colon)} ${mdText(causeText(device, w.lang))}`, '');
    } else if (section === 'address') {
      const ssh = sshCommand(device);
      if (ssh) out.push(mdFence([ssh]), '');
    } else if (section === 'fix' || section === 'verify' || section === 'check') {
      out.push(`#### ${w.t(STEP_HEADINGS[section])}`, '', ...steps(section));
    } else if (section === 'why') {
      out.push(`#### ${w.t(MD_TEXT.why)}`, '', ...steps('why'));
      for (const item of device.evidence ?? [])
        if (!FLEET_EVIDENCE.has(item.id)) out.push(`- ${mdText(w.t(item.text))}`);
      for (const flag of device.flags ?? [])
        out.push(`- ${w.label(MD_TEXT.crossCheck)} ${mdText(w.t(flag.text))}`);
    } else if (section === 'other-results') {
      out.push(`- ${w.label(MD_TEXT.alertResults)} ${mdText(otherResultsText(device, w.lang))}`);
    }
  }
  if (out.at(-1) !== '') out.push('');
  if ((device.runbook ?? []).length === 0) out.push(mdText(w.t(MD_TEXT.noSteps)), '');
  out.push(`#### ${w.t(MD_TEXT.showNetwork)}`, '', ...showNetworkBlock(device, w), '');
  return out;
}

function showNetworkBlock(device: DeviceDiagnosis, w: Words): string[] {
  const kept = device.showNetworkOutput;
  if (!kept || typeof kept.text !== 'string' || kept.text === '') {
    const read = device.managementDns !== null || device.proxy !== null || device.gateway !== null;
    return [mdText(w.t(read ? MD_TEXT.showNetworkNotKept : MD_TEXT.showNetworkNotRead))];
  }
  const out = [mdFence(kept.text)];
  if (kept.clipped === true) {
    const total = Number.isFinite(kept.totalBytes) ? String(kept.totalBytes) : '?';
    const vars = { kept: String(SHOW_NETWORK_KEEP_BYTES / 1024), total };
    out.push('', `*${mdText(w.f(MD_TEXT.showNetworkClipped, vars))}*`);
  }
  return out;
}

function stepLines(step: RunbookStep, n: number, w: Words): string[] {
  const shells = [...new Set((step.commands ?? []).map((c) => c.shell))].map((s) => w.t(MD_TEXT[s]));
  const where = shells.length > 0 ? ` (${shells.join(', ')})` : '';
  const source = sourceNote(step.sources, w);
  // A fence may follow a paragraph, and a paragraph a fence, without a blank line (CommonMark): a step is one
  // block of lines, each command under the words before it, its expected output under it.
  const out = [
    `**${w.t(MD_TEXT.step)} ${n}**${where}${w.t(MD_TEXT.colon)} ${mdText(w.t(step.text))}${source}`,
  ];
  for (const group of commandGroups(step.commands ?? [])) out.push(...commandLines(group, w));
  return [...out, ''];
}

/**
 * Commands typed one after the other share a block: a command without its own expected output (`expert`) joins
 * the next one (`sudo su -`), whose expected output follows the block.
 */
function commandGroups(commands: readonly RunbookCommand[]): RunbookCommand[][] {
  const groups: RunbookCommand[][] = [];
  let current: RunbookCommand[] = [];
  for (const command of commands) {
    current.push(command);
    if (command.expect) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function commandLines(group: readonly RunbookCommand[], w: Words): string[] {
  const out = [mdFence(group.map((command) => command.command))];
  const last = group.at(-1);
  if (last?.expect) {
    const expected = `${w.t(MD_TEXT.expected)}${w.t(MD_TEXT.colon)}`;
    out.push(`*${expected}* ${mdText(w.t(last.expect))}${sourceNote(last.sources, w)}`);
  }
  return out;
}

/**
 * Where a sentence of advice comes from (issue 18): " *(Source: TAC note 217616 · inferred)*", or the title and
 * address of a Cisco document. None for a diagnosis stored before sources existed. The address is written as
 * typed, in a code span: it links nowhere.
 */
function sourceNote(sources: readonly Source[] | undefined, w: Words): string {
  const seen = new Set<string>();
  const names = (sources ?? []).filter(isSource).flatMap((source) => {
    const key = JSON.stringify(source);
    if (seen.has(key)) return [];
    seen.add(key);
    if (source.kind === 'seed') return [w.t(MD_TEXT.sourceSeed)];
    if (source.kind === 'inferred') return [w.t(MD_TEXT.sourceInferred)];
    const url = sourceUrl(source, w.lang);
    const title = `${w.t(MD_TEXT.sourceCisco)}${w.t(MD_TEXT.colon)} ${source.title}`;
    return [url ? `${title} (${url})` : title];
  });
  if (names.length === 0) return '';
  return ` *(${w.t(MD_TEXT.source)}${w.t(MD_TEXT.colon)} ${mdText(names.join(' · '))})*`;
}

/** The healthy devices as a count, and what the few read for comparison use as DNS servers. */
function healthySummary(devices: readonly DeviceDiagnosis[], complete: boolean, w: Words): string[] {
  const facts = healthyDnsOf(
    devices.map((d) => ({ id: d.id, verdict: d.verdict, dns: d.managementDns?.servers ?? null })),
  );
  const count = facts.read + facts.unread;
  if (count === 0) return [mdText(w.t(MD_TEXT.noHealthy))];
  const out = [
    mdText(w.f(complete ? MD_TEXT.healthyCount : MD_TEXT.healthyCountIncomplete, { n: String(count) })),
  ];
  if (facts.read === 0) {
    out[0] += ` ${mdText(w.t(MD_TEXT.healthyNoneRead))}`;
    return out;
  }
  const uses = facts.sets.map((set) =>
    w.f(MD_TEXT.dnsSetUse, { servers: set.servers.join(', '), n: String(set.deviceIds.length) }),
  );
  if (facts.none > 0) uses.push(w.f(MD_TEXT.dnsNoneUse, { n: String(facts.none) }));
  out[0] += ` ${mdText(w.f(MD_TEXT.healthyRead, { n: String(facts.read) }))} ${mdText(uses.join(w.t(MD_TEXT.semicolon)))}.`;
  return out;
}

function clearedLine(device: DeviceDiagnosis, w: Words): string {
  const times = deviceTimes(device);
  const parts: string[] = [];
  if (times.clearedAt) parts.push(w.f(MD_TEXT.clearedLine, { at: utc(times.clearedAt) }));
  if (times.recheckedAt && times.recheckedAt !== times.clearedAt)
    parts.push(w.f(MD_TEXT.recheckedLine, { at: utc(times.recheckedAt) }));
  return `- ${deviceName(device)}${w.t(MD_TEXT.colon)} ${parts.join(', ')}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

const isDate = (at: Date | undefined): at is Date => at instanceof Date && !Number.isNaN(at.getTime());

/** A time as the export writes every time: UTC to the minute, the same for every reader of a TAC case. */
const utc = (at: Date | number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Text in one language, whether the diagnosis still holds `{ en, fr }` or was already resolved. */
function pick(text: Localized | string | undefined, lang: Lang): string {
  if (typeof text === 'string') return text;
  return text?.[lang] ?? '';
}
