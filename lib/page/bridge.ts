import type { AlertRowMatch } from '../detect';
import type { Lang } from '../i18n';
import { type Answers, askBackground } from '../platform/messaging';
import { type LoopAnswer, VERDICTS_CHANGED } from '../protocol/hint';
import { createDeviceTies, type DeviceCell } from './device-ties';
import { type HealthPolicyTarget, resolveHealthPolicy } from './health-policy';
import type { MountedHint } from './hint-controller';
import { onOwnMessage } from './own-messages';

/** What a hint may ask of the background about its device (issue 10): the props of `components/hint`. */
export interface PageLoop {
  loadDevice(deviceId: string): Promise<Answers['hint-device']>;
  recheck(deviceId: string): Promise<LoopAnswer>;
  watch(deviceId: string, on: boolean): Promise<LoopAnswer>;
  openReport(deviceId?: string): void;
}

/** What each hint is given, besides its entry id, to reach the background (`components/hint/mount.tsx`). */
export interface HintLinks {
  lang: Lang;
  /** The hint's explanation, asked of the background when the hint is first opened. */
  loadEntry(id: string): Promise<Answers['knowledge']>;
  healthPolicy(): HealthPolicyTarget;
  device: DeviceCell;
  loop: PageLoop;
}

export interface Bridge {
  /** Wraps the mounting of one hint: it gets its links, its row is tied to its device, then untied. */
  hinted(
    mount: (match: AlertRowMatch, links: HintLinks) => MountedHint,
  ): (match: AlertRowMatch) => MountedHint;
  /** Tells the background how many hints this frame shows (the toolbar badge). */
  reportCount(count: number): void;
  /** Where the health policy is, once the user's settings for this FMC arrived. */
  healthPolicy(): Promise<HealthPolicyTarget>;
  /** Asks the verdicts again when the background says they changed, while this frame shows `hints()`. */
  listen(hints: () => number): () => void;
}

/**
 * The content script's side of every exchange with the background, through the typed senders
 * (lib/platform/messaging.ts): settings, verdicts, device views, re-checks, watches, the report, the hints'
 * explanations and the hint count. The content script bundles no zod and no storage registry for this: the
 * background validates what arrives and reads storage.
 */
export function createBridge(doc: Document, lang: Lang): Bridge {
  // The user's health policy address for this FMC (options page), asked of the background only when a hint
  // or the popup needs it: reading storage here would bundle the storage registry and zod into every page.
  let settings: Promise<string | undefined> | undefined;
  let override: string | undefined;
  const loadSettings = () => {
    settings ??= askBackground({ type: 'hint-settings' }).then(
      (answer) => (override = answer?.healthPolicyOverride ?? undefined),
      () => undefined,
    );
    return settings;
  };
  const healthPolicy = () => resolveHealthPolicy(doc, override);

  const loadEntry = (id: string) =>
    askBackground({ type: 'knowledge', id, lang }).then((entry) => entry ?? null);

  // The loop closed in the page (issue 10): each hint shows its own device's verdict, from the FMC's last
  // diagnosis, asked of the background only once this page has a hint, and again when the background says
  // the verdicts changed.
  const ties = createDeviceTies();
  let verdictsWanted = false;
  const refreshVerdicts = () => {
    verdictsWanted = true;
    askBackground({ type: 'hint-verdicts' }).then(
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
  const loop: PageLoop = {
    loadDevice: (deviceId) =>
      askBackground({ type: 'hint-device', deviceId, lang }).then((view) => view ?? null),
    recheck: (deviceId) => askBackground({ type: 'recheck', deviceId, lang }).then(answered),
    watch: (deviceId, on) => askBackground({ type: 'watch', deviceIds: [deviceId], on, lang }).then(answered),
    openReport: (deviceId) =>
      void askBackground({ type: 'open-report', ...(deviceId ? { deviceId } : {}) }).catch(() => undefined),
  };

  return {
    hinted: (mount) => (match) => {
      const device = ties.cellFor(match.row);
      const hint = mount(match, { lang, loadEntry, healthPolicy, device, loop });
      tieSoon(match.row);
      return {
        host: hint.host,
        unmount() {
          hint.unmount();
          ties.release(match.row);
        },
      };
    },
    reportCount: (count) => void askBackground({ type: 'hint-count', count }).catch(() => undefined),
    healthPolicy: () => loadSettings().then(healthPolicy),
    listen: (hints) =>
      onOwnMessage((type) => {
        if (type !== VERDICTS_CHANGED) return undefined;
        // Every frame of the FMC's tabs hears it; only those that show hints ask again.
        if (hints() > 0) refreshVerdicts();
        else verdictsWanted = false;
        return undefined;
      }),
  };
}

/** The background answers every re-check and watch it accepts; no answer means it dropped the message. */
function answered(answer: LoopAnswer | undefined): LoopAnswer {
  if (!answer) throw new Error('The background did not answer.');
  return answer;
}
