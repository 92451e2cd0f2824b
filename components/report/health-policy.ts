import { healthPolicyFallback } from '../../lib/detect/navigation';
import { patternForUrl } from '../../lib/origins';
import { readHealthPolicyOverride } from '../../lib/platform/settings';

export interface HealthPolicyLink {
  url: string;
  /** True when the user set no address for this FMC: the route is a guess from the FMC version. */
  guessed: boolean;
}

/**
 * The report has no FMC page to read the menu from, so: the address the user set for this FMC in the options
 * (when it stays on the FMC's origin), else the guess by FMC version the hints use too.
 */
export async function healthPolicyLink(origin: string, fmcVersion: string): Promise<HealthPolicyLink> {
  const pattern = patternForUrl(origin);
  const override = pattern ? await readHealthPolicyOverride(pattern) : undefined;
  if (override) {
    try {
      const url = new URL(override, origin);
      if (url.origin === origin) return { url: url.href, guessed: false };
    } catch {
      // An unusable address falls back to the guess.
    }
  }
  const version = /^\d/.test(fmcVersion) ? fmcVersion : null;
  return { url: healthPolicyFallback(origin, version), guessed: true };
}
