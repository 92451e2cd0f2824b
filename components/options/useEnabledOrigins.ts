import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isFmcPattern } from '../../lib/origins';
import { usePermissionsChanged } from '../common/usePermissionsChanged';

/** The granted FMC origins, live: grants and revocations from anywhere (even the browser's UI) show at once. */
export function useEnabledOrigins(): string[] {
  const [patterns, setPatterns] = useState<string[]>([]);
  usePermissionsChanged(
    () =>
      browser.permissions
        .getAll()
        .then(({ origins = [] }) => setPatterns(origins.filter(isFmcPattern).sort())),
    [],
  );
  return patterns;
}
