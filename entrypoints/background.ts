import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearTab, recordFrameCount, tabCount } from '../lib/platform/badge';
import { injectIntoOpenTabs, syncContentScript } from '../lib/platform/content-script-registry';
import { cancelDiagnosis, startDiagnosis } from '../lib/platform/diagnosis-runner';
import { handleMessage } from '../lib/platform/message-router';

export default defineBackground(() => {
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
      diagnose: (origin) => void startDiagnosis(origin),
      cancelDiagnosis,
    }),
  );
});
