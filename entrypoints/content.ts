import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { HintLoop } from '../components/hint/DeviceSection';
import type { ResolvedEntry } from '../components/hint/HintDetails';
import { mountHint } from '../components/hint/mount';
import { alertMatchers } from '../lib/alert/alerts';
import { compileMatchers, findLoggedInUser } from '../lib/detect';
import { uiLang } from '../lib/i18n';
import { createDeviceTies } from '../lib/page/device-ties';
import { resolveHealthPolicy } from '../lib/page/health-policy';
import { createHintController, HINT_ATTRIBUTE } from '../lib/page/hint-controller';
import { watchMutations } from '../lib/page/mutation-batcher';
import {
  type HintSettings,
  type HintVerdicts,
  type LoopAnswer,
  VERDICTS_CHANGED,
} from '../lib/protocol/hint';
import type {
  HintCountMessage,
  HintDeviceRequest,
  HintSettingsRequest,
  HintVerdictsRequest,
  KnowledgeRequest,
  OpenReportRequest,
  PageInfo,
  RecheckRequest,
  WatchRequest,
} from '../lib/protocol/messages';

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
    const send = <T>(message: unknown) => browser.runtime.sendMessage(message) as Promise<T>;
    // The user's health policy address for this FMC (options page), asked of the background only when a hint
    // or the popup needs it: reading storage here would bundle the storage registry and zod into every page.
    let settings: Promise<string | undefined> | undefined;
    let override: string | undefined;
    const loadSettings = () => {
      settings ??= send<HintSettings | null>({ type: 'hint-settings' } satisfies HintSettingsRequest).then(
        (answer) => (override = answer?.healthPolicyOverride ?? undefined),
        () => undefined,
      );
      return settings;
    };

    const loadEntry = (id: string) =>
      browser.runtime.sendMessage({
        type: 'knowledge',
        id,
        lang,
      } satisfies KnowledgeRequest) as Promise<ResolvedEntry | null>;

    // The loop closed in the page (issue 10): each hint shows its own device's verdict, from the FMC's last
    // diagnosis, asked of the background only once this page has a hint, and again when the background says
    // the verdicts changed.
    const ties = createDeviceTies();
    let verdictsWanted = false;
    const refreshVerdicts = () => {
      verdictsWanted = true;
      send<HintVerdicts | null>({ type: 'hint-verdicts' } satisfies HintVerdictsRequest).then(
        (verdicts) => ties.update(verdicts ?? null),
        () => undefined,
      );
    };
    let untied: Element[] = [];
    const tieSoon = (row: Element) => {
      if (untied.push(row) > 1) return;
      queueMicrotask(() => {
        const rows = untied;
        untied = [];
        if (!verdictsWanted) refreshVerdicts();
        void loadSettings();
        ties.tie(rows.filter((candidate) => candidate.isConnected));
      });
    };
    const loop: HintLoop = {
      loadDevice: (deviceId) => send({ type: 'hint-device', deviceId, lang } satisfies HintDeviceRequest),
      recheck: (deviceId) => send<LoopAnswer>({ type: 'recheck', deviceId, lang } satisfies RecheckRequest),
      watch: (deviceId, on) =>
        send<LoopAnswer>({ type: 'watch', deviceIds: [deviceId], on, lang } satisfies WatchRequest),
      openReport: (deviceId) =>
        void send({
          type: 'open-report',
          ...(deviceId ? { deviceId } : {}),
        } satisfies OpenReportRequest).catch(() => undefined),
    };

    const controller = createHintController(document, {
      compiled: compileMatchers(alertMatchers),
      mount: (match) => {
        const hint = mountHint(match.anchor, {
          entryId: match.id,
          loadEntry,
          healthPolicy: () => resolveHealthPolicy(document, override),
          lang,
          device: ties.cellFor(match.row),
          loop,
        });
        tieSoon(match.row);
        return {
          host: hint.host,
          unmount() {
            hint.unmount();
            ties.release(match.row);
          },
        };
      },
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
    const onMessage = (
      message: unknown,
      sender: { id?: string },
      sendResponse: (answer: unknown) => void,
    ) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const type = (message as { type?: unknown } | null)?.type;
      if (type === VERDICTS_CHANGED) {
        // Every frame of the FMC's tabs hears it; only those that show hints ask again.
        if (controller.count() > 0) refreshVerdicts();
        else verdictsWanted = false;
        return undefined;
      }
      if (type !== 'page-info' || window !== window.top) return undefined;
      // Without the polyfill (wxt.config.ts), an answer goes through sendResponse, in both browsers; `true`
      // keeps the channel open while the settings arrive.
      void loadSettings().then(() =>
        sendResponse({
          user: findLoggedInUser(document),
          healthPolicy: resolveHealthPolicy(document, override),
        } satisfies PageInfo),
      );
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      stopWatching();
      controller.stop();
    });
  },
});
