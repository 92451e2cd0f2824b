import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import { REGIONS } from '../regions';
import type { Bug, Command, KnowledgeEntry, Link, Section } from '../schema';
import { failureTitle, nslookup, SHOW_NETWORK_DNS, silenceSection } from './shared';

const DATA_TYPE = ALERT_DATA_TYPES['cloud-configuration'];
const SSE = 'api-sse.cisco.com';

export const TAC_NOTE: Link = {
  label: {
    en: 'Cisco TAC note 217616: Troubleshoot Cisco Cloud Configuration Failure',
    fr: 'Note TAC Cisco 217616 : dépannage de l’échec Cisco Cloud Configuration',
  },
  url: {
    en: 'https://www.cisco.com/c/en/us/support/docs/security/firepower-ngfw/217616-troubleshoot-cisco-cloud-configuration.html',
    fr: 'https://www.cisco.com/c/fr_ca/support/docs/security/firepower-ngfw/217616-troubleshoot-cisco-cloud-configuration.html',
  },
};

const SSE_CTR_DOC: Link = {
  label: {
    en: 'Cisco TAC: troubleshoot the FMC integration with SSE and Cisco Threat Response',
    fr: 'TAC Cisco : dépannage de l’intégration du FMC avec SSE et Cisco Threat Response',
  },
  url: {
    en: 'https://www.cisco.com/c/en/us/support/docs/security/amp-endpoints/215547-toubleshoot-on-the-fmc-and-ctr-integrati.html',
    fr: 'https://www.cisco.com/c/en/us/support/docs/security/amp-endpoints/215547-toubleshoot-on-the-fmc-and-ctr-integrati.html',
  },
};

// The bugs the TAC note lists, with their Cisco titles.
const BUGS = {
  CSCvs05084: {
    id: 'CSCvs05084',
    title: {
      en: 'FTD Cisco Cloud Configuration failure due to proxy',
      fr: 'FTD : échec de Cisco Cloud Configuration dû au proxy',
    },
  },
  CSCvp56922: {
    id: 'CSCvp56922',
    title: {
      en: 'Use the update-context sse-connector API to update the device host name and version',
      fr: 'Utiliser l’API update-context de sse-connector pour mettre à jour le nom d’hôte et la version de l’équipement',
    },
  },
  CSCvu02123: {
    id: 'CSCvu02123',
    title: {
      en: 'DOC: update the URL reachable from Firepower devices to SSE in the CTR configuration guide',
      fr: 'DOC : mettre à jour, dans le guide de configuration CTR, l’URL de SSE que les équipements Firepower doivent joindre',
    },
  },
  CSCvr46845: {
    id: 'CSCvr46845',
    title: {
      en: 'ENH: health message "Cisco Cloud Configuration - Failure" needs improvement',
      fr: 'ENH : le message d’intégrité « Cisco Cloud Configuration - Failure » doit être amélioré',
    },
  },
} satisfies Record<string, Bug>;

// Documentation addresses stand in for the TAC note's: only the shape of the answer matters.
const NSLOOKUP_HEALTHY = `Server:    192.0.2.53
Address:   192.0.2.53#53

Non-authoritative answer:
api-sse.cisco.com canonical name = api-sse.cisco.com.akadns.net.
Name: api-sse.cisco.com.akadns.net
Address: 198.51.100.10
Name: api-sse.cisco.com.akadns.net
Address: 203.0.113.20`;

const CURL_HEALTHY = `* Rebuilt URL to: https://api-sse.cisco.com/
* Trying 198.51.100.10...
* Connected to api-sse.cisco.com (198.51.100.10) port 443 (#0)
* TLSv1.2 (OUT), TLS handshake, Client hello (1):
* TLSv1.2 (IN), TLS handshake, Server hello (2):
* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256
> GET / HTTP/1.1
> Host: api-sse.cisco.com
< HTTP/1.1 403 Forbidden`;

const CONNECTOR_HEALTHY = `registration_interval=180
connector_port=8989
region_discovery_endpoint=https://api-sse.cisco.com/providers/sse/api/v1/regions
connector_fqdn=api-sse.cisco.com`;

