import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isFmcPattern } from '../../lib/origins';

/** The granted FMC origins, live: grants and revocations from anywhere (even the browser's UI) show at once. */
export function useEnabledOrigins(): string[] {
  const [patterns, setPatterns] = useState<string[]>([]);
  useEffect(() => {
    const refresh = () =>
      browser.permissions
        .getAll()
        .then(({ origins = [] }) => setPatterns(origins.filter(isFmcPattern).sort()));
    void refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  return patterns;
}
