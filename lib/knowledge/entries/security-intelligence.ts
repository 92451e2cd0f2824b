import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import type { KnowledgeEntry, Link, Localized, Sourced } from '../schema';
import { DOCS, INFERRED } from '../sources';
import { failureTitle, OFFLINE_SILENCE, pathStep, SHOW_NETWORK_DNS } from './shared';

const FN72332: Link = {
  label: {
    en: 'Cisco field notice FN72332: Talos certificate authority change (2022)',
    fr: 'Field notice Cisco FN72332 : changement d’autorité de certification Talos (2022)',
  },
  url: {
    en: 'https://www.cisco.com/c/en/us/support/docs/field-notices/723/fn72332.html',
    fr: 'https://www.cisco.com/c/en/us/support/docs/field-notices/723/fn72332.html',
  },
};

interface FeedKind {
  id: string;
  dataType: string;
  /** The lists, as they read inside a sentence. */
  lists: Localized;
  usedBy: Sourced;
}

// The three rows differ only by what the feeds contain; everything else about a failed download is shared.
function feedEntry(kind: FeedKind): KnowledgeEntry {
  return {
    id: kind.id,
    match: failureMatch(kind.dataType),
    confidence: 'hedged',
    title: failureTitle(kind.dataType),
    summary: {
      en: `Usually (our inference) a failed download of the Security Intelligence ${kind.lists.en}.`,
      fr: `Le plus souvent (notre déduction), un échec de téléchargement des ${kind.lists.fr} Security Intelligence.`,
      source: INFERRED,
    },
    meaning: [
      {
        en: `Usually (our inference from the row’s name) the latest update of the Security Intelligence ${kind.lists.en} did not reach the device. In most deployments the FMC downloads the Cisco Talos feeds, and any custom feed you added, and passes them on to its devices, so a failed download on the FMC side can surface here.`,
        fr: `Le plus souvent (notre déduction d’après le nom de la ligne), la dernière mise à jour des ${kind.lists.fr} Security Intelligence n’est pas parvenue à l’équipement. Dans la plupart des déploiements, le FMC télécharge les flux de Cisco Talos, ainsi que les flux personnalisés que vous avez ajoutés, puis les transmet à ses équipements : un échec de téléchargement côté FMC peut donc apparaître ici.`,
        source: INFERRED,
      },
      kind.usedBy,
    ],
    sections: [
      {
        id: 'what-to-check',
        title: { en: 'What to check', fr: 'Points à vérifier' },
        paragraphs: [
          {
            en: 'Cisco’s ports reference says the system connects to the Internet on ports 443/tcp (HTTPS) and 80/tcp (HTTP) by default.',
            fr: 'La référence des ports de Cisco indique que le système se connecte à Internet sur les ports 443/tcp (HTTPS) et 80/tcp (HTTP) par défaut.',
            source: DOCS.ports,
          },
          {
            en: 'Inferred: custom feeds use the address you gave them, whatever its port.',
            fr: 'Déduit : les flux personnalisés utilisent l’adresse que vous leur avez donnée, quel que soit son port.',
            source: INFERRED,
          },
        ],
        steps: [
          {
            text: {
              en: 'Inferred first check, as for Cloud Configuration: make sure the FMC and the device have working DNS.',
              fr: 'Première vérification déduite, comme pour Cloud Configuration : assurez-vous que le FMC et l’équipement disposent d’un DNS fonctionnel.',
              source: INFERRED,
            },
            commands: [SHOW_NETWORK_DNS],
          },
          pathStep('fmc'),
          {
            text: {
              en: 'Inferred: if you added custom feeds, check from the FMC that each feed URL still answers.',
              fr: 'Déduit : si vous avez ajouté des flux personnalisés, vérifiez depuis le FMC que chaque URL de flux répond encore.',
              source: INFERRED,
            },
            commands: [
              {
                command: 'curl -v -k <feed_url>',
                shell: 'expert',
                purpose: {
                  en: 'Fetch a custom feed by hand (an inferred check).',
                  fr: 'Télécharger un flux personnalisé à la main (vérification déduite).',
                  source: INFERRED,
                },
                lookFor: {
                  en: 'Inferred: an HTTP 200 answer followed by the list. An error status, a timeout or "Couldn\'t resolve host" tells why the download fails.',
                  fr: "Déduit : une réponse HTTP 200 suivie de la liste. Un code d’erreur, un délai dépassé ou « Couldn't resolve host » indique pourquoi le téléchargement échoue.",
                  source: INFERRED,
                },
              },
            ],
          },
          {
            text: {
              en: 'On releases 6.1 to 7.1, read Cisco field notice FN72332: Talos replaced the certificate authority of its feed servers in March 2022, and unpatched releases can no longer download the Talos feeds. The field notice says to upgrade to a fixed release and to ignore these health alerts until then.',
              fr: 'En versions 6.1 à 7.1, lisez la field notice Cisco FN72332 : Talos a changé d’autorité de certification pour ses serveurs de flux en mars 2022, et les versions non corrigées ne peuvent plus télécharger les flux Talos. La field notice recommande de passer à une version corrigée et d’ignorer ces alertes d’intégrité d’ici là.',
              source: DOCS.fn72332,
            },
          },
        ],
      },
      OFFLINE_SILENCE,
    ],
    links: [FN72332],
  };
}

export const siUrlFeeds = feedEntry({
  id: 'si-url-feeds',
  dataType: ALERT_DATA_TYPES['si-url-feeds'],
  lists: { en: 'URL lists and feeds', fr: 'listes et flux d’URL' },
  usedBy: {
    en: 'Inferred from Cisco’s Security Intelligence documentation: these lists drive URL blocking in the Security Intelligence settings of the access control policy.',
    fr: 'Déduit de la documentation Security Intelligence de Cisco : ces listes alimentent le blocage d’URL dans les réglages Security Intelligence de la politique de contrôle d’accès.',
    source: INFERRED,
  },
});

export const siNetworkFeeds = feedEntry({
  id: 'si-network-feeds',
  dataType: ALERT_DATA_TYPES['si-network-feeds'],
  lists: { en: 'IP address lists and feeds', fr: 'listes et flux d’adresses IP' },
  usedBy: {
    en: 'Inferred from Cisco’s Security Intelligence documentation: these lists drive IP address blocking in the Security Intelligence settings of the access control policy.',
    fr: 'Déduit de la documentation Security Intelligence de Cisco : ces listes alimentent le blocage d’adresses IP dans les réglages Security Intelligence de la politique de contrôle d’accès.',
    source: INFERRED,
  },
});

export const siDnsFeeds = feedEntry({
  id: 'si-dns-feeds',
  dataType: ALERT_DATA_TYPES['si-dns-feeds'],
  lists: { en: 'domain name lists and feeds', fr: 'listes et flux de noms de domaine' },
  usedBy: {
    en: 'Inferred from Cisco’s Security Intelligence documentation: these lists drive the DNS policy, which blocks lookups of the listed domains or sends them to a sinkhole.',
    fr: 'Déduit de la documentation Security Intelligence de Cisco : ces listes alimentent la politique DNS, qui bloque les résolutions des domaines listés ou les redirige vers un sinkhole.',
    source: INFERRED,
  },
});