const CURL_SSE: Command = {
  command: `curl -v -k https://${SSE}`,
  shell: 'expert',
  purpose: {
    en: 'Open an HTTPS connection to SSE without checking its certificate.',
    fr: 'Ouvrir une connexion HTTPS vers SSE sans vérifier son certificat.',
  },
  healthyOutput: CURL_HEALTHY,
  lookFor: {
    en: 'Healthy: a TLS handshake, then "HTTP/1.1 403 Forbidden"; the 403 is normal, it proves SSE answered. "Couldn\'t resolve host \'api-sse.cisco.com\'" (curl exit code 6) means name resolution failed. A timeout or a reset after "Trying" points at a firewall, a route or a proxy on the path.',
    fr: "Sain : une négociation TLS, puis « HTTP/1.1 403 Forbidden » ; ce 403 est normal, il prouve que SSE a répondu. « Couldn't resolve host 'api-sse.cisco.com' » (code de sortie 6 de curl) signifie que la résolution du nom a échoué. Un délai dépassé ou une connexion réinitialisée après « Trying » oriente vers un pare-feu, une route ou un proxy sur le chemin.",
  },
};

const option1: Section = {
  id: 'option-1',
  title: {
    en: 'Option 1 — no DNS server on the management interface',
    fr: 'Option 1 — aucun serveur DNS sur l’interface de gestion',
  },
  when: {
    en: 'show network lists no "DNS Servers" line.',
    fr: 'show network n’affiche aucune ligne « DNS Servers ».',
  },
  paragraphs: [
    {
      en: 'This is the device’s management DNS, set at its CLI. The DNS of the FMC’s Platform Settings and the DNS server group objects only serve the data plane (FQDN objects in access rules, for example): filling them in does not fix this alert.',
      fr: 'Il s’agit du DNS de gestion de l’équipement, configuré depuis sa CLI. Le DNS des Platform Settings du FMC et les objets DNS Server Group ne servent qu’au plan de données (par exemple aux objets FQDN des règles d’accès) : les renseigner ne corrige pas cette alerte.',
    },
  ],
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
        en: 'Add one or more DNS servers, separated by commas. Search domains, if you need them, are set the same way.',
        fr: 'Ajoutez un ou plusieurs serveurs DNS, séparés par des virgules. Les domaines de recherche éventuels se configurent de la même façon.',
      },
      commands: [
        {
          command: 'configure network dns servers <dns_ip>[,<dns_ip>]',
          shell: 'cli',
          purpose: {
            en: 'Set the DNS servers the device uses for its management traffic.',
            fr: 'Définir les serveurs DNS que l’équipement utilise pour son trafic de gestion.',
          },
        },
        {
          command: 'configure network dns searchdomains <domain>[,<domain>]',
          shell: 'cli',
          purpose: {
            en: 'Optional: set the DNS search domains.',
            fr: 'Facultatif : définir les domaines de recherche DNS.',
          },
        },
      ],
    },
    {
      text: {
        en: 'Once the device resolves api-sse.cisco.com, the alert clears on its own after a short delay.',
        fr: 'Dès que l’équipement résout api-sse.cisco.com, l’alerte disparaît d’elle-même après un court délai.',
      },
    },
  ],
};

