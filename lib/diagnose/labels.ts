import type { Localized } from '../i18n';
import type { Verdict } from './types';

/**
 * Each verdict in words, the one wording of the popup, the report, the exports and the in-page hint. Small and
 * free of the rest of the diagnosis texts, so the content script can bundle it.
 */
export const VERDICT_LABELS: Record<Verdict, Localized> = {
  healthy: { en: 'Healthy', fr: 'Sain' },
  'expected-integration-off': {
    en: 'Expected (cloud integration off)',
    fr: 'Attendu (intégration cloud désactivée)',
  },
  'dns-missing': { en: 'No management DNS', fr: 'Aucun DNS de gestion' },
  // Only the bug's title is public: the proxy is what was read, the bug a possibility (issue 18).
  proxy: { en: 'Proxy (may be CSCvs05084)', fr: 'Proxy (peut-être CSCvs05084)' },
  connectivity: { en: 'Resolution or reachability', fr: 'Résolution ou accessibilité' },
  unknown: { en: 'Unknown (settings not read)', fr: 'Inconnu (paramètres non lus)' },
};

/**
 * A symbol per kind of verdict, so a badge reads without colour too (the label says it in words). Never a cross:
 * "×" or "x" on a chip reads as close or delete (issue 19); a failure is "!", the sign of a warning.
 */
export const VERDICT_ICONS: Record<Verdict, string> = {
  healthy: '✓',
  'expected-integration-off': '–',
  'dns-missing': '!',
  proxy: '!',
  connectivity: '!',
  unknown: '?',
};

/**
 * Whether watching a device until its alert clears makes sense: a failure the admin can fix. Scenario 1's failure
 * is expected and never clears while cloud integration is off (issue 19): it is switched off, not watched.
 */
export function canWatch(verdict: Verdict): boolean {
  return verdict !== 'healthy' && verdict !== 'expected-integration-off';
}
