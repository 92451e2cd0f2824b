import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { reportPath } from '../components/report/origin-param';
import { clearTab, recordFrameCount, tabCount } from '../lib/features/badge';
import { injectIntoOpenTabs, syncContentScript } from '../lib/features/content-script-registration';
import {
  cancelDiagnosis,
  handOverUnreachable,
  markIfInterrupted,
  startDiagnosis,
} from '../lib/features/diagnosis-run';
import { handleMessage, type LoopHandlers } from '../lib/features/message-router';
import { pushVerdictsChanged, verdictsChangedBy } from '../lib/features/push';
import { hintDeviceView, hintVerdicts, loopAnswer, recheck } from '../lib/features/recheck';
import {
  restoreWatches,
  setWatch,
  watchAlarmOrigin,
  watchNotificationTarget,
  watchTick,
} from '../lib/features/watch';
import { patternForUrl } from '../lib/origins';
import { keepWorkerAlive } from '../lib/platform/keep-alive';
import { readHealthPolicyOverride } from '../lib/platform/settings';
import { diagnosedOrigins, onSessionChanged } from '../lib/platform/storage';

export default defineBackground(() => {
  // A worker that starts has no run going: a stored "running" whose lock nobody holds was cut short when the
  // previous worker stopped. Runs asked for now start after this check, so it never marks them.
  const checked = diagnosedOrigins()
    .then((origins) => Promise.all(origins.map((origin) => markIfInterrupted(origin))))
    .catch(() => undefined);

  // Watches outlive the worker: their alarms wake it, and a start finds every stored watch its alarm.
  void restoreWatches().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    const origin = watchAlarmOrigin(alarm.name);
    if (!origin) return;
    const stop = keepWorkerAlive();
    void watchTick(origin)
      .catch(() => undefined)
      .finally(stop);
  });
  browser.notifications?.onClicked.addListener((id) => {
    const target = watchNotificationTarget(id);
    if (target) void openReport(target.origin, target.deviceId);
  });
  // A finished run, a re-check, a watch started or ended: the FMC's open pages ask for their verdicts again.
  onSessionChanged((changes) => {
    for (const origin of verdictsChangedBy(changes)) void pushVerdictsChanged(origin);
  });

  browser.runtime.onInstalled.addListener(() => void syncContentScript());
  browser.runtime.onStartup.addListener(() => void syncContentScript());

  // Covers grants from our popup/options and revocations from the browser's own extension settings.
  browser.permissions.onAdded.addListener(async ({ origins = [] }) => {
    await syncContentScript();
    await injectIntoOpenTabs(origins);
  });
  browser.permissions.onRemoved.addListener(() => void syncContentScript());

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void clearTab(tabId));

  const openReport = (origin: string, deviceId?: string) =>
    browser.tabs.create({
      url: browser.runtime.getURL(reportPath(origin, deviceId ? { device: deviceId } : {})),
    });
  const loop: LoopHandlers = {
    isEnabled: async (origin) => {
      const pattern = patternForUrl(origin);
      return pattern !== null && browser.permissions.contains({ origins: [pattern] });
    },
    settings: async (origin) => {
      const pattern = patternForUrl(origin);
      const override = pattern ? await readHealthPolicyOverride(pattern).catch(() => undefined) : undefined;
      return { healthPolicyOverride: override ?? null };
    },
    verdicts: hintVerdicts,
    device: hintDeviceView,
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

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, {
      loop,
      recordFrameCount,
      tabCount,
      diagnose: (origin) =>
        void checked
          .then(() => startDiagnosis(origin, { runner: 'worker', keepAlive: keepWorkerAlive }))
          .then((outcome) =>
            outcome === 'started'
              ? handOverUnreachable(origin, () =>
                  // Beside the popup, not over it: the popup stays open and shows the report's progress.
                  browser.tabs.create({
                    url: browser.runtime.getURL(reportPath(origin, { run: true })),
                    active: false,
                  }),
                )
              : false,
          )
          .catch(() => undefined),
      cancelDiagnosis,
    }),
  );
});
