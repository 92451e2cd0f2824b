// The order of one device's card, as data (issue 19): the popup's row, the report's pane, the hint and the
// Markdown lay a device out in this order, and a unit test holds it (test/unit/device-sections.test.tsx).
import { STEP_ROLES } from './runbook-steps';
import type { DeviceDiagnosis, RunbookStep, Verdict } from './types';

/**
 * A part of a device's card, in the order an admin needs them: the verdict and its one-line cause; the device's
 * address (name · management address, and the `ssh` line that opens its CLI); the fix; how to verify it, or, for
 * a verdict with no known fix, the checks that find the cause; Re-check / Watch; then, folded, why this verdict
 * (the evidence, the re-reads of it, the cross-checks) and the alert's other results.
 */
export type DeviceSectionId =
  | 'cause'
  | 'address'
  | 'fix'
  | 'verify'
  | 'check'
  | 'actions'
  | 'why'
  | 'other-results';

/** Where a runbook step goes: ./runbook-steps.ts's STEP_ROLES says it per verdict. */
export type StepSection = 'fix' | 'verify' | 'check' | 'why';

/** Sections shown unfolded; the rest is behind a `<details>` on our pages and the hint. */
export const FOLDED_SECTIONS: readonly DeviceSectionId[] = ['why', 'other-results'];

/**
 * The sections one device's card has, in order. `address` only when the FMC gave the device's management
 * address (`hostName`); `fix`, `verify`, `check` only when the runbook has such steps; `actions` whenever the
 * device can be re-checked (always); `other-results` only when the alert has results besides the Cloud
 * Configuration one. Scenario 1's fix is on the FMC, not on the device: its address then comes after the
 * actions, so the card's first action is the health policy.
 */
export function deviceSections(device: DeviceDiagnosis): DeviceSectionId[] {
  const steps = new Set(device.runbook.map((step) => stepSection(device.verdict, step.id)));
  const hasAddress = typeof device.hostName === 'string' && device.hostName.trim() !== '';
  const onFmc = device.verdict === 'expected-integration-off';
  const sections: DeviceSectionId[] = ['cause'];
  if (hasAddress && !onFmc) sections.push('address');
  for (const section of ['fix', 'verify', 'check'] as const) if (steps.has(section)) sections.push(section);
  sections.push('actions');
  if (hasAddress && onFmc) sections.push('address');
  sections.push('why');
  if (alertResultsSplit(device).others.length > 0) sections.push('other-results');
  return sections;
}

/**
 * Where one step of the verdict's runbook goes. A step the runbooks no longer have (a diagnosis stored by an older
 * release) verifies, or checks when the verdict has no fix.
 */
export function stepSection(verdict: Verdict, stepId: string): StepSection {
  const roles = STEP_ROLES[verdict] ?? { fix: [], why: [] };
  if (roles.fix.includes(stepId)) return 'fix';
  if (roles.why.includes(stepId)) return 'why';
  return roles.fix.length > 0 ? 'verify' : 'check';
}

/** The steps of one section: the fixes in STEP_ROLES's order (the likeliest first), the others as the runbook has them. */
export function sectionSteps(device: DeviceDiagnosis, section: StepSection): RunbookStep[] {
  const steps = device.runbook.filter((step) => stepSection(device.verdict, step.id) === section);
  if (section !== 'fix') return steps;
  const order = STEP_ROLES[device.verdict]?.fix ?? [];
  return steps
    .map((step, index) => ({ step, index, rank: order.indexOf(step.id) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ step }) => step);
}

const CLOUD_CONFIGURATION = /cloud\s+configuration/i;

/**
 * The alert's results (one line each, as the FMC sent them): `lead`, the Cisco Cloud Configuration ones the
 * verdict is about (quoted in the evidence), and `others`, every other data type's, folded on the card.
 */
export function alertResultsSplit(device: Pick<DeviceDiagnosis, 'alert'>): {
  lead: string[];
  others: string[];
} {
  const results = Array.isArray(device.alert?.results) ? device.alert.results : [];
  return {
    lead: results.filter((line) => CLOUD_CONFIGURATION.test(line)),
    others: results.filter((line) => !CLOUD_CONFIGURATION.test(line)),
  };
}
