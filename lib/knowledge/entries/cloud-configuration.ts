import { ALERT_DATA_TYPES, failureMatch } from '../../alert/alerts';
import { REGIONS } from '../regions';
import type { Bug, Command, KnowledgeEntry, Link, Section } from '../schema';
import { DOCS, INFERRED, SEED, SEED_URL } from '../sources';
import { failureTitle, nslookup, SHOW_NETWORK_DNS, silenceSection } from './shared';

const DATA_TYPE = ALERT_DATA_TYPES['cloud-configuration'];
const SSE = 'api-sse.cisco.com';

export const TAC_NOTE: Link = {
  label: {
    en: 'Cisco TAC note 217616: Troubleshoot Cisco Cloud Configuration Failure',
    fr: 'Note TAC Cisco 217616 : dépannage de l’échec Cisco Cloud Configuration',
  },
  url: SEED_URL,
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

// The seed's healthy output, shortened; the issuer and the verify-result lines are kept (issue 18, fix 6).
const CURL_HEALTHY = `* Rebuilt URL to: https://api-sse.cisco.com/
* Trying 198.51.100.10...
* Connected to api-sse.cisco.com (198.51.100.10) port 443 (#0)
* TLSv1.2 (OUT), TLS handshake, Client hello (1):
* TLSv1.2 (IN), TLS handshake, Server hello (2):
* SSL connection using TLSv1.2 / ECDHE-RSA-AES128-GCM-SHA256
* Server certificate:
* subject: C=US; ST=California; L=San Jose; O=Cisco Systems, Inc.; CN=api-sse.cisco.com
* issuer: C=US; O=HydrantID (Avalanche Cloud Corporation); CN=HydrantID SSL ICA G2
* SSL certificate verify result: self signed certificate in certificate chain (19), continuing anyway.
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
    en: 'Verify the connection with SSE, as the TAC note does (-k: curl goes on without checking the certificate).',
    fr: 'Vérifier la connexion avec SSE, comme le fait la note TAC (-k : curl continue sans vérifier le certificat).',
    source: SEED,
  },
  healthyOutput: CURL_HEALTHY,
  lookFor: {
    en: 'As in the TAC note: a TLS handshake, then "HTTP/1.1 403 Forbidden"; the 403 is normal, it proves SSE answered, and so is the line "self signed certificate in certificate chain (19), continuing anyway". "Couldn\'t resolve host \'api-sse.cisco.com\'" (curl exit code 6) means name resolution failed. Inferred: a timeout or a reset after "Trying" points at a firewall, a route or a proxy on the path.',
    fr: "Comme dans la note TAC : une négociation TLS, puis « HTTP/1.1 403 Forbidden » ; ce 403 est normal, il prouve que SSE a répondu, tout comme la ligne « self signed certificate in certificate chain (19), continuing anyway ». « Couldn't resolve host 'api-sse.cisco.com' » (code de sortie 6 de curl) signifie que la résolution du nom a échoué. Déduit : un délai dépassé ou une connexion réinitialisée après « Trying » oriente vers un pare-feu, une route ou un proxy sur le chemin.",
    source: [SEED, INFERRED],
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
    source: SEED,
  },
  paragraphs: [
    {
      en: 'Inferred from Cisco’s cdFMC DNS documentation: this is the device’s management DNS, set at its CLI. The DNS of the FMC’s Platform Settings and the DNS server group objects only serve the data plane (FQDN objects in access rules, for example): filling them in does not fix this alert.',
      fr: 'Déduit de la documentation DNS du cdFMC de Cisco : il s’agit du DNS de gestion de l’équipement, configuré depuis sa CLI. Le DNS des Platform Settings du FMC et les objets DNS Server Group ne servent qu’au plan de données (par exemple aux objets FQDN des règles d’accès) : les renseigner ne corrige pas cette alerte.',
      source: INFERRED,
    },
  ],
  steps: [
    {
      text: {
        en: 'Check the device’s DNS configuration.',
        fr: 'Vérifiez la configuration DNS de l’équipement.',
        source: SEED,
      },
      commands: [SHOW_NETWORK_DNS],
    },
    {
      text: {
        en: 'Add one or more DNS servers, as the TAC note does. Inferred: separate several servers with commas; search domains, if you need them, are set the same way.',
        fr: 'Ajoutez un ou plusieurs serveurs DNS, comme le fait la note TAC. Déduit : séparez plusieurs serveurs par des virgules ; les domaines de recherche éventuels se configurent de la même façon.',
        source: [SEED, INFERRED],
      },
      commands: [
        {
          command: 'configure network dns servers <dns_ip>[,<dns_ip>]',
          shell: 'cli',
          purpose: {
            en: 'Set the DNS servers the device uses for its management traffic.',
            fr: 'Définir les serveurs DNS que l’équipement utilise pour son trafic de gestion.',
            source: SEED,
          },
        },
        {
          command: 'configure network dns searchdomains <domain>[,<domain>]',
          shell: 'cli',
          purpose: {
            en: 'Optional, inferred from the CLI’s own commands: set the DNS search domains.',
            fr: 'Facultatif, déduit des commandes de la CLI : définir les domaines de recherche DNS.',
            source: INFERRED,
          },
        },
      ],
    },
    {
      text: {
        en: 'Once the device resolves api-sse.cisco.com, the TAC note says the alert clears on its own after a short delay.',
        fr: 'Dès que l’équipement résout api-sse.cisco.com, la note TAC indique que l’alerte disparaît d’elle-même après un court délai.',
        source: SEED,
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
    source: SEED,
  },
  paragraphs: [
    {
      en: 'The TAC note adds that connection problems with the AMP cloud are most likely due to DNS resolution.',
      fr: 'La note TAC ajoute que les problèmes de connexion au cloud AMP viennent probablement de la résolution DNS.',
      source: SEED,
    },
  ],
  steps: [
    {
      text: {
        en: 'Check the DNS configuration first, as in option 1.',
        fr: 'Vérifiez d’abord la configuration DNS, comme pour l’option 1.',
        source: SEED,
      },
      commands: [SHOW_NETWORK_DNS],
    },
    {
      text: {
        en: 'Try an HTTPS connection to SSE.',
        fr: 'Testez une connexion HTTPS vers SSE.',
        source: SEED,
      },
      commands: [CURL_SSE],
    },
    {
      text: {
        en: 'Resolve the name on the device, and on the FMC for comparison.',
        fr: 'Résolvez le nom sur l’équipement et, pour comparer, sur le FMC.',
        source: SEED,
      },
      commands: [
        {
          command: `nslookup ${SSE}`,
          shell: 'expert',
          purpose: { en: 'Rule out a DNS error.', fr: 'Écarter une erreur DNS.', source: SEED },
          healthyOutput: NSLOOKUP_HEALTHY,
          lookFor: {
            en: 'As in the TAC note’s output: a canonical name (CNAME) api-sse.cisco.com.akadns.net followed by one or more addresses. Inferred: the addresses vary; an error or no address points at the DNS servers, so check that they answer and resolve Internet names.',
            fr: 'Comme dans la sortie de la note TAC : un nom canonique (CNAME) api-sse.cisco.com.akadns.net suivi d’une ou plusieurs adresses. Déduit : les adresses varient ; une erreur ou l’absence d’adresse met en cause les serveurs DNS, vérifiez donc qu’ils répondent et résolvent les noms Internet.',
            source: [SEED, INFERRED],
          },
        },
      ],
    },
    {
      text: {
        en: 'Resolve the other Cisco cloud names the TAC note lists.',
        fr: 'Résolvez les autres noms du cloud Cisco cités par la note TAC.',
        source: SEED,
      },
      commands: [
        nslookup('cloud-sa.amp.sourcefire.com', {
          en: 'Resolve a malware cloud (AMP) name the TAC note lists.',
          fr: 'Résoudre un nom du cloud malware (AMP) cité par la note TAC.',
          source: SEED,
        }),
        nslookup('cloud-sa.amp.cisco.com', {
          en: 'Resolve the malware cloud (AMP) host, named by the TAC note and by Cisco’s Internet access requirements for malware cloud lookups.',
          fr: 'Résoudre l’hôte du cloud malware (AMP), cité par la note TAC et par les accès Internet requis de Cisco pour les consultations du cloud malware.',
          source: [SEED, DOCS.ports],
        }),
        nslookup('api.amp.sourcefire.com', {
          en: 'Resolve the AMP API; the TAC note suggests this look-up from the FMC too.',
          fr: 'Résoudre l’API AMP ; la note TAC suggère aussi cette résolution depuis le FMC.',
          source: SEED,
        }),
        nslookup('panacea.threatgrid.com', {
          en: 'Resolve a Threat Grid name the TAC note lists.',
          fr: 'Résoudre un nom Threat Grid cité par la note TAC.',
          source: SEED,
        }),
      ],
    },
    {
      text: { en: 'Test basic reachability.', fr: 'Testez l’accessibilité de base.', source: SEED },
      commands: [
        {
          command: `telnet ${SSE} 443`,
          shell: 'expert',
          purpose: {
            en: 'Open a TCP connection to SSE on port 443, as the TAC note does.',
            fr: 'Ouvrir une connexion TCP vers SSE sur le port 443, comme le fait la note TAC.',
            source: SEED,
          },
          lookFor: {
            en: 'telnet prints "Connected to api-sse.cisco.com" once the connection opens (leave with Ctrl+] then quit). Inferred: a timeout or a refusal means something on the path blocks the port.',
            fr: 'telnet affiche « Connected to api-sse.cisco.com » une fois la connexion ouverte (sortez avec Ctrl+] puis quit). Déduit : un délai dépassé ou un refus signifie que quelque chose bloque le port sur le chemin.',
            source: [SEED, INFERRED],
          },
        },
        {
          command: `telnet ${SSE} 8989`,
          shell: 'expert',
          purpose: {
            en: 'Test port 8989, which the TAC note says the cloud services need outbound.',
            fr: 'Tester le port 8989, que les services cloud doivent pouvoir joindre en sortie selon la note TAC.',
            source: SEED,
          },
        },
        {
          command: 'telnet cloud-sa.amp.cisco.com 443',
          shell: 'expert',
          purpose: {
            en: 'Test the malware cloud (AMP) on port 443, as the TAC note does.',
            fr: 'Tester le cloud malware (AMP) sur le port 443, comme le fait la note TAC.',
            source: SEED,
          },
        },
        {
          command: `ping ${SSE}`,
          shell: 'expert',
          purpose: {
            en: 'Check that the name resolves, as the TAC note does with ping.',
            fr: 'Vérifier que le nom se résout, comme le fait la note TAC avec ping.',
            source: SEED,
          },
          lookFor: {
            en: 'The first line shows the resolved address, which proves DNS works. Inferred: missing replies alone prove little, as ICMP is often filtered.',
            fr: 'La première ligne affiche l’adresse résolue, ce qui prouve que le DNS fonctionne. Déduit : l’absence de réponse ne prouve pas grand-chose à elle seule, l’ICMP étant souvent filtré.',
            source: [SEED, INFERRED],
          },
        },
      ],
    },
    {
      text: {
        en: 'The TAC note also checks the malware cloud over HTTPS; its output starts like the one for SSE.',
        fr: 'La note TAC vérifie aussi le cloud malware en HTTPS ; sa sortie commence comme celle de SSE.',
        source: SEED,
      },
      commands: [
        {
          command: 'curl -v -k https://cloud-sa.amp.cisco.com',
          shell: 'expert',
          purpose: {
            en: 'Open an HTTPS connection to the malware cloud (AMP).',
            fr: 'Ouvrir une connexion HTTPS vers le cloud malware (AMP).',
            source: SEED,
          },
          lookFor: {
            en: 'As in the TAC note: "Connected to cloud-sa.amp.cisco.com … port 443", then the TLS handshake begins.',
            fr: 'Comme dans la note TAC : « Connected to cloud-sa.amp.cisco.com … port 443 », puis la négociation TLS commence.',
            source: SEED,
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
      source: DOCS.sseCtr,
    },
    {
      en: 'The TAC note says Firepower cloud services need an outbound connection on port 8989/tcp, while Cisco’s integration guide asks for outbound 443 to the hosts of your region (see the regions below). Inferred: allow 443 in any case; if the connector still fails, check 8989 as the TAC note says.',
      fr: 'La note TAC indique que les services cloud Firepower ont besoin d’une connexion sortante sur le port 8989/tcp, alors que le guide d’intégration de Cisco demande le port 443 en sortie vers les hôtes de votre région (voir les régions plus bas). Déduit : ouvrez le 443 dans tous les cas ; si le connecteur échoue encore, vérifiez le 8989 comme le demande la note TAC.',
      source: [SEED, DOCS.xdrDirect, INFERRED],
    },
    {
      en: 'Every expert-mode prompt in the TAC note is a root shell (root@…#). Inferred: run these commands as root too; as the admin user, lsof lists only your own processes’ sockets and prints nothing even on a healthy device.',
      fr: 'Toutes les invites du mode expert de la note TAC sont des shells root (root@…#). Déduit : lancez vous aussi ces commandes en tant que root ; avec l’utilisateur admin, lsof ne liste que les sockets de vos propres processus et n’affiche rien, même sur un équipement sain.',
      source: [SEED, INFERRED],
    },
  ],
  steps: [
    {
      text: {
        en: 'In expert mode, become root, as in the TAC note’s prompts (root@…#).',
        fr: 'En mode expert, passez root, comme dans les invites de la note TAC (root@…#).',
        source: SEED,
      },
      commands: [
        {
          command: 'sudo su -',
          shell: 'expert',
          purpose: {
            en: 'Inferred way to get the TAC note’s root shell: open a root shell (it asks for your password again).',
            fr: 'Moyen déduit d’obtenir le shell root de la note TAC : ouvrir un shell root (le mot de passe est redemandé).',
            source: INFERRED,
          },
          lookFor: {
            en: 'The prompt now ends with # and starts with root@, as in the TAC note.',
            fr: 'L’invite se termine désormais par # et commence par root@, comme dans la note TAC.',
            source: SEED,
          },
        },
      ],
    },
    {
      text: {
        en: 'Check the connector’s settings.',
        fr: 'Vérifiez les paramètres du connecteur.',
        source: SEED,
      },
      commands: [
        {
          command: 'cat /ngfw/etc/sf/connector.properties',
          shell: 'expert',
          purpose: {
            en: 'Show the port and host name the connector uses.',
            fr: 'Afficher le port et le nom d’hôte qu’utilise le connecteur.',
            source: SEED,
          },
          healthyOutput: CONNECTOR_HEALTHY,
          lookFor: {
            en: 'connector_port=8989 and connector_fqdn=api-sse.cisco.com, as in the TAC note.',
            fr: 'connector_port=8989 et connector_fqdn=api-sse.cisco.com, comme dans la note TAC.',
            source: SEED,
          },
        },
      ],
    },
    {
      text: {
        en: 'Check the connector’s connection, as root.',
        fr: 'Vérifiez la connexion du connecteur, en tant que root.',
        source: SEED,
      },
      commands: [
        {
          command: 'lsof -i | grep conn',
          shell: 'expert',
          purpose: {
            en: 'List the connector’s network connections (as root, as in the TAC note).',
            fr: 'Lister les connexions réseau du connecteur (en tant que root, comme dans la note TAC).',
            source: SEED,
          },
          lookFor: {
            en: 'As root, the TAC note expects a connection to port 8989/tcp in the ESTABLISHED state; an ESTABLISHED connection to port 443 also shows a connection to the cloud (Cisco’s integration guide lists 443). Inferred: nothing at all as root, or a connection stuck in SYN_SENT, suggests the connector is not reaching the cloud right now; run as admin, the command prints nothing even on a healthy device.',
            fr: 'En tant que root, la note TAC attend une connexion vers le port 8989/tcp à l’état ESTABLISHED ; une connexion ESTABLISHED vers le port 443 montre aussi une connexion au cloud (le guide d’intégration de Cisco cite le 443). Déduit : rien du tout en tant que root, ou une connexion bloquée en SYN_SENT, laisse penser que le connecteur n’atteint pas le cloud en ce moment ; lancée avec admin, la commande n’affiche rien, même sur un équipement sain.',
            source: [SEED, DOCS.xdrDirect, INFERRED],
          },
        },
      ],
    },
    {
      text: {
        en: 'Check that the connector runs.',
        fr: 'Vérifiez que le connecteur s’exécute.',
        source: DOCS.sseCtr,
      },
      commands: [
        {
          command: 'pmtool status | grep SSE',
          shell: 'expert',
          purpose: {
            en: 'Show the state of the SSEConnector process (as root, or with sudo before pmtool).',
            fr: 'Afficher l’état du processus SSEConnector (en tant que root, ou avec sudo devant pmtool).',
            source: DOCS.sseCtr,
          },
          lookFor: {
            en: 'A line for SSEConnector that reports it running. If it is missing, check that cloud integration is switched on in the FMC.',
            fr: 'Une ligne SSEConnector qui le montre en cours d’exécution. Si elle manque, vérifiez que l’intégration cloud est activée dans le FMC.',
            source: DOCS.sseCtr,
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
    en: 'The FMC and the devices reach the Internet through an HTTP proxy, a case the TAC note’s bug list covers.',
    fr: 'Le FMC et les équipements sortent sur Internet par un proxy HTTP, un cas que couvre la liste de bugs de la note TAC.',
    source: SEED,
  },
  paragraphs: [
    {
      en: 'Cisco bug CSCvs05084, "FTD Cisco Cloud Configuration failure due to proxy", may apply: only its title is known here, so compare its affected and fixed releases with yours in Cisco’s bug search.',
      fr: 'Le bug Cisco CSCvs05084, « FTD Cisco Cloud Configuration failure due to proxy », peut s’appliquer : seul son titre est connu ici, comparez donc ses versions concernées et corrigées avec les vôtres dans la recherche de bugs de Cisco.',
      source: SEED,
    },
    {
      en: 'Inferred: Cisco documents that the FMC’s own proxy settings do not support NTLM authentication; whether the device’s management proxy has the same limit is not documented. If your proxy demands NTLM, exempt the Cisco cloud hosts from authentication.',
      fr: 'Déduit : Cisco indique que les paramètres de proxy du FMC lui-même ne prennent pas en charge l’authentification NTLM ; rien ne dit si le proxy de gestion de l’équipement a la même limite. Si votre proxy exige NTLM, dispensez d’authentification les hôtes du cloud Cisco.',
      source: INFERRED,
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
    en: 'show network shows "Gateway : data-interfaces" (a case we infer from Cisco’s cdFMC notes on management routes).',
    fr: 'show network affiche « Gateway : data-interfaces » (un cas déduit des notes de Cisco sur les routes de gestion du cdFMC).',
    source: INFERRED,
  },
  paragraphs: [
    {
      en: 'Inferred from Cisco’s cdFMC notes: the management interface only has static routes. With this gateway, the device’s own traffic, SSE included, leaves through the data interfaces, so their routing table and access rules decide whether it reaches the Internet.',
      fr: 'Déduit des notes de Cisco sur le cdFMC : l’interface de gestion n’a que des routes statiques. Avec cette passerelle, le trafic propre de l’équipement, SSE compris, sort par les interfaces de données : leur table de routage et leurs règles d’accès décident s’il atteint Internet.',
      source: INFERRED,
    },
  ],
  steps: [
    {
      text: {
        en: 'Read the management routes (the inferred check above).',
        fr: 'Lisez les routes de gestion (la vérification déduite ci-dessus).',
        source: INFERRED,
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          purpose: {
            en: 'Show the default gateway of the management interface (inferred from Cisco’s published outputs).',
            fr: 'Afficher la passerelle par défaut de l’interface de gestion (déduit des sorties publiées par Cisco).',
            source: INFERRED,
          },
          lookFor: {
            en: 'The Gateway of the IPv4 default route. Inferred: "data-interfaces" means the data-plane routes and rules apply to this traffic.',
            fr: 'Le champ Gateway de la route IPv4 par défaut. Déduit : « data-interfaces » signifie que les routes et règles du plan de données s’appliquent à ce trafic.',
            source: INFERRED,
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
    en: 'Inferred cause, not named by the TAC note: a TLS decryption policy, on this device or on an upstream proxy or firewall, may inspect the traffic to the Cisco cloud.',
    fr: 'Cause déduite, que la note TAC ne cite pas : une politique de déchiffrement TLS, sur cet équipement ou sur un proxy ou pare-feu en amont, inspecte peut-être le trafic vers le cloud Cisco.',
    source: INFERRED,
  },
  paragraphs: [
    {
      en: 'Inferred: decrypting this traffic is a likely cause, as the connector expects Cisco’s own certificate and may reject a re-signed one. Exempt the Cisco cloud hosts from decryption by host name rather than by IP address, since the addresses behind these names change.',
      fr: 'Déduit : le déchiffrement de ce trafic est une cause probable, le connecteur attendant le certificat de Cisco et pouvant refuser un certificat re-signé. Exemptez les hôtes du cloud Cisco du déchiffrement par nom d’hôte plutôt que par adresse IP, car les adresses derrière ces noms changent.',
      source: INFERRED,
    },
  ],
  steps: [
    {
      text: {
        en: 'Inferred check: see who issued the certificate the device receives.',
        fr: 'Vérification déduite : regardez qui a émis le certificat que reçoit l’équipement.',
        source: INFERRED,
      },
      commands: [
        {
          ...CURL_SSE,
          lookFor: {
            en: 'The "issuer" line: in the TAC note’s expected output it names a public authority (HydrantID). The line after it, "SSL certificate verify result: self signed certificate in certificate chain (19), continuing anyway", is in that expected output too: it is normal and does not mean decryption. Inferred: an issuer that is your own certificate authority means something on the path decrypts the traffic.',
            fr: 'La ligne « issuer » : dans la sortie attendue de la note TAC, elle nomme une autorité publique (HydrantID). La ligne suivante, « SSL certificate verify result: self signed certificate in certificate chain (19), continuing anyway », figure aussi dans cette sortie attendue : elle est normale et ne signale pas de déchiffrement. Déduit : un émetteur qui est votre propre autorité de certification signifie que quelque chose déchiffre le trafic sur le chemin.',
            source: [SEED, INFERRED],
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
        en: 'Inferred: in the FMC Health Monitor, select the device and run the Threat Data Updates on Devices module again rather than wait for its next scheduled run.',
        fr: 'Déduit : dans le Health Monitor du FMC, sélectionnez l’équipement et relancez le module Threat Data Updates on Devices plutôt que d’attendre sa prochaine exécution planifiée.',
        source: INFERRED,
      },
    },
    {
      text: {
        en: 'The TAC note says the alert clears after a short delay. Inferred: it usually clears at the module’s next run; re-check after that run, and if the alert is still there, go back to the options above.',
        fr: 'La note TAC indique que l’alerte disparaît après un court délai. Déduit : elle disparaît en général à la prochaine exécution du module ; vérifiez de nouveau après cette exécution et, si l’alerte persiste, reprenez les options ci-dessus.',
        source: [SEED, INFERRED],
      },
    },
  ],
};

const regions: Section = {
  id: 'regions',
  title: { en: 'SSE regions and hosts', fr: 'Régions et hôtes SSE' },
  paragraphs: [
    {
      en: 'Cisco’s integration guide asks for outbound TCP 443 from the FMC and the devices to the hosts of their region. Names with * are patterns, as Cisco writes them, for several numbered hosts.',
      fr: 'Le guide d’intégration de Cisco demande le TCP 443 sortant du FMC et des équipements vers les hôtes de leur région. Les noms contenant * sont des modèles, écrits ainsi par Cisco, pour plusieurs hôtes numérotés.',
      source: DOCS.xdrDirect,
    },
    {
      en: 'The US cloud needs FTD 6.4 or later; the other regions need 6.5 or later. Events go to the regional cloud of your account.',
      fr: 'Le cloud US demande un FTD 6.4 ou ultérieur ; les autres régions, 6.5 ou ultérieur. Les événements partent vers le cloud régional de votre compte.',
      source: DOCS.xdrDirect,
    },
    {
      en: 'Inferred: the India host names follow Cisco’s naming pattern but no Cisco document we could read confirms them; check them against Cisco’s current guide.',
      fr: 'Déduit : les noms d’hôtes de l’Inde suivent le schéma de nommage de Cisco, mais aucun document Cisco consulté ne les confirme ; vérifiez-les dans le guide Cisco à jour.',
      source: INFERRED,
    },
    {
      en: 'Do not confuse SSE with Cisco Secure Access, a different product whose API lives at api.sse.cisco.com.',
      fr: 'Ne confondez pas SSE avec Cisco Secure Access, un autre produit, dont l’API se trouve à l’adresse api.sse.cisco.com.',
      source: DOCS.secureAccess,
    },
    {
      en: 'Cisco’s integration guide says devices send their events to Security Services Exchange, from where they reach Cisco XDR, SecureX’s successor: this alert still matters on the releases that guide covers.',
      fr: 'Le guide d’intégration de Cisco indique que les équipements envoient leurs événements à Security Services Exchange, d’où ils parviennent à Cisco XDR, successeur de SecureX : cette alerte garde tout son sens dans les versions que couvre ce guide.',
      source: DOCS.xdrDirect,
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
      source: SEED,
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
    source: SEED,
  },
  meaning: [
    {
      en: 'The managed device (an FTD, or the SFR module of an ASA) cannot reach Security Services Exchange (SSE) at api-sse.cisco.com. Devices must reach SSE to work with SecureX, now Cisco XDR, and with other Cisco cloud services.',
      fr: 'L’équipement géré (un FTD, ou le module SFR d’un ASA) n’arrive pas à joindre Security Services Exchange (SSE) à l’adresse api-sse.cisco.com. Les équipements doivent joindre SSE pour fonctionner avec SecureX, devenu Cisco XDR, et avec les autres services cloud de Cisco.',
      source: [SEED, DOCS.xdrDirect],
    },
    {
      en: 'The check belongs to Rapid Threat Containment, which newer releases turn on by default. It applies to the FMC and to FTD or SFR devices from 6.4.0 on.',
      fr: 'Ce contrôle fait partie de Rapid Threat Containment, activé par défaut dans les versions récentes. Il concerne le FMC et les équipements FTD ou SFR à partir de la version 6.4.0.',
      source: SEED,
    },
    {
      en: 'The message is generic, as Cisco enhancement bug CSCvr46845 acknowledges: most of the time the device has no working path to api-sse.cisco.com, but other connectivity problems raise the same alert.',
      fr: 'Le message est générique, ce que reconnaît le bug d’amélioration Cisco CSCvr46845 : le plus souvent, l’équipement n’a pas de chemin fonctionnel vers api-sse.cisco.com, mais d’autres problèmes de connectivité déclenchent la même alerte.',
      source: SEED,
    },
    {
      en: 'Start by telling which case applies: without any Cisco cloud integration the alert is expected (scenario 1); with one, troubleshoot connectivity (scenario 2).',
      fr: 'Commencez par déterminer votre cas : sans intégration cloud Cisco, l’alerte est attendue (scénario 1) ; avec, il faut diagnostiquer la connectivité (scénario 2).',
      source: SEED,
    },
  ],
  triage: {
    question: {
      en: 'Is cloud integration on (SecureX, or the Cisco Security Cloud integration on FMC 7.2 and later)?',
      fr: 'L’intégration cloud est-elle activée (SecureX, ou l’intégration Cisco Security Cloud à partir du FMC 7.2) ?',
      source: [SEED, DOCS.securityCloud],
    },
    no: {
      en: 'No → scenario 1: the alert is expected; switch the module off in the health policy.',
      fr: 'Non → scénario 1 : l’alerte est attendue ; désactivez le module dans la politique d’intégrité.',
      source: SEED,
    },
    yes: {
      en: 'Yes → run show network on the device’s CLI.',
      fr: 'Oui → lancez show network dans la CLI de l’équipement.',
      source: SEED,
    },
    command: SHOW_NETWORK_DNS,
  },
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
        source: SEED,
      },
      paragraphs: [
        {
          en: 'Nothing is broken: the TAC note’s fix is to switch the alert off rather than hunt for a network problem.',
          fr: 'Rien n’est cassé : la note TAC propose de désactiver l’alerte plutôt que de chercher un problème de réseau.',
          source: SEED,
        },
        {
          en: 'If the integration was meant to be on: on FMC 7.2 and later, Cisco integrates the FMC with the Cisco Security Cloud from the FMC’s Cisco Security Cloud integration page; inferred for earlier releases: SecureX or the cloud event settings of the Integration menu.',
          fr: 'Si l’intégration devait être activée : à partir du FMC 7.2, Cisco intègre le FMC au Cisco Security Cloud depuis la page d’intégration Cisco Security Cloud du FMC ; déduit pour les versions antérieures : SecureX ou les paramètres d’envoi des événements au cloud du menu Integration.',
          source: [DOCS.securityCloud, INFERRED],
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
        source: SEED,
      },
      paragraphs: [
        {
          en: 'Work through the options in order: DNS is the first thing the TAC note checks.',
          fr: 'Suivez les options dans l’ordre : le DNS est la première chose que vérifie la note TAC.',
          source: SEED,
        },
        {
          en: 'CLI commands run at the device’s > prompt; the others run in expert mode (type expert at that prompt), and every expert prompt in the TAC note is a root shell (root@…#). Inferred: after expert, type sudo su - to become root, as the connector checks below show nothing to the admin user.',
          fr: 'Les commandes CLI se tapent à l’invite > de l’équipement, les autres en mode expert (tapez expert à cette invite), et toutes les invites du mode expert de la note TAC sont des shells root (root@…#). Déduit : après expert, tapez sudo su - pour passer root, les vérifications du connecteur ci-dessous n’affichant rien à l’utilisateur admin.',
          source: [SEED, INFERRED],
        },
        {
          en: 'Inferred: on an ASA with an SFR module, open the module’s CLI with session sfr first.',
          fr: 'Déduit : sur un ASA doté d’un module SFR, ouvrez d’abord la CLI du module avec session sfr.',
          source: INFERRED,
        },
      ],
      sections: [option1, option2, connector, proxy, routing, tlsInspection, afterTheFix],
    },
    regions,
    knownBugs,
  ],
  links: [TAC_NOTE, SSE_CTR_DOC],
};
