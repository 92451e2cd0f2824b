import type { Lang, Localized } from '../i18n';
import { fill } from '../i18n';
import { isSource, type Source, sourceUrl } from '../knowledge/sources';
import { dnsText, proxyText } from './device-text';
import { kindsList } from './evidence';
import { INCOMPLETE_TEXT, PART_LABELS } from './incomplete';
import { mdFence, mdInline } from './markdown-escape';
import { CLOUD_EVENTS_LABELS, MD_TEXT, SECUREX_LABELS, VERDICT_LABELS } from './markdown-text';
import { clearedSince, deviceTimes } from './times';
import type { DeviceDiagnosis, Diagnosis, Flag, RunbookCommand, RunbookStep } from './types';
import { VERDICTS } from './types';

/**
 * The diagnosis as Markdown to paste into a Cisco TAC case. Every value that comes from the FMC or a device goes
 * through `mdInline` (or a fence), so a hostile device name stays one table cell. The date is a parameter: the
 * function stays pure and a test can pin it.
 */
export function toMarkdown(diagnosis: Diagnosis, lang: Lang, generatedAt?: Date): string {
  const t = (text: Localized | string | undefined) => pick(text, lang);
  const out: string[] = [];
  const { fmc, integration } = diagnosis;
  const c = t(MD_TEXT.colon);

  out.push(`# ${t(MD_TEXT.title)}`, '');
  out.push(`- **${t(MD_TEXT.fmc)}${c}** ${mdInline(fmc.origin)}`);
  out.push(`- **${t(MD_TEXT.version)}${c}** ${mdInline(fmc.version)}`);
  out.push(`- **${t(MD_TEXT.domain)}${c}** ${mdInline(fmc.domain.name)} (${mdInline(fmc.domain.uuid)})`, '');

  const incomplete = diagnosis.incomplete ?? [];
  if (incomplete.length > 0) {
    // First, before any finding: the reader must know what the result lacks before reading it.
    out.push(`## ${t(INCOMPLETE_TEXT.heading)}`, '', t(INCOMPLETE_TEXT.intro), '');
    for (const entry of incomplete)
      out.push(`- **${t(PART_LABELS[entry.part])}${c}** ${mdInline(t(entry.reason))}`);
    out.push('');
  }

  out.push(`## ${t(MD_TEXT.integration)}`, '');
  const kinds = kindsList(integration.eventsSent ?? []);
  const events = CLOUD_EVENTS_LABELS[integration.cloudEvents] ?? CLOUD_EVENTS_LABELS.error;
  out.push(`- **${t(MD_TEXT.cloudEvents)}${c}** ${mdInline(fill(t(events), { kinds }, lang))}`);
  out.push(`- **${t(MD_TEXT.securex)}${c}** ${mdInline(t(SECUREX_LABELS[integration.securex]))}`);
  const region = integration.region === null ? t(MD_TEXT.regionUnknown) : integration.region;
  out.push(`- **${t(MD_TEXT.region)}${c}** ${mdInline(region)}`);
  out.push(`- **${t(MD_TEXT.sseHost)}${c}** ${mdInline(integration.sseHost)}`);
  const inference = integration.scenarioInference;
  const how = inference?.uncertain ? t(MD_TEXT.uncertain) : t(MD_TEXT.inferred);
  out.push(
    `- **${t(MD_TEXT.scenario)}${c}** ${integration.scenario} (${how}). ${mdInline(t(inference?.note))}`,
  );
  const counts = VERDICTS.filter((v) => (diagnosis.counts?.[v] ?? 0) > 0)
    .map((v) => `${t(VERDICT_LABELS[v])}${c} ${diagnosis.counts[v]}`)
    .join(', ');
  if (counts) out.push(`- **${t(MD_TEXT.counts)}${c}** ${mdInline(counts)}`);
  out.push('');

  out.push(`## ${t(MD_TEXT.devices)}`, '');
  if (diagnosis.devices.length === 0) out.push(t(MD_TEXT.noDevices), '');
  else out.push(...deviceTable(diagnosis.devices, lang), '');

  out.push(`## ${t(MD_TEXT.failing)}`, '');
  const failing = diagnosis.devices.filter((d) => d.verdict !== 'healthy');
  const complete = diagnosis.failingComplete !== false;
  if (failing.length === 0) out.push(t(complete ? MD_TEXT.noFailing : INCOMPLETE_TEXT.failingUnknown), '');
  else if (!complete) out.push(`*${t(INCOMPLETE_TEXT.failingMaybeMore)}*`, '');
  for (const device of failing) out.push(...deviceSection(device, lang));
  const cleared = diagnosis.devices.filter(clearedSince);
  if (cleared.length > 0) {
    out.push(`## ${t(MD_TEXT.cleared)}`, '');
    for (const device of cleared) out.push(...deviceSection(device, lang));
  }

  out.push(`## ${t(MD_TEXT.crossChecks)}`, '');
  if ((diagnosis.flags ?? []).length === 0) out.push(t(MD_TEXT.noFlags), '');
  else out.push(...flagList(diagnosis.flags, lang), '');

  out.push('---', '', generatedLine(lang, generatedAt));
  return `${out.join('\n')}\n`;
}

