import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ResolvedEntry } from '../components/hint/HintDetails';
import { mountHint } from '../components/hint/mount';
import { compileMatchers, findLoggedInUser } from '../lib/detect';
import { alertMatchers, uiLang } from '../lib/knowledge/alerts';
import { patternForUrl } from '../lib/origins';
import { resolveHealthPolicy } from '../lib/page/health-policy';
import { createHintController, HINT_ATTRIBUTE } from '../lib/page/hint-controller';
import { watchMutations } from '../lib/page/mutation-batcher';
import type { HintCountMessage, KnowledgeRequest, PageInfo } from '../lib/platform/messages';
import { readHealthPolicyOverride } from '../lib/platform/settings';

const GUARD = Symbol.for('fmc-cloud-doctor.content');

export default defineContentScript({
  // Registered at run time for the FMC origins the user enabled (see lib/platform/content-script-registry).
  registration: 'runtime',
  matches: [],
  allFrames: true,
  main(ctx) {
    // The script is both registered and injected into tabs open when the user enables an FMC.
    const scope = globalThis as { [GUARD]?: true };
    if (scope[GUARD]) return;
    scope[GUARD] = true;

    let logged = false;
    const guarded =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        try {
          fn(...args);
        } catch (error) {
          // One line in the console, never a broken FMC page.
          if (!logged) console.warn('[FMC Cloud Doctor] hints stopped on this page:', error);
          logged = true;
        }
      };

    const lang = uiLang(browser.i18n.getUILanguage());
    const pattern = patternForUrl(location.href);
    let override: string | undefined;
    if (pattern) void readHealthPolicyOverride(pattern).then((value) => (override = value));

    const loadEntry = (id: string) =>
      browser.runtime.sendMessage({
        type: 'knowledge',
        id,
        lang,
      } satisfies KnowledgeRequest) as Promise<ResolvedEntry | null>;

    const controller = createHintController(document, {
      compiled: compileMatchers(alertMatchers),
      mount: (match) =>
        mountHint(match.anchor, {
          entryId: match.id,
          loadEntry,
          healthPolicy: () => resolveHealthPolicy(document, override),
        }),
      onCountChange: (count) =>
        void browser.runtime
          .sendMessage({ type: 'hint-count', count } satisfies HintCountMessage)
          .catch(() => undefined),
    });

    guarded(() => controller.start())();
    const stopWatching = watchMutations(
      document,
      guarded((batch) => controller.handleBatch(batch)),
      (node) => node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(HINT_ATTRIBUTE),
    );
    // The popup asks which user the FMC page shows as logged in (to warn before an API sign-in with the same
    // account, which would log that UI session out) and where the health policy is. Only the top frame
    // answers; only our extension may ask.
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || window !== window.top) return undefined;
      if ((message as { type?: unknown } | null)?.type !== 'page-info') return undefined;
      const info: PageInfo = {
        user: findLoggedInUser(document),
        healthPolicy: resolveHealthPolicy(document, override),
      };
      return Promise.resolve(info);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      stopWatching();
      controller.stop();
    });
  },
});
