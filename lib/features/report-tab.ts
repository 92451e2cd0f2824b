import { browser } from 'wxt/browser';
import { reportPath } from '../protocol/report-url';

/**
 * The background opens the report in a tab of its own: on a device, from a hint's "Open the report" or a
 * watch's notification. (It no longer opens one to finish a run the worker could not make: on Chromium the
 * worker reaches a self-signed FMC through the offscreen document, lib/platform/offscreen.ts.)
 */
export function openReport(origin: string, deviceId?: string) {
  return browser.tabs.create({
    url: browser.runtime.getURL(reportPath(origin, deviceId ? { device: deviceId } : {})),
  });
}