const option2: Section = {
  id: 'option-2',
  title: {
    en: 'Option 2 — DNS is set but api-sse.cisco.com does not resolve',
    fr: 'Option 2 — le DNS est configuré mais api-sse.cisco.com ne se résout pas',
  },
  when: {
    en: "curl prints \"Couldn't resolve host 'api-sse.cisco.com'\", or nslookup returns no address.",
    fr: "curl affiche « Couldn't resolve host 'api-sse.cisco.com' », ou nslookup ne renvoie aucune adresse.",
  },
  paragraphs: [
    {
      en: 'The TAC note adds that connection problems with the AMP cloud are most often DNS resolution problems.',
      fr: 'La note TAC ajoute que les problèmes de connexion au cloud AMP viennent le plus souvent de la résolution DNS.',
    },
  ],
  steps: [
    {
      text: {
        en: 'Check the DNS configuration first, as in option 1.',
        fr: 'Vérifiez d’abord la configuration DNS, comme pour l’option 1.',
      },
      commands: [SHOW_NETWORK_DNS],
    },
    {
      text: { en: 'Try an HTTPS connection to SSE.', fr: 'Testez une connexion HTTPS vers SSE.' },
      commands: [CURL_SSE],
    },
    {
      text: {
        en: 'Resolve the name on the device, and on the FMC for comparison.',
        fr: 'Résolvez le nom sur l’équipement et, pour comparer, sur le FMC.',
      },
      commands: [
        {
          command: `nslookup ${SSE}`,
          shell: 'expert',
          purpose: { en: 'Rule out a DNS error.', fr: 'Écarter une erreur DNS.' },
          healthyOutput: NSLOOKUP_HEALTHY,
          lookFor: {
            en: 'A canonical name (CNAME) api-sse.cisco.com.akadns.net followed by one or more addresses; the addresses vary. An error or no address confirms a DNS problem: check that the servers answer and resolve Internet names.',
            fr: 'Un nom canonique (CNAME) api-sse.cisco.com.akadns.net suivi d’une ou plusieurs adresses, qui varient. Une erreur ou l’absence d’adresse confirme un problème DNS : vérifiez que les serveurs répondent et résolvent les noms Internet.',
          },
        },
      ],
    },
    {
      text: {
        en: 'Resolve the other Cisco cloud names the TAC note lists.',
        fr: 'Résolvez les autres noms du cloud Cisco cités par la note TAC.',
      },
      commands: [
        nslookup('cloud-sa.amp.sourcefire.com', {
          en: 'Resolve the malware cloud (AMP) under its former Sourcefire name.',
          fr: 'Résoudre le cloud malware (AMP) sous son ancien nom Sourcefire.',
        }),
        nslookup('cloud-sa.amp.cisco.com', {
          en: 'Resolve the malware cloud (AMP).',
          fr: 'Résoudre le cloud malware (AMP).',
        }),
        nslookup('api.amp.sourcefire.com', {
          en: 'Resolve the AMP API.',
          fr: 'Résoudre l’API AMP.',
        }),
        nslookup('panacea.threatgrid.com', {
          en: 'Resolve Secure Malware Analytics (formerly Threat Grid).',
          fr: 'Résoudre Secure Malware Analytics (anciennement Threat Grid).',
        }),
      ],
    },
    {
      text: { en: 'Test basic reachability.', fr: 'Testez l’accessibilité de base.' },
      commands: [
        {
          command: `telnet ${SSE} 443`,
          shell: 'expert',
          purpose: {
            en: 'Open a TCP connection to SSE on port 443.',
            fr: 'Ouvrir une connexion TCP vers SSE sur le port 443.',
          },
          lookFor: {
            en: '"Connected to api-sse.cisco.com" means the port is reachable (leave with Ctrl+] then quit). A timeout or a refusal means something on the path blocks it.',
            fr: '« Connected to api-sse.cisco.com » signifie que le port est joignable (sortez avec Ctrl+] puis quit). Un délai dépassé ou un refus signifie que quelque chose le bloque sur le chemin.',
          },
        },
        {
          command: `telnet ${SSE} 8989`,
          shell: 'expert',
          purpose: {
            en: 'Test port 8989, which the TAC note says the cloud services need outbound.',
            fr: 'Tester le port 8989, que les services cloud doivent pouvoir joindre en sortie selon la note TAC.',
          },
        },
        {
          command: 'telnet cloud-sa.amp.cisco.com 443',
          shell: 'expert',
          purpose: {
            en: 'Test the malware cloud (AMP) on port 443.',
            fr: 'Tester le cloud malware (AMP) sur le port 443.',
          },
        },
        {
          command: `ping ${SSE}`,
          shell: 'expert',
          purpose: {
            en: 'Check that the name resolves and whether ICMP gets through.',
            fr: 'Vérifier que le nom se résout et si l’ICMP passe.',
          },
          lookFor: {
            en: 'The first line shows the resolved address, which proves DNS works. Missing replies alone prove little: ICMP is often filtered.',
            fr: 'La première ligne affiche l’adresse résolue, ce qui prouve que le DNS fonctionne. L’absence de réponse ne prouve pas grand-chose à elle seule : l’ICMP est souvent filtré.',
          },
        },
      ],
    },
  ],
};

