import { regionByApiHost } from '../knowledge/regions';
import { isObject } from './coerce';
import { chooseRegion, type RegionChoice } from './region';
import { inferScenario, type ScenarioInference } from './scenario';
import type { IntegrationDiagnosis, IntegrationInput } from './types';

/**
 * The integration's verdict, decided once per run from its settings: the TAC note's scenario (inferred) and the
 * region whose host the devices enrol with. The devices are then decided against it (./devices.ts), by a full
 * run and by a re-check of one device alike, which reads it back from the stored diagnosis.
 */
export function decideIntegration(integration: IntegrationInput | null | undefined): IntegrationDiagnosis {
  const settings = isObject(integration) ? integration : null;
  const scenario = inferScenario(settings);
  const region = chooseRegion(settings?.regionHost, settings?.regionName);
  return {
    cloudEventsEnabled: scenario.cloudEvents === 'sent',
    securexEnabled: scenario.securex === 'enabled' ? true : scenario.securex === 'disabled' ? false : null,
    region: region.name,
    sseHost: region.host,
    scenario: scenario.scenario,
    regionId: region.region?.id ?? null,
    cloudEvents: scenario.cloudEvents,
    eventsSent: scenario.eventsSent,
    securex: scenario.securex,
    scenarioInference: { inferred: true, uncertain: scenario.uncertain, note: scenario.note },
    // A cloud-delivered FMC (issue 20) says which platform it is and its own verdict, `undetermined` included.
    ...(scenario.platform ? { platform: scenario.platform } : {}),
    ...(scenario.cloudIntegration ? { cloudIntegration: scenario.cloudIntegration } : {}),
    ...(scenario.verdict ? { verdict: scenario.verdict } : {}),
  };
}

/** The scenario inference an integration verdict states (every field of it is kept). */
export function scenarioOf(integration: IntegrationDiagnosis): ScenarioInference {
  return {
    scenario: integration.scenario,
    uncertain: integration.scenarioInference.uncertain,
    cloudEvents: integration.cloudEvents,
    eventsSent: integration.eventsSent,
    securex: integration.securex,
    note: integration.scenarioInference.note,
    ...(integration.platform ? { platform: integration.platform } : {}),
    ...(integration.cloudIntegration ? { cloudIntegration: integration.cloudIntegration } : {}),
    ...(integration.verdict ? { verdict: integration.verdict } : {}),
  };
}

/** The host devices use when the FMC names no region. */
const ASSUMED_HOST = chooseRegion(null).host;

/**
 * The region an integration verdict names. The verdict keeps no "assumed" flag: a region the FMC did not name
 * is the assumed host with neither a name nor a region id, which a named region never is (that host is a known
 * region's, so it has an id).
 */
export function regionOf(integration: IntegrationDiagnosis): RegionChoice {
  const named = integration.region !== null || integration.regionId !== null;
  const assumed = !named && integration.sseHost === ASSUMED_HOST;
  return {
    host: integration.sseHost,
    region: assumed ? null : (regionByApiHost(integration.sseHost) ?? null),
    name: integration.region,
    assumed,
  };
}
