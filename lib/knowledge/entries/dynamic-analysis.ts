import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import type { KnowledgeEntry } from '../schema';
import { DOCS, INFERRED } from '../sources';
import { failureTitle, hostChecks, OFFLINE_SILENCE, pathStep, SHOW_NETWORK_DNS } from './shared';

const DATA_TYPE = ALERT_DATA_TYPES['amp-dynamic-analysis'];
const ANALYSIS_HOSTS = ['fmc.api.threatgrid.com', 'fmc.api.threatgrid.eu', 'fmc.api.threatgrid.ca'];

export const ampDynamicAnalysis: KnowledgeEntry = {
  id: 'amp-dynamic-analysis',
  match: failureMatch(DATA_TYPE),
  confidence: 'hedged',
  title: failureTitle(DATA_TYPE),
  summary: {
    en: 'Usually (our inference) the device cannot submit files to Secure Malware Analytics (Threat Grid).',
    fr: 'Le plus souvent (notre déduction), l’équipement n’arrive pas à soumettre de fichiers à Secure Malware Analytics (Threat Grid).',
    source: INFERRED,
  },
  meaning: [
    {
      en: 'Usually (our inference from the row’s name) the device could not submit files to Secure Malware Analytics (formerly Threat Grid) for dynamic analysis.',
      fr: 'Le plus souvent (notre déduction d’après le nom de la ligne), l’équipement n’a pas pu soumettre de fichiers à Secure Malware Analytics (anciennement Threat Grid) pour analyse dynamique.',
      source: INFERRED,
    },
    {
      en: 'Unlike most cloud traffic, the managed device sends these files itself, so it needs its own path to the cloud; the FMC then fetches the reports.',
      fr: 'Contrairement à la plupart des échanges avec le cloud, c’est l’équipement géré qui envoie lui-même ces fichiers : il lui faut donc son propre chemin vers le cloud, le FMC récupérant ensuite les rapports.',
      source: DOCS.ports,
    },
  ],
  sections: [
    {
      id: 'what-to-check',
      title: { en: 'What to check', fr: 'Points à vérifier' },
      steps: [
        {
          text: {
            en: 'Inferred first check, as for Cloud Configuration: the device’s DNS configuration.',
            fr: 'Première vérification déduite, comme pour Cloud Configuration : la configuration DNS de l’équipement.',
            source: INFERRED,
          },
          commands: [SHOW_NETWORK_DNS],
        },
        {
          text: {
            en: 'From the device, test the host of your Secure Malware Analytics cloud. Cisco’s Internet access requirements list fmc.api.threatgrid.com, plus its .eu and .ca counterparts for the other regional clouds. Inferred: with an on-premises appliance, test its address instead.',
            fr: 'Depuis l’équipement, testez l’hôte de votre cloud Secure Malware Analytics. Les accès Internet requis de Cisco indiquent fmc.api.threatgrid.com, ainsi que ses équivalents en .eu et .ca pour les autres clouds régionaux. Déduit : avec une appliance sur site, testez plutôt son adresse.',
            source: [DOCS.ports, INFERRED],
          },
          commands: hostChecks(ANALYSIS_HOSTS),
        },
        pathStep('device'),
      ],
    },
    OFFLINE_SILENCE,
  ],
  links: [],
};