const connector: Section = {
  id: 'connector',
  title: { en: 'Check the SSE connector on the device', fr: 'Vérifier le connecteur SSE sur l’équipement' },
  paragraphs: [
    {
      en: 'From 6.4 on, the SSEConnector process enrols the device in SSE. The FMC tells every device when Cisco Cloud is switched on or off, and each device then asks the FMC for a registration token.',
      fr: 'Depuis la version 6.4, le processus SSEConnector enregistre l’équipement auprès de SSE. Le FMC indique à chaque équipement quand Cisco Cloud est activé ou désactivé, puis chaque équipement lui demande un jeton d’enregistrement.',
    },
    {
      en: 'The TAC note says Firepower cloud services need an outbound connection on port 8989/tcp, while Cisco’s integration guides ask for outbound 443 to the hosts of your region (see the regions below). Allow 443 in any case; if the connector still fails, check 8989 as the TAC note says.',
      fr: 'La note TAC indique que les services cloud Firepower ont besoin d’une connexion sortante sur le port 8989/tcp, alors que les guides d’intégration Cisco demandent le port 443 en sortie vers les hôtes de votre région (voir les régions plus bas). Ouvrez le 443 dans tous les cas ; si le connecteur échoue encore, vérifiez le 8989 comme le demande la note TAC.',
    },
  ],
  steps: [
    {
      text: { en: 'Check the connector’s settings.', fr: 'Vérifiez les paramètres du connecteur.' },
      commands: [
        {
          command: 'cat /ngfw/etc/sf/connector.properties',
          shell: 'expert',
          purpose: {
            en: 'Show the port and host name the connector uses.',
            fr: 'Afficher le port et le nom d’hôte qu’utilise le connecteur.',
          },
          healthyOutput: CONNECTOR_HEALTHY,
          lookFor: {
            en: 'connector_port=8989 and connector_fqdn=api-sse.cisco.com, as in the TAC note.',
            fr: 'connector_port=8989 et connector_fqdn=api-sse.cisco.com, comme dans la note TAC.',
          },
        },
      ],
    },
    {
      text: { en: 'Check the connector’s connection.', fr: 'Vérifiez la connexion du connecteur.' },
      commands: [
        {
          command: 'lsof -i | grep conn',
          shell: 'expert',
          purpose: {
            en: 'List the connector’s network connections.',
            fr: 'Lister les connexions réseau du connecteur.',
          },
          lookFor: {
            en: 'The TAC note expects a connection on port 8989/tcp in the ESTABLISHED state. None, or one stuck in SYN_SENT, means the connector cannot reach the cloud.',
            fr: 'La note TAC attend une connexion sur le port 8989/tcp à l’état ESTABLISHED. Aucune connexion, ou une connexion bloquée en SYN_SENT, signifie que le connecteur n’atteint pas le cloud.',
          },
        },
      ],
    },
    {
      text: { en: 'Check that the connector runs.', fr: 'Vérifiez que le connecteur s’exécute.' },
      commands: [
        {
          command: 'pmtool status | grep SSE',
          shell: 'expert',
          purpose: {
            en: 'Show the state of the SSEConnector process.',
            fr: 'Afficher l’état du processus SSEConnector.',
          },
          lookFor: {
            en: 'A line for SSEConnector that reports it running. If it is missing, check that cloud integration is switched on in the FMC.',
            fr: 'Une ligne SSEConnector qui le montre en cours d’exécution. Si elle manque, vérifiez que l’intégration cloud est activée dans le FMC.',
          },
        },
      ],
    },
  ],
};

