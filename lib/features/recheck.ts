import type { DeviceDiagnosis } from '../diagnose';
import { recheckDevice } from '../doctor/recheck';
import { FmcError } from '../fmc/errors';
import type { Lang } from '../i18n';
import { diagnosisLock, locks } from '../platform/locks';
import { currentResolver } from '../platform/resolver-setting';
import { readDiagnosisState, writeDiagnosisState } from '../platform/storage';
import type { LoopAnswer } from '../protocol/hint';
import { type LoopMessageCode, loopText } from '../protocol/loop-answers';
import { fmcClientFor } from './fmc-client';

/**
 * The re-check of one device (issue 10), the part of the loop closed in the page that runs wherever the FMC can
 * be reached. What a hint may know of the diagnosis is ./hint-views.ts; the watch (alarms, notifications, the
 * badge) is ./watch.ts: its ticks read every watched device of an FMC at once (issue 17), not one re-check each.
 */

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
