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
  /**
   * The verdict in words, in the browser's language (lib/diagnose/labels.ts), worded by the background so that
   * the content script carries no labels (its 20 KB budget, issue 19).
   */
  label: string;
  /** The verdict's symbol (lib/diagnose/labels.ts), sent for the same reason. */
  icon: string;
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

/** One step of a runbook, in the hint's language: its text, where its words come from, its commands. */
export interface HintStep {
  text: string;
  /** Where the step's words come from (issue 18): the TAC note, a Cisco document, or inferred. */
  sources?: Source[];
  /** `expect`: what the output shows ("Expected"; in `why`'s steps, the symptom as it was read). */
  commands: { command: string; shell: 'cli' | 'expert'; expect?: string }[];
}

/**
 * One device, in the hint's language, for its expanded view: texts only, drawn as text. The panel lays them out
 * in the one order of every surface (lib/diagnose/sections.ts, issue 19): the verdict and its cause, the fix,
 * how to verify it (or the checks), Re-check / Watch, then, folded, why and the alert's other results.
 */
export interface HintDeviceView {
  id: string;
  name: string;
  /** "name · management address" (the API's `hostName`), the name alone without one. */
  title: string;
  /** `ssh admin@<address>`, when a step is typed on the device and the address is a plain host or IP address. */
  ssh?: string;
  verdict: Verdict;
  /** The verdict's cause in one line, with the device's own values. */
  cause: string;
  /** What the verdict rests on, as read (its management DNS, proxy and gateway among them). */
  evidence: string[];
  /**
   * The runbook's sections that have steps, in order (lib/diagnose/sections.ts): the fix, how to verify it, or
   * the checks that find the cause; the first one starts the work.
   */
  steps: { id: 'fix' | 'verify' | 'check'; steps: HintStep[] }[];
  /** The steps that re-read the symptom, folded with the evidence. */
  why: HintStep[];
  /** The alert's other data types, "8 other data types: Success", and their lines; absent when none. */
  others?: { summary: string; results: string[] };
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