const proxy: Section = {
  id: 'proxy',
  title: { en: 'Behind a proxy', fr: 'Derrière un proxy' },
  when: {
    en: 'The FMC and the devices reach the Internet through an HTTP proxy.',
    fr: 'Le FMC et les équipements sortent sur Internet par un proxy HTTP.',
  },
  paragraphs: [
    {
      en: 'Cisco bug CSCvs05084 covers this alert on FTD behind a proxy: compare its affected and fixed releases with yours.',
      fr: 'Le bug Cisco CSCvs05084 traite de cette alerte sur un FTD derrière un proxy : comparez ses versions concernées et corrigées avec les vôtres.',
    },
    {
      en: 'The FMC’s proxy settings do not support NTLM authentication. If your proxy demands NTLM, give the FMC another method it supports, or exempt the Cisco cloud hosts from authentication.',
      fr: 'Les paramètres de proxy du FMC ne prennent pas en charge l’authentification NTLM. Si votre proxy l’exige, proposez au FMC une autre méthode qu’il sait utiliser, ou dispensez d’authentification les hôtes du cloud Cisco.',
    },
  ],
  bugs: [BUGS.CSCvs05084],
};

const routing: Section = {
  id: 'routing',
  title: {
    en: 'Management traffic routed through the data interfaces',
    fr: 'Trafic de gestion routé par les interfaces de données',
  },
  when: {
    en: 'show network shows "Gateway : data-interfaces".',
    fr: 'show network affiche « Gateway : data-interfaces ».',
  },
  paragraphs: [
    {
      en: 'The management interface only has static routes. With this gateway, the device’s own traffic, SSE included, leaves through the data interfaces, so their routing table and access rules decide whether it reaches the Internet.',
      fr: 'L’interface de gestion n’a que des routes statiques. Avec cette passerelle, le trafic propre de l’équipement, SSE compris, sort par les interfaces de données : leur table de routage et leurs règles d’accès décident s’il atteint Internet.',
    },
  ],
  steps: [
    {
      text: { en: 'Read the management routes.', fr: 'Lisez les routes de gestion.' },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          purpose: {
            en: 'Show the default gateway of the management interface.',
            fr: 'Afficher la passerelle par défaut de l’interface de gestion.',
          },
          lookFor: {
            en: 'The Gateway of the IPv4 default route. "data-interfaces" means the data-plane routes and rules apply to this traffic.',
            fr: 'Le champ Gateway de la route IPv4 par défaut. « data-interfaces » signifie que les routes et règles du plan de données s’appliquent à ce trafic.',
          },
        },
      ],
    },
  ],
};

const tlsInspection: Section = {
  id: 'tls-inspection',
  title: { en: 'TLS decryption on the path', fr: 'Déchiffrement TLS sur le chemin' },
  when: {
    en: 'A TLS decryption policy, on this device or on an upstream proxy or firewall, may inspect the traffic to the Cisco cloud.',
    fr: 'Une politique de déchiffrement TLS, sur cet équipement ou sur un proxy ou pare-feu en amont, inspecte peut-être le trafic vers le cloud Cisco.',
  },
  paragraphs: [
    {
      en: 'Decrypting this traffic is a likely cause: the connector expects Cisco’s own certificate and may reject a re-signed one. Exempt the Cisco cloud hosts from decryption by host name rather than by IP address, since the addresses behind these names change.',
      fr: 'Le déchiffrement de ce trafic est une cause probable : le connecteur attend le certificat de Cisco et peut refuser un certificat re-signé. Exemptez les hôtes du cloud Cisco du déchiffrement par nom d’hôte plutôt que par adresse IP, car les adresses derrière ces noms changent.',
    },
  ],
  steps: [
    {
      text: {
        en: 'See who issued the certificate the device receives.',
        fr: 'Regardez qui a émis le certificat que reçoit l’équipement.',
      },
      commands: [
        {
          ...CURL_SSE,
          lookFor: {
            en: 'The "issuer" line: a certificate issued by your own certificate authority rather than a public one means something on the path decrypts the traffic.',
            fr: 'La ligne « issuer » : un certificat émis par votre propre autorité de certification plutôt que par une autorité publique signifie que quelque chose déchiffre le trafic sur le chemin.',
          },
        },
      ],
    },
  ],
};

