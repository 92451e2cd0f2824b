import { detectFmcVersion, findHealthPolicyLink, healthPolicyFallback } from '../detect';

export interface HealthPolicyTarget {
  url: string;
  /** True when neither the user nor the FMC's own menu gave the address: a guess from the FMC version. */
  guessed: boolean;
}

/**
 * Where "Open the health policy" goes, one rule for the hint (in the FMC page) and the report (without one):
 * the address the user set for this FMC in the options, when it stays on the FMC's origin; else the FMC's own
 * menu entry (System > Health > Policy), when there is a page to read it from; else a guess by FMC version.
 * Pure: the caller reads the user's address (the content script asks the background, so it bundles no storage).
 */
export function resolveHealthPolicy(doc: Document, override: string | undefined): HealthPolicyTarget {
  const origin = doc.location?.origin ?? new URL(doc.baseURI).origin;
  const own = overrideOn(origin, override);
  if (own) return { url: own, guessed: false };
  const fromMenu = findHealthPolicyLink(doc) ?? findInTopFrame(doc);
  if (fromMenu) return { url: fromMenu, guessed: false };
  return { url: healthPolicyFallback(origin, detectFmcVersion(doc)), guessed: true };
}

/** The same rule in the report, which has no FMC page: `fmcVersion` is the version its REST API gave. */
export function resolveHealthPolicyOffPage(
  origin: string,
  fmcVersion: string,
  override: string | undefined,
): HealthPolicyTarget {
  const own = overrideOn(origin, override);
  if (own) return { url: own, guessed: false };
  const version = /^\d/.test(fmcVersion) ? fmcVersion : null;
  return { url: healthPolicyFallback(origin, version), guessed: true };
}

/** The user's address, resolved against the FMC, when it stays on the FMC's origin; null otherwise. */
function overrideOn(origin: string, override: string | undefined): string | null {
  if (!override) return null;
  try {
    const url = new URL(override, origin);
    return url.origin === origin ? url.href : null;
  } catch {
    // An unusable address falls through to the menu or the guess.
    return null;
  }
}

function findInTopFrame(doc: Document): string | null {
  const view = doc.defaultView;
  if (!view || view.top === view) return null;
  try {
    const top = view.top?.document;
    if (!top || top.location.origin !== doc.location.origin) return null;
    return findHealthPolicyLink(top);
  } catch {
    return null; // cross-origin top frame
  }
}
