import { detectFmcVersion, findHealthPolicyLink, healthPolicyFallback } from '../detect';

export interface HealthPolicyTarget {
  url: string;
  /** True when neither the user nor the FMC's own menu gave the address. */
  guessed: boolean;
}

/**
 * Where "Open the health policy" goes: the user's override for this FMC, else the FMC's own menu entry
 * (System > Health > Policy) in this frame or the top frame, else a version-based guess.
 */
export function resolveHealthPolicy(doc: Document, override: string | undefined): HealthPolicyTarget {
  const origin = doc.location?.origin ?? new URL(doc.baseURI).origin;
  if (override) {
    try {
      const url = new URL(override, origin);
      if (url.origin === origin) return { url: url.href, guessed: false };
    } catch {
      // An unusable override falls through to the page's own menu.
    }
  }
  const fromMenu = findHealthPolicyLink(doc) ?? findInTopFrame(doc);
  if (fromMenu) return { url: fromMenu, guessed: false };
  return { url: healthPolicyFallback(origin, detectFmcVersion(doc)), guessed: true };
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
