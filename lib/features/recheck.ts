import type { DeviceDiagnosis } from '../diagnose';
import { deviceTimes } from '../diagnose/times';
import { recheckDevice } from '../doctor/recheck';
import { FmcError } from '../fmc/errors';
import type { Lang } from '../i18n';
import { readDiagnosisState, writeDiagnosisState } from '../platform/diagnosis-store';
import { fmcClientFor } from '../platform/fmc-client';
import { diagnosisLock, locks } from '../platform/locks';
import { currentResolver } from '../platform/resolver-setting';
import { STORAGE, type WatchEntry } from '../platform/storage';
import type { HintDevice, HintDeviceView, HintVerdicts, LoopAnswer } from '../protocol/hint';
import { type LoopMessageCode, loopText } from '../protocol/loop-answers';

/**
 * The loop closed in the page (issue 10), the part that runs wherever the FMC can be reached: what a hint may
 * know of its FMC's diagnosis, and the re-check of one device. The watch (alarms, notifications, the badge)
 * builds on it in ./watch.ts.
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
      return {
        id: device.id,
        names: [...new Set([device.name, device.hostName ?? ''].map((n) => n.trim()).filter(Boolean))],
        verdict: device.verdict,
        watching: Object.hasOwn(watches, device.id),
        ...(failingSince ? { failingSince } : {}),
        ...(clearedAt ? { clearedAt } : {}),
      };
    }),
  };
}

const SETTING_LABELS = {
  dns: { en: 'Management DNS', fr: 'DNS de management' },
  proxy: { en: 'Proxy', fr: 'Proxy' },
  gateway: { en: 'Gateway', fr: 'Passerelle' },
  notRead: { en: 'not read', fr: 'non lu' },
  none: { en: 'none', fr: 'aucun' },
  off: { en: 'off', fr: 'désactivé' },
} as const;

/** One device in the hint's language, for its expanded view: texts only. */
export async function hintDeviceView(origin: string, id: string, lang: Lang): Promise<HintDeviceView | null> {
  const state = await readDiagnosisState(origin);
  const device = state?.diagnosis?.devices.find((candidate) => candidate.id === id);
  if (!state || !device) return null;
  const watch: WatchEntry | undefined = (await STORAGE.watches(origin).read())[id];
  const label = (key: keyof typeof SETTING_LABELS) => SETTING_LABELS[key][lang];
  const read = device.managementDns !== null;
  const { failingSince, clearedAt, recheckedAt } = deviceTimes(device);
  return {
    id,
    name: device.name,
    verdict: device.verdict,
    settings: [
      {
        label: label('dns'),
        value: read ? device.managementDns?.servers.join(', ') || label('none') : label('notRead'),
      },
      {
        label: label('proxy'),
        value: device.proxy
          ? device.proxy.enabled
            ? [device.proxy.address, device.proxy.port].filter((part) => part !== undefined).join(':') ||
              label('proxy')
            : label('off')
          : label('notRead'),
      },
      { label: label('gateway'), value: device.gateway ?? label('notRead') },
    ],
    evidence: device.evidence.map((evidence) => evidence.text[lang]),
    runbook: device.runbook.map((step) => ({
      text: step.text[lang],
      commands: step.commands.map((command) => ({
        command: command.command,
        shell: command.shell,
        ...(command.expect ? { expect: command.expect[lang] } : {}),
      })),
    })),
    watching: watch !== undefined,
    ...(watch ? { watch: { until: watch.until, everyMs: watch.everyMs } } : {}),
    ...(failingSince ? { failingSince } : {}),
    ...(clearedAt ? { clearedAt } : {}),
    checkedAt: recheckedAt ?? state.finishedAt ?? state.startedAt,
  };
}

export type RecheckOutcome =
  | { ok: true; device: DeviceDiagnosis; wasFailing: boolean }
  | { ok: false; code: LoopMessageCode; message: string };

const refuse = (code: LoopMessageCode, lang: Lang, vars: Record<string, string> = {}): RecheckOutcome => ({
  ok: false,
  code,
  message: loopText(code, lang, vars),
});

/**
 * Re-reads one device from the FMC (its alert and `show network`, at most 3 requests through the FMC's client,
 * limiter and session) and stores the diagnosis with its new verdict; every page and hint then redraws from
 * storage. Never beside a full run of the same FMC: both hold the FMC's diagnosis lock.
 */
export async function recheck(origin: string, deviceId: string, lang: Lang): Promise<RecheckOutcome> {
  return locks.request(diagnosisLock(origin), { ifAvailable: true }, async (held) => {
    if (!held) return refuse('run-in-progress', lang);
    const state = await readDiagnosisState(origin).catch(() => undefined);
    const previous = state?.diagnosis;
    if (!state || !previous) return refuse('no-diagnosis', lang);
    const old = previous.devices.find((device) => device.id === deviceId);
    if (!old) return refuse('unknown-device', lang);
    try {
      const client = await fmcClientFor(origin);
      if (!(await client.session.restore())) return refuse('signed-out', lang);
      const diagnosis = await recheckDevice({
        client,
        previous,
        deviceId,
        resolver: await currentResolver().catch(() => null),
      });
      try {
        // Read again under the lock: a sign-out or another page's write since the start is kept.
        const now = (await readDiagnosisState(origin)) ?? state;
        await writeDiagnosisState(origin, { ...now, diagnosis, recheckedAt: Date.now() });
      } catch (cause) {
        return refuse('storage-failed', lang, {
          detail: cause instanceof Error ? cause.message : String(cause),
        });
      }
      const device = diagnosis.devices.find((candidate) => candidate.id === deviceId) as DeviceDiagnosis;
      return { ok: true, device, wasFailing: old.verdict !== 'healthy' };
    } catch (error) {
      if (error instanceof FmcError) {
        if (error.code === 'sign-in-required') return refuse('signed-out', lang);
        return refuse('failed', lang, { detail: error.localized(lang) });
      }
      return refuse('failed', lang, { detail: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** A re-check's outcome as the hint and the pages receive it. */
export function loopAnswer(outcome: RecheckOutcome): LoopAnswer {
  return outcome.ok ? { ok: true } : { ok: false, code: outcome.code, message: outcome.message };
}
