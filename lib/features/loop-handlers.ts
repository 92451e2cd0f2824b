import { browser } from 'wxt/browser';
import { uiLang } from '../i18n';
import { patternForUrl } from '../origins';
import { keepWorkerAlive } from '../platform/keep-alive';
import { hasOrigin } from '../platform/permissions';
import { readHealthPolicyOverride } from '../platform/storage';
import { hintDeviceView, hintVerdicts } from './hint-views';
import type { LoopHandlers } from './message-router';
import { loopAnswer, recheck } from './recheck';
import { openReport } from './report-tab';
import { setWatch } from './watch';

/**
 * The loop in the page (issue 10) as the background serves it to the router (./message-router.ts checks who
 * asks and for which FMC first): the hint's settings, verdicts and device views, re-checks, watches and the
 * report.
 */
export const loopHandlers: LoopHandlers = {
  isEnabled: async (origin) => {
    const pattern = patternForUrl(origin);
    return pattern !== null && hasOrigin(pattern);
  },
  settings: async (origin) => {
    const pattern = patternForUrl(origin);
    const override = pattern ? await readHealthPolicyOverride(pattern).catch(() => undefined) : undefined;
    return { healthPolicyOverride: override ?? null };
  },
  // The hint speaks the browser's UI language (entrypoints/content.ts), as the background does.
  verdicts: (origin) => hintVerdicts(origin, uiLang(browser.i18n.getUILanguage())),
  device: hintDeviceView,
  // Like a run, a re-check can wait for a 429's Retry-After or a slow device command (keepWorkerAlive).
  recheck: async (origin, deviceId, lang) => {
    const stop = keepWorkerAlive();
    try {
      return loopAnswer(await recheck(origin, deviceId, lang));
    } finally {
      stop();
    }
  },
  watch: setWatch,
  openReport,
};