const afterTheFix: Section = {
  id: 'after-the-fix',
  title: { en: 'After the fix', fr: 'Après la correction' },
  steps: [
    {
      text: {
        en: 'In the FMC Health Monitor, select the device and run the Threat Data Updates on Devices module again instead of waiting for its next scheduled run.',
        fr: 'Dans le Health Monitor du FMC, sélectionnez l’équipement et relancez le module Threat Data Updates on Devices plutôt que d’attendre sa prochaine exécution planifiée.',
      },
    },
    {
      text: {
        en: 'Allow up to about 30 minutes for the alert to clear. If it is still there after that, go back to the options above.',
        fr: 'Comptez jusqu’à une trentaine de minutes avant que l’alerte disparaisse. Si elle persiste au-delà, reprenez les options ci-dessus.',
      },
    },
  ],
};

const regions: Section = {
  id: 'regions',
  title: { en: 'SSE regions and hosts', fr: 'Régions et hôtes SSE' },
  paragraphs: [
    {
      en: 'The FMC and the devices need outbound TCP 443 to the hosts of their region. Names with * stand for several numbered hosts.',
      fr: 'Le FMC et les équipements doivent pouvoir joindre en TCP 443 sortant les hôtes de leur région. Les noms contenant * désignent plusieurs hôtes numérotés.',
    },
    {
      en: 'The US cloud needs FTD 6.4 or later; the other regions need 6.5 or later. Events must go to the region of your XDR (formerly SecureX) tenant.',
      fr: 'Le cloud US demande un FTD 6.4 ou ultérieur ; les autres régions, 6.5 ou ultérieur. Les événements doivent partir vers la région de votre tenant XDR (anciennement SecureX).',
    },
    {
      en: 'The India host names follow Cisco’s naming pattern but no Cisco document we could read confirms them: check them against Cisco’s current guide.',
      fr: 'Les noms d’hôtes de l’Inde suivent le schéma de nommage de Cisco, mais aucun document Cisco consulté ne les confirme : vérifiez-les dans le guide Cisco à jour.',
    },
    {
      en: 'Do not confuse SSE with Cisco Secure Access, a different product whose API lives at api.sse.cisco.com.',
      fr: 'Ne confondez pas SSE avec Cisco Secure Access, un autre produit, dont l’API se trouve à l’adresse api.sse.cisco.com.',
    },
    {
      en: 'SecureX reached end of life on 31 July 2024. Devices still send their events through SSE (also called SSX) to Cisco XDR, so this alert still matters on 7.2 to 7.6.',
      fr: 'SecureX est en fin de vie depuis le 31 juillet 2024. Les équipements envoient toujours leurs événements à Cisco XDR via SSE (aussi appelé SSX) : cette alerte garde donc tout son sens de la 7.2 à la 7.6.',
    },
  ],
  table: {
    head: [
      { en: 'Region', fr: 'Région' },
      { en: 'API host', fr: 'Hôte API' },
      { en: 'Other hosts', fr: 'Autres hôtes' },
    ],
    rows: REGIONS.map((region) => [
      {
        text: region.hedged
          ? { en: `${region.name.en} (to be confirmed)`, fr: `${region.name.fr} (à confirmer)` }
          : region.name,
      },
      { code: [region.apiHost] },
      { code: [...region.otherHosts] },
    ]),
  },
};

const knownBugs: Section = {
  id: 'known-bugs',
  title: { en: 'Known bugs', fr: 'Bugs connus' },
  paragraphs: [
    {
      en: 'The bugs the TAC note lists for this alert.',
      fr: 'Les bugs que la note TAC associe à cette alerte.',
    },
  ],
  bugs: Object.values(BUGS),
};

