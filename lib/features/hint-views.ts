import { deviceSettings } from '../diagnose/device-text';
import { deviceTimes } from '../diagnose/times';
import type { Lang } from '../i18n';
import { readDiagnosisState, STORAGE } from '../platform/storage';
import type { HintDevice, HintDeviceView, HintVerdicts } from '../protocol/hint';
import { watchStatusText } from '../protocol/loop-answers';
import { isRunning, type WatchEntry, watchState } from '../protocol/watch';

/**
 * What a hint may know of its FMC's diagnosis (issue 10), read from storage by the background for the FMC's
 * content scripts: the compact view every hint gets, and one device's texts for a hint that opens. The re-check
 * these hints ask for is ./recheck.ts.
 */

/** The compact view a content script gets: names to tie rows by, verdicts, watch and times. No token. */
export async function hintVerdicts(origin: string): Promise<HintVerdicts | null> {
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
        watching: watch !== undefined && isRunning(watch),
        ...(watch ? { watchState: watchState(watch) } : {}),
        ...(watch?.unchecked ? { watchSince: watch.unchecked.since } : {}),
        ...(failingSince ? { failingSince } : {}),
        ...(clearedAt ? { clearedAt } : {}),
      };
    }),
  };
}

/** One device in the hint's language, for its expanded view: texts only. */
export async function hintDeviceView(origin: string, id: string, lang: Lang): Promise<HintDeviceView | null> {
  const state = await readDiagnosisState(origin);
  const device = state?.diagnosis?.devices.find((candidate) => candidate.id === id);
  if (!state || !device) return null;
  const watches = await STORAGE.watches(origin).read();
  const stored: WatchEntry | undefined = Object.hasOwn(watches, id) ? watches[id] : undefined;
  const watch = stored && isRunning(stored) ? stored : undefined;
  const { failingSince, clearedAt, recheckedAt } = deviceTimes(device);
  return {
    id,
    name: device.name,
    verdict: device.verdict,
    // The words of the report and the exports (lib/diagnose/device-text.ts).
    settings: deviceSettings(device, lang),
    evidence: device.evidence.map((evidence) => evidence.text[lang]),
    runbook: device.runbook.map((step) => ({
      text: step.text[lang],
      sources: step.sources ?? [],
      commands: step.commands.map((command) => ({
        command: command.command,
        shell: command.shell,
        ...(command.expect ? { expect: command.expect[lang] } : {}),
      })),
    })),
    watching: watch !== undefined,
    ...(watch ? { watch: { until: watch.until, everyMs: watch.everyMs } } : {}),
    ...(stored ? { watchStatus: { state: watchState(stored), text: watchStatusText(stored, lang) } } : {}),
    ...(failingSince ? { failingSince } : {}),
    ...(clearedAt ? { clearedAt } : {}),
    checkedAt: recheckedAt ?? state.finishedAt ?? state.startedAt,
  };
}
