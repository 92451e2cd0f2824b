import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { clearCountsWithTabs, recordFrameCount, tabCount } from '../lib/features/badge';
import { keepContentScriptRegistered } from '../lib/features/content-script-registration';
import { serveDiagnoses } from '../lib/features/diagnosis-run';
import { loopHandlers } from '../lib/features/loop-handlers';
import { handleMessage } from '../lib/features/message-router';
import { pushVerdictsOnChange } from '../lib/features/push';
import { serveWatches } from '../lib/features/watch';

/** The background, wiring only: each feature's part lives in its file under lib/features. */
export default defineBackground(() => {
  // First: runs a previous worker left "running" are marked interrupted before any new run starts.
  const diagnose = serveDiagnoses();
  serveWatches();
  pushVerdictsOnChange();
  keepContentScriptRegistered();
  clearCountsWithTabs();

  browser.runtime.onMessage.addListener((message, sender) =>
    handleMessage(message, sender, { loop: loopHandlers, recordFrameCount, tabCount, diagnose }),
  );
});
