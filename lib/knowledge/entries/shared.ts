import type { Command, Localized, Section, Step } from '../schema';

/** A failing row of the health module reads `<data type>` | `Failure` (the seed's table); its title says so. */

export function failureTitle(dataType: string): Localized {
  return { en: `${dataType} — Failure`, fr: `${dataType} — échec` };
}

export const SHOW_NETWORK_DNS: Command = {
  command: 'show network',
  shell: 'cli',
  purpose: {
    en: 'Show the management network settings, DNS servers included.',
    fr: 'Afficher les paramètres réseau de gestion, serveurs DNS compris.',
  },
  lookFor: {
    en: 'A "DNS Servers" line with at least one address. Without it, the device has no DNS for its own traffic.',
    fr: 'Une ligne « DNS Servers » suivie d’au moins une adresse. Sans elle, l’équipement n’a aucun DNS pour son propre trafic.',
  },
};

export function nslookup(host: string, purpose?: Localized): Command {
  return {
    command: `nslookup ${host}`,
    shell: 'expert',
    purpose: purpose ?? { en: 'Check that the name resolves.', fr: 'Vérifier que le nom se résout.' },
    lookFor: {
      en: 'One or more addresses. An error, or no address at all, means a DNS problem.',
      fr: 'Une ou plusieurs adresses. Une erreur, ou aucune adresse, signale un problème DNS.',
    },
  };
}

const CURL_LOOK_FOR: Localized = {
  en: 'A "Connected to" line, then a TLS handshake and an HTTP status: any status, even an error, proves the path works. "Couldn\'t resolve host" points at DNS; a timeout points at a firewall, a route or a proxy.',
  fr: "Une ligne « Connected to », puis une négociation TLS et un code HTTP : n’importe quel code, même une erreur, prouve que le chemin fonctionne. « Couldn't resolve host » oriente vers le DNS ; un délai dépassé, vers un pare-feu, une route ou un proxy.",
};

export function curl(host: string): Command {
  return {
    command: `curl -v -k https://${host}`,
    shell: 'expert',
    purpose: {
      en: 'Check that an HTTPS connection completes.',
      fr: 'Vérifier qu’une connexion HTTPS aboutit.',
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
      en: `Check what stands between ${who.en} and the Internet on port 443: routing, firewall rules, a proxy and its authentication, TLS decryption.`,
      fr: `Vérifiez ce qui se trouve entre ${who.fr} et Internet sur le port 443 : routage, règles de pare-feu, proxy et son authentification, déchiffrement TLS.`,
    },
  };
}

// Cisco's instructions (TAC note 217616) for switching the module off; the same for every row it reports.
const DISABLE_MODULE_STEPS: Step[] = [
  {
    text: {
      en: 'In the FMC, open System > Health > Policy.',
      fr: 'Dans le FMC, ouvrez System > Health > Policy.',
    },
  },
  {
    text: {
      en: 'Edit the health policy applied to the device.',
      fr: 'Modifiez la politique d’intégrité appliquée à l’équipement.',
    },
  },
  {
    text: {
      en: 'Select Threat Data Updates on Devices and set Enabled to Off.',
      fr: 'Sélectionnez Threat Data Updates on Devices et passez Enabled sur Off.',
    },
  },
  { text: { en: 'Click Save Policy and Exit.', fr: 'Cliquez sur Save Policy and Exit.' } },
  {
    text: {
      en: 'Re-apply the health policy to the devices so that the change takes effect.',
      fr: 'Réappliquez la politique d’intégrité aux équipements pour que la modification prenne effet.',
    },
  },
];

const SILENCE_CAVEATS: Localized[] = [
  {
    en: 'Turning the module off silences every row of Threat Data Updates on Devices (Security Intelligence feeds, URL data, malware signatures…), not only this one.',
    fr: 'Désactiver le module supprime les alertes de toutes les lignes de Threat Data Updates on Devices (flux Security Intelligence, données URL, signatures de malware…), pas seulement de celle-ci.',
  },
  {
    en: 'To silence it on a single device only, exclude the module for that device instead: System > Health > Exclude (named Blacklist before 7.0).',
    fr: 'Pour ne l’ignorer que sur un seul équipement, excluez plutôt le module pour cet équipement : System > Health > Exclude (appelé Blacklist avant la version 7.0).',
  },
];

export function silenceSection(opts: {
  id: string;
  title: Localized;
  when: Localized;
  paragraphs?: Localized[];
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
    en: 'Your FMC and devices are kept off the Internet on purpose, so these exchanges with the cloud cannot succeed.',
    fr: 'Votre FMC et vos équipements sont volontairement privés d’accès à Internet : ces échanges avec le cloud ne peuvent pas aboutir.',
  },
});
