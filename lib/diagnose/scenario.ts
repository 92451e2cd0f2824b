import type { Localized } from '../i18n';
import type { CloudEventsState, IntegrationInput, SecurexState } from './types';

export interface ScenarioInference {
  scenario: 1 | 2;
  uncertain: boolean;
  cloudEvents: CloudEventsState;
  eventsSent: string[];
  securex: SecurexState;
  note: Localized;
}

const SEND_FLAG = /^send(.+)Events$/;

/**
 * The FMC has no single "cloud integration" switch in its API, so the TAC note's two scenarios are inferred:
 * scenario 1 (integration off, the alert is expected) when no event kind is sent to the cloud (every
 * `send*Events` false, or no such setting on this FMC) and SecureX is not enabled (or its endpoint is absent,
 * FMC before 7.0); scenario 2 otherwise.
 * A setting that could not be read proves nothing, so it cannot establish scenario 1: the scenario falls to 2,
 * whose advice (troubleshoot) is harmless if wrong, where scenario 1's (silence the alert) could hide a real
 * fault. Any unread setting marks the inference uncertain.
 */
export function inferScenario(integration: Partial<IntegrationInput> | null | undefined): ScenarioInference {
  const events = readCloudEvents(integration?.cloudEvents);
  const securex = readSecurex(integration?.securex);
  const off =
    (events.state === 'none' || events.state === 'absent') &&
    (securex === 'disabled' || securex === 'absent');
  const uncertain = events.state === 'error' || securex === 'error';
  const knownOn = events.state === 'sent' || securex === 'enabled';
  const scenario = off ? 1 : 2;
  return {
    scenario,
    uncertain,
    cloudEvents: events.state,
    eventsSent: events.sent,
    securex,
    note: scenarioNote(off, knownOn, uncertain),
  };
}

function readCloudEvents(value: unknown): { state: CloudEventsState; sent: string[] } {
  if (value === 'error') return { state: 'error', sent: [] };
  if (value === null || value === undefined || typeof value !== 'object')
    return { state: 'absent', sent: [] };
  const sent = Object.entries(value as Record<string, unknown>)
    .filter(([key, on]) => on === true && SEND_FLAG.test(key))
    .map(([key]) => eventKind(key))
    .sort(byKindOrder);
  return { state: sent.length > 0 ? 'sent' : 'none', sent };
}

// The FMC's own order of the settings; kinds a later release adds follow, alphabetically.
const KIND_ORDER = ['intrusion', 'file', 'connection'];

function byKindOrder(a: string, b: string): number {
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** `sendIntrusionEvents` → `intrusion`. */
function eventKind(key: string): string {
  const kind = SEND_FLAG.exec(key)?.[1] ?? key;
  return kind.charAt(0).toLowerCase() + kind.slice(1);
}

function readSecurex(value: unknown): SecurexState {
  if (value === 'error') return 'error';
  if (value === null || value === undefined || typeof value !== 'object') return 'absent';
  return (value as { enabled?: unknown }).enabled === true ? 'enabled' : 'disabled';
}

type NoteKey = 'off' | 'on' | 'assumed';

// Worded as inferences (issue 18): the FMC states no scenario. The Security Cloud page for 7.2+ is Cisco's
// (https://cisco.com/c/en/us/td/docs/security/cdo/managing-ssh-devices-with-cdo/managing-ssh-with-cisco-defense-orchestrator/basics-of-cisco-defense-orchestrator.html:
// "an On-Premises Firewall Management Center Version 7.2 and later … integrate it with the Cisco Security Cloud").

const NOTES: Record<NoteKey, Localized> = {
  off: {
    en: 'Inferred, not stated by the FMC: no event is sent to the cloud and SecureX is not enabled, so cloud integration looks switched off (scenario 1 of TAC note 217616), where this alert is expected. If it was meant to be on: on FMC 7.2 and later, Cisco integrates the FMC with the Cisco Security Cloud from its Cisco Security Cloud integration page.',
    fr: 'Déduit, et non indiqué par le FMC : aucun événement n’est envoyé au cloud et SecureX n’est pas activé, l’intégration cloud semble donc désactivée (scénario 1 de la note TAC 217616), cas où cette alerte est attendue. Si elle devait être activée : à partir du FMC 7.2, Cisco intègre le FMC au Cisco Security Cloud depuis sa page d’intégration Cisco Security Cloud.',
  },
  on: {
    en: 'Inferred, not stated by the FMC: events are sent to the cloud or SecureX is enabled, so cloud integration looks switched on (scenario 2 of TAC note 217616) and the devices must reach SSE.',
    fr: 'Déduit, et non indiqué par le FMC : des événements sont envoyés au cloud ou SecureX est activé, l’intégration cloud semble donc activée (scénario 2 de la note TAC 217616) et les équipements doivent joindre SSE.',
  },
  assumed: {
    en: 'Uncertain: part of the integration settings could not be read and nothing read shows cloud integration switched on. Scenario 2 of TAC note 217616 is assumed, as its checks do no harm if integration is in fact off; check the FMC’s integration settings (on 7.2 and later, its Cisco Security Cloud integration page).',
    fr: 'Incertain : une partie des paramètres d’intégration n’a pas pu être lue et rien de ce qui a été lu ne montre l’intégration cloud activée. Le scénario 2 de la note TAC 217616 est retenu par prudence, ses vérifications étant sans risque si l’intégration est en fait désactivée ; vérifiez les paramètres d’intégration du FMC (à partir de la 7.2, sa page d’intégration Cisco Security Cloud).',
  },
};

const PARTLY_READ: Localized = {
  en: ' Part of the integration settings could not be read, so this is marked uncertain.',
  fr: ' Une partie des paramètres d’intégration n’a pas pu être lue : la déduction est donc marquée incertaine.',
};

function scenarioNote(off: boolean, knownOn: boolean, uncertain: boolean): Localized {
  if (off) return NOTES.off;
  if (!knownOn) return NOTES.assumed;
  if (!uncertain) return NOTES.on;
  return { en: NOTES.on.en + PARTLY_READ.en, fr: NOTES.on.fr + PARTLY_READ.fr };
}
