import type { Command, Localized, Section, Sourced, Step } from '../schema';
import { DOCS, INFERRED, SEED } from '../sources';

/** A failing row of the health module reads `<data type>` | `Failure` (the seed's table); its title says so. */

export function failureTitle(dataType: string): Localized {
  return { en: `${dataType} — Failure`, fr: `${dataType} — échec` };
}

// The seed's option 1: `show network` tells whether the device has a management DNS server.
export const SHOW_NETWORK_DNS: Command = {
  command: 'show network',
  shell: 'cli',
  purpose: {
    en: 'Show the management network settings, DNS servers included.',
    fr: 'Afficher les paramètres réseau de gestion, serveurs DNS compris.',
    source: SEED,
  },
  lookFor: {
    en: 'A "DNS Servers" line with at least one address. Without it, the device has no DNS for its own traffic.',
    fr: 'Une ligne « DNS Servers » suivie d’au moins une adresse. Sans elle, l’équipement n’a aucun DNS pour son propre trafic.',
    source: SEED,
  },
};

// The seed runs nslookup "to discard any DNS error": an answer without an address is one.
export function nslookup(host: string, purpose?: Sourced): Command {
  return {
    command: `nslookup ${host}`,
    shell: 'expert',
    purpose: purpose ?? {
      en: 'Check that the name resolves, as the TAC note does to rule out a DNS error.',
      fr: 'Vérifier que le nom se résout, comme le fait la note TAC pour écarter une erreur DNS.',
      source: SEED,
    },
    lookFor: {
      en: 'One or more addresses. An error, or no address at all, means a DNS problem.',
      fr: 'Une ou plusieurs adresses. Une erreur, ou aucune adresse, signale un problème DNS.',
      source: SEED,
    },
  };
}

const CURL_LOOK_FOR: Sourced = {
  en: 'Inferred: a "Connected to" line, then a TLS handshake and an HTTP status; any status, even an error, proves the path works. "Couldn\'t resolve host" points at DNS; a timeout points at a firewall, a route or a proxy.',
  fr: "Déduit : une ligne « Connected to », puis une négociation TLS et un code HTTP ; n’importe quel code, même une erreur, prouve que le chemin fonctionne. « Couldn't resolve host » oriente vers le DNS ; un délai dépassé, vers un pare-feu, une route ou un proxy.",
  source: INFERRED,
};

export function curl(host: string): Command {
  return {
    command: `curl -v -k https://${host}`,
    shell: 'expert',
    purpose: {
      en: 'Inferred check, on the TAC note’s model: does an HTTPS connection to this host complete?',
      fr: 'Vérification déduite, sur le modèle de la note TAC : une connexion HTTPS vers cet hôte aboutit-elle ?',
      source: INFERRED,
    },
    lookFor: CURL_LOOK_FOR,
  };
}

/** Resolution first, then HTTPS, host by host: the order in which an admin narrows the fault down. */
export function hostChecks(hosts: readonly string[]): Command[] {
  return hosts.flatMap((host) => [nslookup(host), curl(host)]);
}

export function pathStep(from: 'fmc' | 'device'): Step {
  const who: Localized =
    from === 'fmc' ? { en: 'the FMC', fr: 'le FMC' } : { en: 'the device', fr: 'l’équipement' };
  return {
    text: {
      en: `Cisco’s ports reference says the system reaches the Internet on 443/tcp (HTTPS) by default. Inferred: check what stands between ${who.en} and the Internet on that port: routing, firewall rules, a proxy and its authentication, TLS decryption.`,
      fr: `La référence des ports de Cisco indique que le système joint Internet en 443/tcp (HTTPS) par défaut. Déduit : vérifiez ce qui se trouve entre ${who.fr} et Internet sur ce port : routage, règles de pare-feu, proxy et son authentification, déchiffrement TLS.`,
      source: [DOCS.ports, INFERRED],
    },
  };
}

/**
 * Cisco's instructions (TAC note 217616) for switching the module off, per version where known: the seed's
 * path is the 6.x menu; Cisco's Network as Code data model gives Troubleshooting > Health > Policy for current
 * releases; the release that moved it is not documented, so both are given.
 */
