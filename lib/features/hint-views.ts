import { causeText, deviceAddressLine, otherResultsText, sshCommand } from '../diagnose/device-text';
import { VERDICT_ICONS, VERDICT_LABELS } from '../diagnose/labels';
import { alertResultsSplit, type StepSection, sectionSteps } from '../diagnose/sections';
import { deviceTimes } from '../diagnose/times';
import type { RunbookStep } from '../diagnose/types';
import type { Lang } from '../i18n';
import { readDiagnosisState, STORAGE } from '../platform/storage';
import type { HintDevice, HintDeviceView, HintStep, HintVerdicts } from '../protocol/hint';
import { watchStatusText } from '../protocol/loop-answers';
import { isRunning, type WatchEntry, watchState } from '../protocol/watch';

/**
 * What a hint may know of its FMC's diagnosis (issue 10), read from storage by the background for the FMC's
 * content scripts: the compact view every hint gets, and one device's texts for a hint that opens. The re-check
 * these hints ask for is ./recheck.ts.
 */

/** The compact view a content script gets: names to tie rows by, verdicts, watch and times. No token. */
export async function hintVerdicts(
  origin: string,
  /** The hint's language: the browser's UI language, which the background passes (./loop-handlers.ts). */
  lang: Lang = 'en',
): Promise<HintVerdicts | null> {
  const state = await readDiagnosisState(origin);
  const diagnosis = state?.diagnosis;
  if (!state || !diagnosis) return null;
  const watches = await STORAGE.watches(origin).read();
  return {
    finishedAt: state.finishedAt ?? state.startedAt,
    devices: diagnosis.devices.map((device): HintDevice => {
      const { failingSince, clearedAt } = deviceTimes(device);
      const watch = Object.hasOwn(watches, device.id) ? watches[device.id] : undefined;
      return {
        id: device.id,
        names: [...new Set([device.name, device.hostName ?? ''].map((n) => n.trim()).filter(Boolean))],
        verdict: device.verdict,
        label: VERDICT_LABELS[device.verdict][lang],
        icon: VERDICT_ICONS[device.verdict],
        watching: watch !== undefined && isRunning(watch),
        ...(watch ? { watchState: watchState(watch) } : {}),
        ...(watch?.unchecked ? { watchSince: watch.unchecked.since } : {}),
        ...(failingSince ? { failingSince } : {}),
        ...(clearedAt ? { clearedAt } : {}),
      };
    }),
  };
}

/**
 * One device in the hint's language, for its expanded view: texts only, worded and sorted here (the words of
 * lib/diagnose/device-text.ts and the report's, the sections of lib/diagnose/sections.ts), so the content script carries none.
 */
export async function hintDeviceView(origin: string, id: string, lang: Lang): Promise<HintDeviceView | null> {
  const state = await readDiagnosisState(origin);
  const device = state?.diagnosis?.devices.find((candidate) => candidate.id === id);
  if (!state || !device) return null;
  const watches = await STORAGE.watches(origin).read();
  const stored: WatchEntry | undefined = Object.hasOwn(watches, id) ? watches[id] : undefined;
  const watch = stored && isRunning(stored) ? stored : undefined;
  const { failingSince, clearedAt, recheckedAt } = deviceTimes(device);
  const others = alertResultsSplit(device).others;
  const steps = (section: StepSection) => sectionSteps(device, section).map((step) => hintStep(step, lang));
  const sections = (['fix', 'verify', 'check'] as const)
    .map((id) => ({ id, steps: steps(id) }))
    .filter((section) => section.steps.length > 0);
  // The ssh line opens the CLI: only where a step is typed there (scenario 1's fix is in the FMC's pages).
  const typed = sections.some((section) => section.steps.some((step) => step.commands.length > 0));
  const ssh = typed ? sshCommand(device) : null;
  return {
    id,
    name: device.name,
    title: deviceAddressLine(device),
    ...(ssh ? { ssh } : {}),
    verdict: device.verdict,
    cause: causeText(device, lang),
    evidence: device.evidence.map((evidence) => evidence.text[lang]),
    steps: sections,
    why: steps('why'),
    ...(others.length > 0 ? { others: { summary: otherResultsText(device, lang), results: others } } : {}),
    watching: watch !== undefined,
    ...(watch ? { watch: { until: watch.until, everyMs: watch.everyMs } } : {}),
    ...(stored ? { watchStatus: { state: watchState(stored), text: watchStatusText(stored, lang) } } : {}),
    ...(failingSince ? { failingSince } : {}),
    ...(clearedAt ? { clearedAt } : {}),
    checkedAt: recheckedAt ?? state.finishedAt ?? state.startedAt,
  };
}

function hintStep(step: RunbookStep, lang: Lang): HintStep {
  return {
    text: step.text[lang],
    sources: step.sources ?? [],
    commands: step.commands.map((command) => ({
      command: command.command,
      shell: command.shell,
      ...(command.expect ? { expect: command.expect[lang] } : {}),
    })),
  };
}
