import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import type { KnowledgeEntry } from '../schema';
import { failureTitle, hostChecks, OFFLINE_SILENCE, pathStep, SHOW_NETWORK_DNS } from './shared';

const DATA_TYPE = ALERT_DATA_TYPES['amp-dynamic-analysis'];
const ANALYSIS_HOSTS = ['fmc.api.threatgrid.com', 'fmc.api.threatgrid.eu', 'fmc.api.threatgrid.ca'];

export const ampDynamicAnalysis: KnowledgeEntry = {
  id: 'amp-dynamic-analysis',
  match: failureMatch(DATA_TYPE),
  confidence: 'hedged',
  title: failureTitle(DATA_TYPE),
  summary: {
    en: 'Usually the device cannot submit files to Secure Malware Analytics (Threat Grid).',
    fr: 'Le plus souvent, l’équipement n’arrive pas à soumettre de fichiers à Secure Malware Analytics (Threat Grid).',
  },
  meaning: [
    {
      en: 'Usually the device could not submit files to Secure Malware Analytics (formerly Threat Grid) for dynamic analysis.',
      fr: 'Le plus souvent, l’équipement n’a pas pu soumettre de fichiers à Secure Malware Analytics (anciennement Threat Grid) pour analyse dynamique.',
    },
    {
      en: 'Unlike most cloud traffic, the managed device sends these files itself, so it needs its own path to the cloud; the FMC then fetches the reports.',
      fr: 'Contrairement à la plupart des échanges avec le cloud, c’est l’équipement géré qui envoie lui-même ces fichiers : il lui faut donc son propre chemin vers le cloud, le FMC récupérant ensuite les rapports.',
    },
  ],
  sections: [
    {
      id: 'what-to-check',
      title: { en: 'What to check', fr: 'Points à vérifier' },
      steps: [
        {
          text: {
            en: 'Check the device’s DNS configuration.',
            fr: 'Vérifiez la configuration DNS de l’équipement.',
          },
          commands: [SHOW_NETWORK_DNS],
        },
        {
          text: {
            en: 'From the device, test the host of your Secure Malware Analytics cloud. Cisco’s access-requirements table lists fmc.api.threatgrid.com, plus its .eu and .ca counterparts for the other regional clouds. With an on-premises appliance, test its address instead.',
            fr: 'Depuis l’équipement, testez l’hôte de votre cloud Secure Malware Analytics. Le tableau des accès Internet requis de Cisco indique fmc.api.threatgrid.com, ainsi que ses équivalents en .eu et .ca pour les autres clouds régionaux. Avec une appliance sur site, testez plutôt son adresse.',
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