const DISABLE_MODULE_STEPS: Step[] = [
  {
    text: {
      en: 'In the FMC, open the health policy page: System > Health > Policy on 6.x, as in the TAC note.',
      fr: 'Dans le FMC, ouvrez la page des politiques d’intégrité : System > Health > Policy en 6.x, comme dans la note TAC.',
      source: SEED,
    },
  },
  {
    text: {
      en: 'On current releases, Cisco’s Network as Code data model places it at Troubleshooting > Health > Policy. Inferred: the release that moved it is not documented; if one menu lacks it, look in the other.',
      fr: 'Dans les versions actuelles, le modèle de données Network as Code de Cisco la place sous Troubleshooting > Health > Policy. Déduit : la version qui l’a déplacée n’est pas documentée ; si un menu ne la propose pas, cherchez dans l’autre.',
      source: [DOCS.nacHealthPolicy, INFERRED],
    },
  },
  {
    text: {
      en: 'Edit the health policy applied to the device.',
      fr: 'Modifiez la politique d’intégrité appliquée à l’équipement.',
      source: SEED,
    },
  },
  {
    text: {
      en: 'Select Threat Data Updates on Devices and set Enabled to Off, then click Save Policy and Exit (the TAC note’s 6.x editor).',
      fr: 'Sélectionnez Threat Data Updates on Devices et passez Enabled sur Off, puis cliquez sur Save Policy and Exit (l’éditeur 6.x de la note TAC).',
      source: SEED,
    },
  },
  {
    text: {
      en: 'Inferred: newer editors may word these controls differently (a switch per module, a Save button); turn off the same module and save.',
      fr: 'Déduit : les éditeurs plus récents peuvent nommer ces commandes autrement (un interrupteur par module, un bouton Save) ; désactivez le même module et enregistrez.',
      source: INFERRED,
    },
  },
  {
    text: {
      en: 'Inferred, the TAC note does not say it: re-apply the health policy to the devices so that the change reaches them.',
      fr: 'Déduit, la note TAC ne le dit pas : réappliquez la politique d’intégrité aux équipements pour que la modification leur parvienne.',
      source: INFERRED,
    },
  },
];

const SILENCE_CAVEATS: Sourced[] = [
  {
    en: 'Inferred from the policy’s one switch per module: turning the module off silences every row of Threat Data Updates on Devices (Security Intelligence feeds, URL data, malware signatures…), not only this one.',
    fr: 'Déduit de l’interrupteur unique par module de la politique : désactiver le module supprime les alertes de toutes les lignes de Threat Data Updates on Devices (flux Security Intelligence, données URL, signatures de malware…), pas seulement de celle-ci.',
    source: INFERRED,
  },
  {
    en: 'Inferred, not from a document we link: to silence it on a single device only, exclude the module for that device instead: System > Health > Exclude (named Blacklist before 7.0).',
    fr: 'Déduit, sans document lié ici : pour ne l’ignorer que sur un seul équipement, excluez plutôt le module pour cet équipement : System > Health > Exclude (appelé Blacklist avant la version 7.0).',
    source: INFERRED,
  },
];

export function silenceSection(opts: {
  id: string;
  title: Localized;
  when: Sourced;
  paragraphs?: Sourced[];
}): Section {
  return {
    id: opts.id,
    title: opts.title,
    when: opts.when,
    paragraphs: [...(opts.paragraphs ?? []), ...SILENCE_CAVEATS],
    steps: DISABLE_MODULE_STEPS,
    action: 'open-health-policy',
  };
}

/** The hedged entries share one reason to silence them: an FMC kept off the Internet on purpose. */
export const OFFLINE_SILENCE: Section = silenceSection({
  id: 'silence',
  title: {
    en: 'No Internet access by design: silence the alert',
    fr: 'Pas d’accès à Internet, par choix : désactiver l’alerte',
  },
  when: {
    en: 'Your FMC and devices are kept off the Internet on purpose. Inferred: these exchanges with the cloud then cannot succeed.',
    fr: 'Votre FMC et vos équipements sont volontairement privés d’accès à Internet. Déduit : ces échanges avec le cloud ne peuvent alors pas aboutir.',
    source: INFERRED,
  },
});
