import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { reportPath } from '../components/report/origin-param';
import { clearTab, recordFrameCount, tabCount } from '../lib/platform/badge';
import { injectIntoOpenTabs, syncContentScript } from '../lib/platform/content-script-registry';
import {
  cancelDiagnosis,
  handOverUnreachable,
  markIfInterrupted,
  startDiagnosis,
} from '../lib/platform/diagnosis-runner';
import { keepWorkerAlive } from '../lib/platform/keep-alive';
import { handleMessage } from '../lib/platform/message-router';
import { diagnosedOrigins } from '../lib/platform/storage';

export default defineBackground(() => {
  // A worker that starts has no run going: a stored "running" whose lock nobody holds was cut short when the
  // previous worker stopped. Runs asked for now start after this check, so it never marks them.
  const checked = diagnosedOrigins()
    .then((origins) => Promise.all(origins.map((origin) => markIfInterrupted(origin))))
    .catch(() => undefined);

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

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, {
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
