import { browser } from 'wxt/browser';
import { loopAnswer, recheck } from '../../lib/features/recheck';
import type { Lang } from '../../lib/i18n';
import type { LoopAnswer } from '../../lib/protocol/hint';

/**
 * Re-check and watch from our own pages (issue 10). The report re-checks in its own page (`direct`): an
 * extension page reaches an FMC whose self-signed certificate the user accepted, the service worker does not
 * (see issue 9). The popup asks the background, which outlives it. A watch always runs in the background, on
 * its alarms.
 */
export async function recheckFrom(
  origin: string,
  deviceId: string,
  lang: Lang,
  direct: boolean,
): Promise<LoopAnswer> {
  if (direct) return loopAnswer(await recheck(origin, deviceId, lang));
  const answer = (await browser.runtime
    .sendMessage({ type: 'recheck', origin, deviceId, lang })
    .catch(() => undefined)) as LoopAnswer | undefined;
  return answer ?? { ok: false, code: 'no-answer', message: '' };
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
): Promise<LoopAnswer> {
  if (on) await browser.permissions.request({ permissions: ['notifications'] }).catch(() => false);
  const answer = (await browser.runtime
    .sendMessage({ type: 'watch', origin, deviceIds, on, lang })
    .catch(() => undefined)) as LoopAnswer | undefined;
  return answer ?? { ok: false, code: 'no-answer', message: '' };
}