export const cloudConfiguration: KnowledgeEntry = {
  id: 'cloud-configuration',
  match: failureMatch(DATA_TYPE),
  confidence: 'documented',
  title: failureTitle(DATA_TYPE),
  summary: {
    en: 'The device cannot reach Cisco Security Services Exchange (api-sse.cisco.com).',
    fr: 'L’équipement n’arrive pas à joindre Cisco Security Services Exchange (api-sse.cisco.com).',
  },
  meaning: [
    {
      en: 'The managed device (an FTD, or the SFR module of an ASA) cannot reach Security Services Exchange (SSE) at api-sse.cisco.com. Devices must reach SSE to work with SecureX, now Cisco XDR, and with other Cisco cloud services.',
      fr: 'L’équipement géré (un FTD, ou le module SFR d’un ASA) n’arrive pas à joindre Security Services Exchange (SSE) à l’adresse api-sse.cisco.com. Les équipements doivent joindre SSE pour fonctionner avec SecureX, devenu Cisco XDR, et avec les autres services cloud de Cisco.',
    },
    {
      en: 'The check belongs to Rapid Threat Containment, which newer releases turn on by default. It applies to the FMC and to FTD or SFR devices from 6.4.0 on.',
      fr: 'Ce contrôle fait partie de Rapid Threat Containment, activé par défaut dans les versions récentes. Il concerne le FMC et les équipements FTD ou SFR à partir de la version 6.4.0.',
    },
    {
      en: 'The message is generic, as Cisco enhancement bug CSCvr46845 acknowledges: most of the time the device has no working path to api-sse.cisco.com, but other connectivity problems raise the same alert.',
      fr: 'Le message est générique, ce que reconnaît le bug d’amélioration Cisco CSCvr46845 : le plus souvent, l’équipement n’a pas de chemin fonctionnel vers api-sse.cisco.com, mais d’autres problèmes de connectivité déclenchent la même alerte.',
    },
    {
      en: 'Start by telling which case applies: without any Cisco cloud integration the alert is expected (scenario 1); with one, troubleshoot connectivity (scenario 2).',
      fr: 'Commencez par déterminer votre cas : sans intégration cloud Cisco, l’alerte est attendue (scénario 1) ; avec, il faut diagnostiquer la connectivité (scénario 2).',
    },
  ],
  sections: [
    silenceSection({
      id: 'scenario-1',
      title: {
        en: 'Scenario 1 — cloud integration is off',
        fr: 'Scénario 1 — l’intégration cloud est désactivée',
      },
      when: {
        en: 'You use neither SecureX/XDR nor any other Cisco cloud integration: the device is not meant to reach the cloud, so the alert is expected.',
        fr: 'Vous n’utilisez ni SecureX/XDR ni aucune autre intégration cloud Cisco : l’équipement n’a pas vocation à joindre le cloud, l’alerte est donc attendue.',
      },
      paragraphs: [
        {
          en: 'Nothing is broken: switch the alert off rather than hunting for a network problem.',
          fr: 'Rien n’est cassé : désactivez l’alerte plutôt que de chercher un problème de réseau.',
        },
      ],
    }),
    {
      id: 'scenario-2',
      title: {
        en: 'Scenario 2 — cloud integration is on',
        fr: 'Scénario 2 — l’intégration cloud est activée',
      },
      when: {
        en: 'You use SecureX/XDR or another Cisco cloud integration: the device must reach SSE, so find what stops it.',
        fr: 'Vous utilisez SecureX/XDR ou une autre intégration cloud Cisco : l’équipement doit joindre SSE, il faut trouver ce qui l’en empêche.',
      },
      paragraphs: [
        {
          en: 'Work through the options in order: most failures come down to DNS. CLI commands run at the device’s > prompt; the others run in expert mode (type expert at that prompt). On an ASA with an SFR module, open the module’s CLI with session sfr first.',
          fr: 'Suivez les options dans l’ordre : la plupart des échecs viennent du DNS. Les commandes CLI se tapent à l’invite > de l’équipement, les autres en mode expert (tapez expert à cette invite). Sur un ASA doté d’un module SFR, ouvrez d’abord la CLI du module avec session sfr.',
        },
      ],
      sections: [option1, option2, connector, proxy, routing, tlsInspection, afterTheFix],
    },
    regions,
    knownBugs,
  ],
  links: [TAC_NOTE, SSE_CTR_DOC],
};
