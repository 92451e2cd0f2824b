import type { Verdict } from '../diagnose/types';
import type { Source } from '../knowledge/sources';
import type { WatchState } from './watch';

// The page side of the loop (issue 10): shapes the background sends to content scripts, and the messages our
// pages and the background send them. Free of zod and of any runtime import, so the content script can use
// them without growing (the messages it sends are validated by the background, lib/protocol/messages.ts; the
// typed senders are lib/platform/messaging.ts).

/**
 * What a content script gets of its FMC's diagnosis: the few fields a collapsed hint shows, for tying rows to
 * devices by name. Never a token, never another FMC's data. `null`: no finished diagnosis of this FMC.
 */
export interface HintVerdicts {
  finishedAt: number;
  devices: HintDevice[];
}

export interface HintDevice {
  id: string;
  /** The device's name and host name, as the REST API gives them. */
  names: string[];
  verdict: Verdict;
  /** A watch runs until its alert clears. */
  watching: boolean;
  /**
   * What its watch says (issue 17), running or ended within the day: `unchecked` and `paused` come with since
   * when (`watchSince`, ms since epoch). Absent: no watch.
   */
  watchState?: WatchState;
  watchSince?: number;
  /** When the alert was raised (ms since epoch), and when a re-check found it cleared. */
  failingSince?: number;
  clearedAt?: number;
}

/** One device, in the hint's language, for its expanded view: texts only, drawn as text. */
export interface HintDeviceView {
  id: string;
  name: string;
  verdict: Verdict;
  /** Management DNS, proxy and gateway, as label/value pairs ("not read" when `show network` was not). */
  settings: { label: string; value: string }[];
  evidence: string[];
  runbook: {
    text: string;
    /** Where the step's words come from (issue 18): the TAC note, a Cisco document, or inferred. */
    sources?: Source[];
    commands: { command: string; shell: 'cli' | 'expert'; expect?: string }[];
  }[];
  watching: boolean;
  watch?: { until: number; everyMs: number };
  /** What its watch says, with the reason when it could not check, in the hint's language (issue 17). */
  watchStatus?: { state: WatchState; text: string };
  failingSince?: number;
  clearedAt?: number;
  checkedAt: number;
}

/**
 * The background's answer to a re-check or a watch request: done (for a watch, whether browser notifications
 * will tell the end), or why not, in the language the request asked for.
 */
export type LoopAnswer = { ok: true; notify?: boolean } | { ok: false; code: string; message: string };

/** What a content script gets of the user's settings for its FMC (`hint-settings`). */
export interface HintSettings {
  /** The health policy address the user set for this FMC in the options, or null. */
  healthPolicyOverride: string | null;
}

/** Sent by the background to the FMC's tabs when its verdicts change: they ask again (`hint-verdicts`). */
export const VERDICTS_CHANGED = 'fmc-verdicts-changed';

/** Sent by the popup to its tab's top-frame content script; answered with a `PageInfo` (messages.ts). */
export const PAGE_INFO = 'page-info';
