import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export interface ActiveTab {
  id: number;
  url: string | undefined;
}

/**
 * The tab the popup speaks about: the active tab, or the one named by `?tabId=` when the popup is opened
 * as a page (keyboard users, tests).
 */
export function useActiveTab(): ActiveTab | null | undefined {
  const [tab, setTab] = useState<ActiveTab | null | undefined>(undefined);
  useEffect(() => {
    const requested = Number.parseInt(new URLSearchParams(location.search).get('tabId') ?? '', 10);
    const lookup = Number.isInteger(requested)
      ? browser.tabs.get(requested).then((found) => [found])
      : browser.tabs.query({ active: true, currentWindow: true });
    lookup.then(
      ([found]) => setTab(found?.id === undefined ? null : { id: found.id, url: found.url }),
      () => setTab(null),
    );
  }, []);
  return tab;
}
