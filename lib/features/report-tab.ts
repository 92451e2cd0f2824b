import { browser } from 'wxt/browser';
import { reportPath } from '../protocol/report-url';

/**
 * The background opens the report in a tab of its own: on a device, from a hint's "Open the report" or a
 * watch's notification, or to run a diagnosis the worker could not (`handOverUnreachable`).
 */
export function openReport(origin: string, deviceId?: string) {
  return browser.tabs.create({
    url: browser.runtime.getURL(reportPath(origin, deviceId ? { device: deviceId } : {})),
  });
}

/**
 * The report, to run the diagnosis at once. Beside the popup, not over it: the popup stays open and shows the
 * report's progress.
 */
export function openReportToRun(origin: string) {
  return browser.tabs.create({
    url: browser.runtime.getURL(reportPath(origin, { run: true })),
    active: false,
  });
}
