import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountHint } from '../components/hint/mount';
import { alertMatchers } from '../lib/alert/alerts';
import { compileMatchers } from '../lib/detect';
import { uiLang } from '../lib/i18n';
import { createBridge } from '../lib/page/bridge';
import { startHints } from '../lib/page/hints';
import { answerPageInfo } from '../lib/page/page-info';

const GUARD = Symbol.for('fmc-cloud-doctor.content');

export default defineContentScript({
  // Registered at run time for the FMC origins the user enabled (see lib/features/content-script-registration).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    // The script is both registered and injected into tabs open when the user enables an FMC.
    const scope = globalThis as { [GUARD]?: true };
    if (scope[GUARD]) return;
    scope[GUARD] = true;

    // Everything asked of or told to the background: settings, verdicts, explanations, the hint count.
    const bridge = createBridge(document, uiLang(browser.i18n.getUILanguage()));
    // One hint per failing row, kept up to date as the page changes.
    const hints = startHints(document, {
      compiled: compileMatchers(alertMatchers),
      mount: bridge.hinted((match, links) =>
        mountHint(match.anchor, { entryId: match.id, ...links }, match.after),
      ),
      onCountChange: bridge.reportCount,
      reportZeroAtStart: window.top !== window,
    });
    const stopListening = bridge.listen(hints.count);
    // What the popup asks of the page in its tab: the logged-in user, the health policy.
    const stopAnswering = answerPageInfo(document, bridge.healthPolicy);
    ctx.onInvalidated(() => {
      stopAnswering();
      stopListening();
      hints.stop();
    });
  },
});
