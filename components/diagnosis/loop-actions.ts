import { loopAnswer, recheck } from '../../lib/features/recheck';
import type { Lang } from '../../lib/i18n';
import { askBackground } from '../../lib/platform/messaging';
import { requestNotifications } from '../../lib/platform/permissions';
import type { LoopAnswer } from '../../lib/protocol/hint';
import type { DeviceTransport } from '../common/DeviceActions';

/**
 * Re-check and watch from our own pages (issue 10). The report re-checks in its own page (`direct`): an
 * extension page reaches an FMC whose self-signed certificate the user accepted, the service worker does not
 * (see issue 9). The popup asks the background, which outlives it. A watch always runs in the background, on
 * its alarms. Undefined: the background did not answer.
 */
export async function recheckFrom(
  origin: string,
  deviceId: string,
  lang: Lang,
  direct: boolean,
): Promise<LoopAnswer | undefined> {
  if (direct) return loopAnswer(await recheck(origin, deviceId, lang));
  return askBackground({ type: 'recheck', origin, deviceId, lang }).catch(() => undefined);
}

/**
 * Starts or stops a watch. The optional `notifications` permission is asked here, at the first watch: the
 * request must be the first thing the click does (browsers honour it only inside the user's gesture).
 */
export async function watchFrom(
  origin: string,
  deviceIds: string[],
  on: boolean,
  lang: Lang,
): Promise<LoopAnswer | undefined> {
  if (on) await requestNotifications().catch(() => false);
  return askBackground({ type: 'watch', origin, deviceIds, on, lang }).catch(() => undefined);
}

/** The transport of `components/common/DeviceActions.tsx` in the popup (`direct` false) and the report. */
export function pageTransport(origin: string, lang: Lang, direct: boolean): DeviceTransport {
  return {
    recheck: (deviceId) => recheckFrom(origin, deviceId, lang, direct),
    watch: (deviceId, on) => watchFrom(origin, [deviceId], on, lang),
  };
}
