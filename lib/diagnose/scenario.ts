import type { Localized } from '../i18n';
import type {
  CloudEventsState,
  CloudIntegrationState,
  IntegrationInput,
  IntegrationVerdict,
  SecurexState,
} from './types';

export interface ScenarioInference {
  scenario: 1 | 2;
  uncertain: boolean;
  cloudEvents: CloudEventsState;
  eventsSent: string[];
  securex: SecurexState;
  note: Localized;
  /** A cloud-delivered FMC's inference (issue 20) carries these three; an on-prem one none. */
  platform?: 'cdfmc';
  cloudIntegration?: CloudIntegrationState;
  verdict?: IntegrationVerdict;
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
  if (integration?.platform === 'cdfmc') return inferCdfmcScenario(integration);
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

/**
 * A cloud-delivered FMC's scenario (issue 20). Its API has no `securexconfigs` (../shared/docs/cdfmc.md, the
 * cdFMC spec 1.13.0 lists only `operational/refreshsecurexconfigs`), so the on-prem test cannot be reused; the
 * signals are `cloudeventsconfigs` and the cdFMC's own `cloudintegrations`. Scenario 2 when one of them shows
 * integration on: an event kind sent to the cloud (as on-prem), or `cloudintegrations.enabled` true (a field
 * Cisco does not document: read from its name, and said so). Otherwise the reads cannot tell: the cdFMC itself
 * seems registered with SSE (SCC keeps `sseDeviceData` for it: "inferred" in cdfmc.md), so "integration off, the alert is expected"
 * may not exist as on-prem, and nothing read says it does. The verdict is then `undetermined`, worded with the
 * reads that could not tell; `scenario` holds 2, whose checks do no harm if integration is in fact off, and is
 * never stated as a fact.
 */
function inferCdfmcScenario(integration: Partial<IntegrationInput>): ScenarioInference {
  const events = readCloudEvents(integration.cloudEvents);
  const cloudIntegration = readCloudIntegration(integration.cloudIntegration);
  // The cdFMC API has no SecureX setting at all: absent, never read.
  const securex: SecurexState = 'absent';
  const base = {
    cloudEvents: events.state,
    eventsSent: events.sent,
    securex,
    platform: 'cdfmc' as const,
    cloudIntegration,
  };
  const partly = events.state === 'error' || cloudIntegration === 'error';
  if (events.state === 'sent' || cloudIntegration === 'enabled') {
    const why = [
      events.state === 'sent' ? CDFMC_TEXT.eventsSent : null,
      cloudIntegration === 'enabled' ? CDFMC_TEXT.integrationEnabled : null,
    ].filter((part): part is Localized => part !== null);
    const parts = [...why, CDFMC_TEXT.on, ...(partly ? [PARTLY_READ] : [])];
    return { ...base, scenario: 2, uncertain: partly, verdict: 'scenario-2', note: joinLocalized(parts) };
  }
  const reads = [EVENTS_READ[events.state], INTEGRATION_READ[cloudIntegration]].filter(
    (part): part is Localized => part !== undefined,
  );
  return {
    ...base,
    scenario: 2,
    uncertain: true,
    verdict: 'undetermined',
    note: joinLocalized([CDFMC_TEXT.undetermined, ...reads, CDFMC_TEXT.whyNot1, CDFMC_TEXT.assumed]),
  };
}

function readCloudIntegration(value: unknown): CloudIntegrationState {
  if (value === 'error') return 'error';
  if (value === null || value === undefined || typeof value !== 'object') return 'absent';
  return (value as { enabled?: unknown }).enabled === true ? 'enabled' : 'disabled';
}

function joinLocalized(parts: readonly Localized[]): Localized {
  return {
    en: parts.map((part) => part.en.trim()).join(' '),
    fr: parts.map((part) => part.fr.trim()).join(' '),
  };
}

/** What each read said, when it could not tell (the `undetermined` verdict names them). */
const EVENTS_READ: Partial<Record<CloudEventsState, Localized>> = {
  none: {
    en: 'cloudeventsconfigs: no event kind is sent to the cloud.',
    fr: 'cloudeventsconfigs : aucun type d’événement n’est envoyé au cloud.',
  },
  absent: {
    en: 'cloudeventsconfigs: this cdFMC returned no setting.',
    fr: 'cloudeventsconfigs : ce cdFMC n’a renvoyé aucun paramètre.',
  },
  error: {
    en: 'cloudeventsconfigs could not be read.',
    fr: 'cloudeventsconfigs n’a pas pu être lu.',
  },
};

const INTEGRATION_READ: Partial<Record<CloudIntegrationState, Localized>> = {
  disabled: {
    en: 'cloudintegrations: enabled is not true (Cisco does not document what this field means).',
    fr: 'cloudintegrations : enabled n’est pas vrai (Cisco ne documente pas le sens de ce champ).',
  },
  absent: {
    en: 'cloudintegrations: not offered by this cdFMC (404).',
    fr: 'cloudintegrations : non proposé par ce cdFMC (404).',
  },
  error: {
    en: 'cloudintegrations could not be read.',
    fr: 'cloudintegrations n’a pas pu être lu.',
  },
};

const CDFMC_TEXT = {
  eventsSent: {
    en: 'Inferred, not stated by the cdFMC: events are sent to the cloud (cloudeventsconfigs).',
    fr: 'Déduit, et non indiqué par le cdFMC : des événements sont envoyés au cloud (cloudeventsconfigs).',
  },
  integrationEnabled: {
    en: 'Inferred, not stated by the cdFMC: cloudintegrations reports enabled: true (Cisco does not document what this field means; read from its name).',
    fr: 'Déduit, et non indiqué par le cdFMC : cloudintegrations indique enabled: true (Cisco ne documente pas le sens de ce champ ; lu d’après son nom).',
  },
  on: {
    en: 'Cloud integration looks switched on (scenario 2 of TAC note 217616): the devices must reach SSE.',
    fr: 'L’intégration cloud semble activée (scénario 2 de la note TAC 217616) : les équipements doivent joindre SSE.',
  },
  undetermined: {
    en: 'Undetermined: on this cloud-delivered FMC, what was read cannot tell scenario 1 (integration off, the alert is expected) from scenario 2 (integration on) of TAC note 217616.',
    fr: 'Indéterminé : sur ce FMC livré dans le cloud, ce qui a été lu ne permet pas de distinguer le scénario 1 (intégration désactivée, l’alerte est attendue) du scénario 2 (intégration activée) de la note TAC 217616.',
  },
  whyNot1: {
    en: 'A cdFMC has no SecureX setting (securexconfigs is not in its API), so the on-prem test for scenario 1 does not apply; and SCC seems to register the cdFMC itself with Cisco’s cloud (our inference), so scenario 1 may not exist as on-prem.',
    fr: 'Un cdFMC n’a pas de paramètre SecureX (securexconfigs ne fait pas partie de son API) : le test du scénario 1 d’un FMC sur site ne s’applique donc pas ; et SCC semble enregistrer le cdFMC lui-même auprès du cloud de Cisco (notre déduction), si bien que le scénario 1 n’existe peut-être pas comme sur site.',
  },
  assumed: {
    en: 'The devices are checked as in scenario 2, whose checks do no harm if integration is in fact off; if cloud integration is meant to be off, switch the health module off instead.',
    fr: 'Les équipements sont vérifiés comme dans le scénario 2, dont les vérifications sont sans risque si l’intégration est en fait désactivée ; si l’intégration cloud doit rester désactivée, désactivez plutôt le module d’intégrité.',
  },
} satisfies Record<string, Localized>;

/**
 * A cdFMC device's evidence line in place of the on-prem SecureX one (whose "no such setting, before 7.0" would
 * be untrue on a cdFMC 10.0): SecureX is not in its API, and what its `cloudintegrations` said.
 */
export function cdfmcIntegrationEvidence(inference: Pick<ScenarioInference, 'cloudIntegration'>): Localized {
  const state = inference.cloudIntegration ?? 'absent';
  return joinLocalized([CDFMC_EVIDENCE.securex, CDFMC_EVIDENCE[state]]);
}

const CDFMC_EVIDENCE = {
  securex: {
    en: 'SecureX: not in a cloud-delivered FMC’s API.',
    fr: 'SecureX : absent de l’API d’un FMC livré dans le cloud.',
  },
  enabled: {
    en: 'Cloud integration (cloudintegrations): enabled (a field Cisco does not document).',
    fr: 'Intégration cloud (cloudintegrations) : activée (un champ que Cisco ne documente pas).',
  },
  disabled: {
    en: 'Cloud integration (cloudintegrations): not enabled (a field Cisco does not document).',
    fr: 'Intégration cloud (cloudintegrations) : non activée (un champ que Cisco ne documente pas).',
  },
  absent: {
    en: 'Cloud integration (cloudintegrations): not offered by this cdFMC.',
    fr: 'Intégration cloud (cloudintegrations) : non proposée par ce cdFMC.',
  },
  error: {
    en: 'Cloud integration (cloudintegrations): could not be read.',
    fr: 'Intégration cloud (cloudintegrations) : lecture impossible.',
  },
} satisfies Record<'securex' | CloudIntegrationState, Localized>;