function deviceTable(devices: readonly DeviceDiagnosis[], lang: Lang): string[] {
  const t = (text: Localized) => text[lang];
  const head = [MD_TEXT.colVerdict, MD_TEXT.colName, MD_TEXT.colVersion, MD_TEXT.colDns, MD_TEXT.colProxy];
  const rows = devices.map((d) =>
    row(
      [t(VERDICT_LABELS[d.verdict]), d.name || d.id, d.version, dnsText(d, lang), proxyText(d, lang)].map(
        mdInline,
      ),
    ),
  );
  return [row(head.map(t)), row(head.map(() => '---')), ...rows];
}

function deviceSection(device: DeviceDiagnosis, lang: Lang): string[] {
  const t = (text: Localized | string | undefined) => pick(text, lang);
  const c = t(MD_TEXT.colon);
  const out = [`### ${mdInline(device.name || device.id)}`, ''];
  out.push(`- **${t(MD_TEXT.colVerdict)}${c}** ${mdInline(t(VERDICT_LABELS[device.verdict]))}`);
  out.push(`- **${t(MD_TEXT.colVersion)}${c}** ${mdInline(device.version)}`);
  const times = deviceTimes(device);
  if (times.failingSince) out.push(`- **${t(MD_TEXT.failingSince)}${c}** ${utc(times.failingSince)}`);
  if (times.clearedAt) out.push(`- **${t(MD_TEXT.clearedAt)}${c}** ${utc(times.clearedAt)}`);
  if (times.recheckedAt) out.push(`- **${t(MD_TEXT.recheckedAt)}${c}** ${utc(times.recheckedAt)}`);
  // The alert's test results, one a line, the failing one first (the evidence below quotes the failing ones).
  const results = device.alert?.results ?? [];
  if (results.length > 0) {
    out.push(`- **${t(MD_TEXT.alertResults)}${c}**`);
    for (const result of results) out.push(`  - ${mdInline(result)}`);
  }
  out.push('');

  out.push(`#### ${t(MD_TEXT.evidence)}`, '');
  for (const item of device.evidence ?? []) out.push(`- ${mdInline(t(item.text))}`);
  out.push('');

  out.push(`#### ${t(MD_TEXT.runbook)}`, '');
  const steps = device.runbook ?? [];
  if (steps.length === 0) out.push(t(MD_TEXT.noSteps), '');
  steps.forEach((step, i) => {
    out.push(...stepLines(step, i + 1, lang));
  });

  if ((device.flags ?? []).length > 0)
    out.push(`#### ${t(MD_TEXT.deviceFlags)}`, '', ...flagList(device.flags, lang), '');
  return out;
}

function stepLines(step: RunbookStep, n: number, lang: Lang): string[] {
  const t = (text: Localized | string | undefined) => pick(text, lang);
  const shells = [...new Set(step.commands.map((c) => c.shell))].map((s) => t(MD_TEXT[s]));
  const where = shells.length > 0 ? ` (${shells.join(', ')})` : '';
  const out = [`**${t(MD_TEXT.step)} ${n}**${where}${t(MD_TEXT.colon)} ${mdInline(t(step.text))}`, ''];
  const source = sourceLine(step.sources, lang);
  if (source) out.push(source, '');
  for (const command of step.commands) out.push(...commandLines(command, lang));
  return out;
}

/**
 * Where a step's words come from (issue 18): the TAC note, a Cisco document by its title and address, or
 * "inferred". None for a diagnosis stored before sources existed. The address goes through the one escaping
 * path, which keeps it as typed.
 */
function sourceLine(sources: readonly Source[] | undefined, lang: Lang): string | null {
  const seen = new Set<string>();
  const words = (sources ?? []).filter(isSource).flatMap((source) => {
    const key = JSON.stringify(source);
    if (seen.has(key)) return [];
    seen.add(key);
    if (source.kind === 'seed') return [pick(MD_TEXT.sourceSeed, lang)];
    if (source.kind === 'inferred') return [pick(MD_TEXT.sourceInferred, lang)];
    const url = sourceUrl(source, lang);
    const title = `${pick(MD_TEXT.sourceCisco, lang)}${pick(MD_TEXT.colon, lang)} ${source.title}`;
    return [url ? `${title} (${url})` : title];
  });
  if (words.length === 0) return null;
  return `*${pick(MD_TEXT.source, lang)}${pick(MD_TEXT.colon, lang)}* ${mdInline(words.join(' · '))}`;
}

function commandLines(command: RunbookCommand, lang: Lang): string[] {
  const out = [mdFence([command.command])];
  if (command.expect)
    out.push(
      `*${pick(MD_TEXT.expected, lang)}${pick(MD_TEXT.colon, lang)}* ${mdInline(pick(command.expect, lang))}`,
    );
  return [...out, ''];
}

function flagList(flags: readonly Flag[], lang: Lang): string[] {
  return flags.map((flag) => `- ${mdInline(pick(flag.text, lang))}`);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A time as the export writes every time: UTC to the minute, the same for every reader of a TAC case. */
const utc = (at: Date | number) => `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function generatedLine(lang: Lang, at: Date | undefined): string {
  const base = pick(MD_TEXT.generated, lang);
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) return `*${base}.*`;
  const stamp = utc(at);
  return `*${base} ${pick(MD_TEXT.generatedOn, lang)} ${stamp}.*`;
}

/** Text in one language, whether the diagnosis still holds `{ en, fr }` or was already resolved. */
function pick(text: Localized | string | undefined, lang: Lang): string {
  if (typeof text === 'string') return text;
  return text?.[lang] ?? '';
}
