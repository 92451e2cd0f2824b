import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import type { KnowledgeEntry } from '../schema';
import { DOCS, INFERRED } from '../sources';
import { failureTitle, OFFLINE_SILENCE, pathStep, SHOW_NETWORK_DNS } from './shared';

const DATA_TYPE = ALERT_DATA_TYPES['url-category-reputation'];

export const urlCategoryReputation: KnowledgeEntry = {
  id: 'url-category-reputation',
  match: failureMatch(DATA_TYPE),
  confidence: 'hedged',
  title: failureTitle(DATA_TYPE),
  summary: {
    en: 'Usually (our inference) the URL category and reputation data could not be refreshed from the Talos cloud.',
    fr: 'Le plus souvent (notre déduction), les données de catégorie et de réputation des URL n’ont pas pu être actualisées depuis le cloud Talos.',
    source: INFERRED,
  },
  meaning: [
    {
      en: 'Usually (our inference from the row’s name) the URL category and reputation data could not be refreshed from the Cisco Talos cloud. In most deployments the FMC downloads this data and passes it on to its devices; lookups of URLs missing from the local data also need the cloud.',
      fr: 'Le plus souvent (notre déduction d’après le nom de la ligne), les données de catégorie et de réputation des URL n’ont pas pu être actualisées depuis le cloud Cisco Talos. Dans la plupart des déploiements, le FMC télécharge ces données et les transmet à ses équipements ; la consultation des URL absentes des données locales passe elle aussi par le cloud.',
      source: INFERRED,
    },
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
            en: 'On FMC 7.6.0 or 7.7.0, read Cisco field notice FN74272 (bug CSCwo63951): the client certificate the FMC presents to Talos may fail to renew itself after 30 March 2025, which stops URL database updates. Check its expiry date on the FMC; the field notice gives the remedy.',
            fr: 'Sur un FMC 7.6.0 ou 7.7.0, lisez la field notice Cisco FN74272 (bug CSCwo63951) : le certificat client que le FMC présente à Talos peut ne pas se renouveler après le 30 mars 2025, ce qui bloque les mises à jour de la base d’URL. Vérifiez sa date d’expiration sur le FMC ; la field notice donne la marche à suivre.',
            source: DOCS.fn74272,
          },
          commands: [
            {
              command: 'sudo openssl x509 --in /var/sf/beaker3/securefirewall-dev-prod-01_prod.pem --text',
              shell: 'expert',
              purpose: {
                en: 'Show the Talos client certificate of the FMC, with its validity dates.',
                fr: 'Afficher le certificat client Talos du FMC et ses dates de validité.',
                source: DOCS.fn74272,
              },
              lookFor: {
                en: 'The "Not After" date: once it has passed, the certificate has expired.',
                fr: 'La date « Not After » : une fois dépassée, le certificat a expiré.',
                source: DOCS.fn74272,
              },
            },
          ],
        },
      ],
    },
    {
      id: 'known-bugs',
      title: { en: 'Known bugs', fr: 'Bugs connus' },
      bugs: [
        {
          id: 'CSCwo63951',
          title: {
            en: 'FMC/FDM client-side certificate used to communicate with Talos did not auto-renew correctly',
            fr: 'Le certificat client utilisé par FMC/FDM pour communiquer avec Talos ne s’est pas renouvelé automatiquement',
          },
        },
      ],
    },
    OFFLINE_SILENCE,
  ],
  links: [
    {
      label: {
        en: 'Cisco field notice FN74272: Talos client certificate not renewed (FMC 7.6.0, 7.7.0)',
        fr: 'Field notice Cisco FN74272 : certificat client Talos non renouvelé (FMC 7.6.0, 7.7.0)',
      },
      url: {
        en: 'https://www.cisco.com/c/en/us/support/docs/field-notices/742/fn74272.html',
        fr: 'https://www.cisco.com/c/en/us/support/docs/field-notices/742/fn74272.html',
      },
    },
  ],
};
