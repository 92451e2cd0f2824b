import { useState } from 'preact/hooks';
import { isFmcPattern } from '../../lib/origins';
import { grantedOrigins } from '../../lib/platform/permissions';
import { usePermissionsChanged } from '../common/usePermissionsChanged';

/** The granted FMC origins, live: grants and revocations from anywhere (even the browser's UI) show at once. */
export function useEnabledOrigins(): string[] {
  const [patterns, setPatterns] = useState<string[]>([]);
  usePermissionsChanged(
    () => grantedOrigins().then((origins) => setPatterns(origins.filter(isFmcPattern).sort())),
    [],
  );
  return patterns;
}
