// The runbooks' steps as data (texts, commands, conditions per verdict); ./runbook.ts fills them for a device.
import type { Localized } from '../i18n';
import { DOCS, INFERRED, SEED, type Sourced } from '../knowledge/sources';
import type { Verdict } from './types';

/**
 * The runbooks, as data: one list of steps per verdict, filled with the device's own values by runbook.ts.
 * `{name}` placeholders in texts and commands name a value of RunbookVars; one nobody could supply is printed as
 * `<name>`, so the admin sees what to type. A step or command with `when` only appears when that condition
 * holds; a command with `each: 'dns'` repeats for every DNS server of the device (`{dns}`).
 * Every text carries its source (issue 18, lib/knowledge/sources.ts): TAC note 217616 (commands, healthy
 * outputs, the root prompts, CSCvs05084), a Cisco document (the regional hosts on 443, the Security Cloud page,
 * the health policy menu), or our inference, which the text then words as such.
 */

export type Condition =
  /** The region host is the US one, the only one whose DNS alias Cisco documents. */
  | 'us'
  | 'not-us'
  | 'peer-dns'
  | 'no-peer-dns'
  /** Healthy peers use a DNS set the device does not. */
  | 'peer-dns-differs'
  | 'data-interfaces'
  /** show network was read but no proxy section was seen in it. */
  | 'proxy-unseen'
  | 'other-hosts'
  | 'no-other-hosts';

export interface CommandTemplate {
  command: string;
  shell: 'cli' | 'expert';
  expect?: Sourced;
  when?: Condition;
  each?: 'dns';
}

export interface StepTemplate {
  id: string;
  text: Sourced;
  when?: Condition;
  commands?: readonly CommandTemplate[];
}

const NSLOOKUP_US: Sourced = {
  en: 'Healthy, as in the TAC note: a canonical name (CNAME) {cname} followed by one or more addresses. An error (timed out, SERVFAIL, NXDOMAIN) or no address confirms a DNS problem with this server.',
  fr: 'Sain, comme dans la note TAC : un nom canonique (CNAME) {cname} suivi d’une ou plusieurs adresses. Une erreur (timed out, SERVFAIL, NXDOMAIN) ou l’absence d’adresse confirme un problème DNS avec ce serveur.',
  source: SEED,
};

const NSLOOKUP_OTHER: Sourced = {
  en: 'Healthy: one or more addresses. The TAC note shows an akadns.net alias for the US host only. Inferred: for {host} an alias may or may not appear; an error (timed out, SERVFAIL, NXDOMAIN) or no address confirms a DNS problem with this server.',
  fr: 'Sain : une ou plusieurs adresses. La note TAC ne montre l’alias akadns.net que pour l’hôte américain. Déduit : pour {host}, un alias peut apparaître ou non ; une erreur (timed out, SERVFAIL, NXDOMAIN) ou l’absence d’adresse confirme un problème DNS avec ce serveur.',
  source: [SEED, INFERRED],
};

const CURL_EXPECT: Sourced = {
  en: 'Healthy, as in the TAC note: a TLS handshake, then "HTTP/1.1 403 Forbidden"; the 403 is normal, it proves SSE answered, and so is the line "self signed certificate in certificate chain (19), continuing anyway". "Couldn\'t resolve host" (curl exit code 6) means resolution failed. Inferred: a timeout or a reset after "Trying" points at a firewall, a route or a proxy on the path.',
  fr: "Sain, comme dans la note TAC : une négociation TLS, puis « HTTP/1.1 403 Forbidden » ; ce 403 est normal, il prouve que SSE a répondu, tout comme la ligne « self signed certificate in certificate chain (19), continuing anyway ». « Couldn't resolve host » (code de sortie 6 de curl) signifie que la résolution a échoué. Déduit : un délai dépassé ou une réinitialisation après « Trying » oriente vers un pare-feu, une route ou un proxy sur le chemin.",
  source: [SEED, INFERRED],
};

const SHOW_NETWORK_READ: CommandTemplate = {
  command: 'show network',
  shell: 'cli',
  expect: {
    en: 'A "DNS Servers" line with at least one address (the TAC note’s option 1). Inferred from Cisco’s published outputs: the Proxy Information "State", and the "Gateway" of the IPv4 default route.',
    fr: 'Une ligne « DNS Servers » avec au moins une adresse (l’option 1 de la note TAC). Déduit des sorties publiées par Cisco : le champ « State » de Proxy Information et le « Gateway » de la route IPv4 par défaut.',
    source: [SEED, INFERRED],
  },
};

// Every expert prompt in the seed is a root shell (`root@fp:/home/admin#`); as `admin`, `lsof -i` lists only
// the caller's own sockets and prints nothing even on a healthy device (issue 18, fix 1).
const EXPERT: StepTemplate = {
  id: 'expert',
  text: {
    en: 'Enter expert mode, then become root for the next commands: every expert prompt in the TAC note is a root shell (root@…#). Inferred: sudo su - opens it (it asks for your password); as admin, lsof would list only your own sockets.',
    fr: 'Passez en mode expert, puis devenez root pour les commandes suivantes : toutes les invites du mode expert de la note TAC sont des shells root (root@…#). Déduit : sudo su - l’ouvre (le mot de passe est redemandé) ; avec admin, lsof ne listerait que vos propres sockets.',
    source: [SEED, INFERRED],
  },
  commands: [
    { command: 'expert', shell: 'cli' },
    {
      command: 'sudo su -',
      shell: 'expert',
      expect: {
        en: 'The prompt ends with # and starts with root@, as in the TAC note.',
        fr: 'L’invite se termine par # et commence par root@, comme dans la note TAC.',
        source: SEED,
      },
    },
  ],
};

const RESOLVE_COMMANDS = (server: string, each?: 'dns'): CommandTemplate[] => [
  {
    command: `nslookup {host}${server}`,
    shell: 'expert',
    expect: NSLOOKUP_US,
    when: 'us',
    ...(each && { each }),
  },
  {
    command: `nslookup {host}${server}`,
    shell: 'expert',
    expect: NSLOOKUP_OTHER,
    when: 'not-us',
    ...(each && { each }),
  },
];

const CURL: StepTemplate = {
  id: 'https',
  text: {
    en: 'Open an HTTPS connection to SSE ({host}) without checking its certificate, as the TAC note does.',
    fr: 'Ouvrez une connexion HTTPS vers SSE ({host}) sans vérifier son certificat, comme le fait la note TAC.',
    source: SEED,
  },
  commands: [{ command: 'curl -v -k https://{host}', shell: 'expert', expect: CURL_EXPECT }],
};

const TELNET: StepTemplate = {
  id: 'tcp',
  text: {
    en: 'Test basic reachability, as the TAC note does.',
    fr: 'Testez l’accessibilité de base, comme le fait la note TAC.',
    source: SEED,
  },
  commands: [
    {
      command: 'telnet {host} 443',
      shell: 'expert',
      expect: {
        en: 'Healthy: telnet prints "Connected to {host}" (leave with Ctrl+] then quit). Inferred: a timeout or a refusal means something on the path blocks port 443.',
        fr: 'Sain : telnet affiche « Connected to {host} » (sortez avec Ctrl+] puis quit). Déduit : un délai dépassé ou un refus signifie que quelque chose bloque le port 443 sur le chemin.',
        source: [SEED, INFERRED],
      },
    },
    {
      command: 'telnet {host} 8989',
      shell: 'expert',
      expect: {
        en: 'The TAC note says the cloud services need 8989/tcp outbound, while Cisco’s integration guide asks for 443 to the regional hosts. Inferred: a failure here alone proves little.',
        fr: 'La note TAC indique que les services cloud ont besoin du port 8989/tcp en sortie, alors que le guide d’intégration de Cisco demande le 443 vers les hôtes régionaux. Déduit : un échec ici ne prouve pas grand-chose à lui seul.',
        source: [SEED, DOCS.xdrDirect, INFERRED],
      },
    },
  ],
};

const ROUTING: StepTemplate = {
  id: 'routing',
  when: 'data-interfaces',
  text: {
    en: 'Inferred from Cisco’s cdFMC notes on management routes: the management gateway is "data-interfaces", so the device’s own traffic, SSE included, leaves through the data interfaces, whose routes and access rules decide whether it reaches {host}. Back at the CLI (leave the root shell and expert mode with exit, twice), check that a data-plane route and the access rules let it out on TCP 443.',
    fr: 'Déduit des notes de Cisco sur les routes de gestion du cdFMC : la passerelle de gestion est « data-interfaces », le trafic propre de l’équipement, SSE compris, sort donc par les interfaces de données, dont les routes et les règles d’accès décident s’il atteint {host}. De retour dans la CLI (quittez le shell root et le mode expert avec exit, deux fois), vérifiez qu’une route du plan de données et les règles d’accès le laissent sortir en TCP 443.',
    source: INFERRED,
  },
  commands: [
    {
      command: 'show route',
      shell: 'cli',
      expect: {
        en: 'Inferred: a route (a default route at least) towards the Internet through a data interface.',
        fr: 'Déduit : une route (au moins une route par défaut) vers Internet par une interface de données.',
        source: INFERRED,
      },
    },
  ],
};

// The seed says only that the delay is short ("le délai est court"); nothing documents 30 minutes (issue 18).
const RERUN: StepTemplate = {
  id: 'rerun',
  text: {
    en: 'Once fixed, the TAC note says the alert clears after a short delay. Inferred: it usually clears at the next run of the Threat Data Updates module; run it again from the Health Monitor, or wait for its next run, then re-check.',
    fr: 'Une fois la cause corrigée, la note TAC indique que l’alerte disparaît après un court délai. Déduit : elle disparaît en général à la prochaine exécution du module Threat Data Updates ; relancez-le depuis le Health Monitor, ou attendez sa prochaine exécution, puis vérifiez de nouveau.',
    source: [SEED, INFERRED],
  },
};

const MANAGEMENT_DNS_NOTE: Localized = {
  en: 'Inferred from Cisco’s cdFMC DNS notes: this is the management DNS; the DNS of the FMC’s Platform Settings only serves the data plane and does not fix this alert.',
  fr: 'Déduit des notes de Cisco sur le DNS du cdFMC : il s’agit du DNS de gestion ; le DNS des Platform Settings du FMC ne sert qu’au plan de données et ne corrige pas cette alerte.',
};

const ADD_PEER_DNS: StepTemplate = {
  id: 'add-dns-from-peers',
  when: 'peer-dns',
  text: {
    en: `Add, with the TAC note’s command, the DNS servers your healthy devices use ({peerDnsList}, on {peerCount} {peerCount|healthy device|healthy devices} read). ${MANAGEMENT_DNS_NOTE.en}`,
    fr: `Ajoutez, avec la commande de la note TAC, les serveurs DNS qu’utilisent vos équipements sains ({peerDnsList}, sur {peerCount} {peerCount|équipement sain lu|équipements sains lus}). ${MANAGEMENT_DNS_NOTE.fr}`,
    source: [SEED, INFERRED],
  },
  commands: [{ command: 'configure network dns servers {peerDnsCsv}', shell: 'cli' }],
};

const ADD_OWN_DNS: StepTemplate = {
  id: 'add-dns',
  when: 'no-peer-dns',
  text: {
    en: `No healthy device’s DNS servers were read, so there is nothing to propose: add your site’s DNS servers, separated by commas, with the TAC note’s command. ${MANAGEMENT_DNS_NOTE.en}`,
    fr: `Les serveurs DNS d’aucun équipement sain n’ont été lus, il n’y a donc rien à proposer : ajoutez les serveurs DNS de votre site, séparés par des virgules, avec la commande de la note TAC. ${MANAGEMENT_DNS_NOTE.fr}`,
    source: [SEED, INFERRED],
  },
  commands: [{ command: 'configure network dns servers <dns_ip>[,<dns_ip>]', shell: 'cli' }],
};

// Only the bug's title is public (the seed lists it): "may apply", never "covers this case" (issue 18).
const BUG_PROXY: Sourced = {
  en: 'Cisco bug CSCvs05084, "FTD Cisco Cloud Configuration failure due to proxy", which the TAC note lists, may apply: only its title is known here, so compare its affected and fixed releases with this device’s version ({version}): {bugUrl}',
  fr: 'Le bug Cisco CSCvs05084, « FTD Cisco Cloud Configuration failure due to proxy », que cite la note TAC, peut s’appliquer : seul son titre est connu ici, comparez donc ses versions concernées et corrigées avec celle de l’équipement ({version}) : {bugUrl}',
  source: SEED,
};

const CURL_THROUGH_PROXY: CommandTemplate = {
  command: 'curl -v -k -x http://{proxyUrlHost}:{proxyPort} https://{host}',
  shell: 'expert',
  expect: {
    en: 'Inferred: healthy, the proxy accepts the CONNECT ("200 Connection established"), then come a TLS handshake and "HTTP/1.1 403 Forbidden" from SSE, the TAC note’s healthy answer. "407 Proxy Authentication Required" means the proxy wants credentials; a 403 or a reset from the proxy means it refuses {host}.',
    fr: 'Déduit : sain, le proxy accepte le CONNECT (« 200 Connection established »), puis viennent une négociation TLS et « HTTP/1.1 403 Forbidden » de SSE, la réponse saine de la note TAC. « 407 Proxy Authentication Required » signifie que le proxy exige une authentification ; un 403 ou une réinitialisation venant du proxy signifie qu’il refuse {host}.',
    source: [SEED, INFERRED],
  },
};

export const RUNBOOKS: Readonly<Record<Verdict, readonly StepTemplate[]>> = {
  healthy: [],

  'expected-integration-off': [
    {
      id: 'why',
      text: {
        en: 'Inferred from the FMC’s settings: cloud integration looks switched off on this FMC, so the device is not expected to reach SSE and this failure is expected (scenario 1 of TAC note 217616). Pick the step that matches your intent.',
        fr: 'Déduit des paramètres du FMC : l’intégration cloud semble désactivée sur ce FMC, l’équipement n’a donc pas à joindre SSE et cet échec est attendu (scénario 1 de la note TAC 217616). Choisissez l’étape qui correspond à votre intention.',
        source: [SEED, INFERRED],
      },
    },
    {
      id: 'silence',
      text: {
        en: 'If cloud integration is meant to stay off, switch the check off in the health policy: System > Health > Policy on 6.x (the TAC note), Troubleshooting > Health > Policy on current releases (Cisco’s Network as Code data model). Edit the policy applied to this device, select Threat Data Updates on Devices, set Enabled to Off and click Save Policy and Exit (the TAC note’s 6.x editor). Inferred: newer editors may word these controls differently, and the policy must be re-applied to the devices.',
        fr: 'Si l’intégration cloud doit rester désactivée, coupez la vérification dans la politique d’intégrité : System > Health > Policy en 6.x (la note TAC), Troubleshooting > Health > Policy dans les versions actuelles (le modèle de données Network as Code de Cisco). Modifiez la politique appliquée à l’équipement, sélectionnez Threat Data Updates on Devices, passez Enabled sur Off et cliquez sur Save Policy and Exit (l’éditeur 6.x de la note TAC). Déduit : les éditeurs plus récents peuvent nommer ces commandes autrement, et la politique doit être réappliquée aux équipements.',
        source: [SEED, DOCS.nacHealthPolicy, INFERRED],
      },
    },
    {
      id: 'silence-one-device',
      text: {
        en: 'Inferred: switching the module off silences every row of Threat Data Updates on Devices for every device of that policy. To silence it on this device only, exclude the module for it instead: System > Health > Exclude (named Blacklist before 7.0).',
        fr: 'Déduit : désactiver le module fait taire toutes les lignes de Threat Data Updates on Devices pour tous les équipements de cette politique. Pour ne l’ignorer que sur cet équipement, excluez plutôt le module pour lui : System > Health > Exclude (appelé Blacklist avant la version 7.0).',
        source: INFERRED,
      },
    },
    {
      id: 'enable-integration',
      text: {
        en: 'If cloud integration was meant to be on, switch it on in the FMC with the region {regionName}: on FMC 7.2 and later, Cisco integrates the FMC with the Cisco Security Cloud, from the FMC’s Cisco Security Cloud integration page; inferred for earlier releases: the SecureX or cloud event settings of the Integration pages. The device must then reach {host} on TCP 443, as Cisco’s integration guide says; if the alert stays, run FMC Cloud Doctor again for the connectivity checks.',
        fr: 'Si l’intégration cloud devait être activée, activez-la dans le FMC avec la région {regionName} : à partir du FMC 7.2, Cisco intègre le FMC au Cisco Security Cloud, depuis la page d’intégration Cisco Security Cloud du FMC ; déduit pour les versions antérieures : les paramètres SecureX ou d’envoi des événements au cloud des pages Integration. L’équipement doit alors joindre {host} en TCP 443, comme l’indique le guide d’intégration de Cisco ; si l’alerte persiste, relancez FMC Cloud Doctor pour obtenir les vérifications de connectivité.',
        source: [DOCS.securityCloud, DOCS.xdrDirect, INFERRED],
      },
    },
    RERUN,
  ],

  'dns-missing': [
    {
      id: 'confirm',
      // The symptom is worded as such, never as an expected output (issue 19): Expected is what a fixed device shows.
      text: {
        en: 'Confirm that the device has no management DNS server: FMC Cloud Doctor read no "DNS Servers" line in its show network, the failure of the TAC note’s option 1.',
        fr: 'Vérifiez que l’équipement n’a aucun serveur DNS de gestion : FMC Cloud Doctor n’a lu aucune ligne « DNS Servers » dans son show network, l’échec de l’option 1 de la note TAC.',
        source: SEED,
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'Once fixed, a "DNS Servers" line with at least one address. Still no such line is the failure; an address there already means the setting changed since FMC Cloud Doctor read it.',
            fr: 'Une fois corrigé, une ligne « DNS Servers » avec au moins une adresse. Toujours aucune ligne de ce type : c’est l’échec ; une adresse déjà présente signifie que le paramètre a changé depuis la lecture de FMC Cloud Doctor.',
            source: SEED,
          },
        },
      ],
    },
    ADD_PEER_DNS,
    ADD_OWN_DNS,
    {
      id: 'verify',
      text: {
        en: 'Check that the setting took effect.',
        fr: 'Vérifiez que le paramètre est pris en compte.',
        source: SEED,
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'A "DNS Servers" line listing the servers you added.',
            fr: 'Une ligne « DNS Servers » qui liste les serveurs ajoutés.',
            source: SEED,
          },
        },
      ],
    },
    EXPERT,
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName} through the new servers, as the TAC note does.',
        fr: 'Résolvez l’hôte SSE de la région {regionName} par les nouveaux serveurs, comme le fait la note TAC.',
        source: SEED,
      },
      commands: RESOLVE_COMMANDS(''),
    },
    CURL,
    ROUTING,
    RERUN,
  ],

  proxy: [
    {
      id: 'confirm',
      text: {
        en: 'Read the proxy the device uses for its management traffic ({proxy}): the TAC note lists a proxy bug for this alert.',
        fr: 'Relevez le proxy qu’utilise l’équipement pour son trafic de gestion ({proxy}) : la note TAC cite un bug lié au proxy pour cette alerte.',
        source: SEED,
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'Inferred from Cisco’s published outputs: under Proxy Information, "State : Enabled" and the proxy’s address and port.',
            fr: 'Déduit des sorties publiées par Cisco : sous Proxy Information, « State : Enabled » ainsi que l’adresse et le port du proxy.',
            source: INFERRED,
          },
        },
      ],
    },
    { id: 'bug', text: BUG_PROXY },
    EXPERT,
    {
      id: 'reach-proxy',
      text: {
        en: 'Inferred check: make sure the device reaches the proxy.',
        fr: 'Vérification déduite : assurez-vous que l’équipement joint le proxy.',
        source: INFERRED,
      },
      commands: [
        {
          command: 'telnet {proxyHost} {proxyPort}',
          shell: 'expert',
          expect: {
            en: 'Inferred: healthy is "Connected to {proxyHost}"; a timeout or a refusal means the proxy itself is out of reach.',
            fr: 'Déduit : sain, c’est « Connected to {proxyHost} » ; un délai dépassé ou un refus signifie que le proxy lui-même est injoignable.',
            source: INFERRED,
          },
        },
      ],
    },
    {
      id: 'through-proxy',
      text: {
        en: 'Inferred check: ask the proxy for SSE ({host}), as the connector would.',
        fr: 'Vérification déduite : demandez SSE ({host}) au proxy, comme le ferait le connecteur.',
        source: INFERRED,
      },
      commands: [CURL_THROUGH_PROXY],
    },
    {
      id: 'allow-hosts',
      when: 'other-hosts',
      text: {
        en: 'On the proxy, allow {host} and the other hosts of the region ({otherHosts}) on TCP 443, the hosts Cisco’s integration guide lists. Inferred: allow them by host name rather than by IP and exempt them from authentication; TLS decryption of this traffic is a likely cause too, although Cisco does not confirm it for this alert: exempt these hosts from it.',
        fr: 'Sur le proxy, autorisez {host} et les autres hôtes de la région ({otherHosts}) en TCP 443, les hôtes que cite le guide d’intégration de Cisco. Déduit : autorisez-les par nom d’hôte plutôt que par adresse IP et dispensez-les d’authentification ; le déchiffrement TLS de ce trafic est aussi une cause probable, bien que Cisco ne le confirme pas pour cette alerte : exemptez-en ces hôtes.',
        source: [DOCS.xdrDirect, INFERRED],
      },
    },
    {
      id: 'allow-hosts',
      when: 'no-other-hosts',
      text: {
        en: 'On the proxy, allow {host} on TCP 443, as Cisco’s integration guide asks. Inferred: allow it by host name rather than by IP and exempt it from authentication; TLS decryption of this traffic is a likely cause too, although Cisco does not confirm it for this alert: exempt the host from it.',
        fr: 'Sur le proxy, autorisez {host} en TCP 443, comme le demande le guide d’intégration de Cisco. Déduit : autorisez-le par nom d’hôte plutôt que par adresse IP et dispensez-le d’authentification ; le déchiffrement TLS de ce trafic est aussi une cause probable, bien que Cisco ne le confirme pas pour cette alerte : exemptez-en cet hôte.',
        source: [DOCS.xdrDirect, INFERRED],
      },
    },
    ROUTING,
    RERUN,
  ],

  connectivity: [
    {
      id: 'confirm',
      text: {
        en: 'Check the device’s management DNS and proxy settings.',
        fr: 'Vérifiez les paramètres DNS et proxy de gestion de l’équipement.',
        source: SEED,
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: '"DNS Servers" {dnsList}, as FMC Cloud Doctor read them (the TAC note’s option 1 check). Inferred from Cisco’s published outputs: no enabled proxy under Proxy Information.',
            fr: '« DNS Servers » {dnsList}, comme les a lus FMC Cloud Doctor (la vérification de l’option 1 de la note TAC). Déduit des sorties publiées par Cisco : aucun proxy activé sous Proxy Information.',
            source: [SEED, INFERRED],
          },
        },
      ],
    },
    {
      id: 'proxy-unseen',
      when: 'proxy-unseen',
      text: {
        en: 'The output read through the FMC shows no Proxy Information section, which older outputs may lack entirely. Inferred: look for it in the device’s own output; if its State is Enabled, Cisco bug CSCvs05084, which the TAC note lists, may apply ({bugUrl}).',
        fr: 'La sortie lue par le FMC ne montre aucune section Proxy Information, que les sorties anciennes peuvent ne pas avoir du tout. Déduit : cherchez-la dans la sortie de l’équipement lui-même ; si son champ State vaut Enabled, le bug Cisco CSCvs05084, que cite la note TAC, peut s’appliquer ({bugUrl}).',
        source: [SEED, INFERRED],
      },
    },
    EXPERT,
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName} through each of the device’s DNS servers ({dnsList}), as the TAC note does.',
        fr: 'Résolvez l’hôte SSE de la région {regionName} par chacun des serveurs DNS de l’équipement ({dnsList}), comme le fait la note TAC.',
        source: SEED,
      },
      commands: RESOLVE_COMMANDS(' {dns}', 'dns'),
    },
    {
      id: 'resolve-peer',
      when: 'peer-dns-differs',
      text: {
        en: 'Inferred comparison: try {peerDns1}, a server your healthy devices use ({peerDnsList}). If it answers and the device’s servers do not, the device’s resolvers are at fault; configure network dns servers {peerDnsCsv} would switch to them.',
        fr: 'Comparaison déduite : essayez {peerDns1}, un serveur qu’utilisent vos équipements sains ({peerDnsList}). S’il répond et pas ceux de l’équipement, les résolveurs de l’équipement sont en cause ; configure network dns servers {peerDnsCsv} permettrait de passer aux leurs.',
        source: INFERRED,
      },
      commands: RESOLVE_COMMANDS(' {peerDns1}'),
    },
    CURL,
    TELNET,
    {
      id: 'connector',
      text: {
        en: 'As root, check the SSE connector’s settings and connection, as the TAC note does.',
        fr: 'En tant que root, vérifiez les paramètres et la connexion du connecteur SSE, comme le fait la note TAC.',
        source: SEED,
      },
      commands: [
        {
          command: 'cat /ngfw/etc/sf/connector.properties',
          shell: 'expert',
          expect: {
            en: 'connector_port=8989 and a connector_fqdn line naming the SSE host (api-sse.cisco.com in the TAC note’s US example).',
            fr: 'connector_port=8989 et une ligne connector_fqdn qui nomme l’hôte SSE (api-sse.cisco.com dans l’exemple américain de la note TAC).',
            source: SEED,
          },
        },
        {
          command: 'lsof -i | grep conn',
          shell: 'expert',
          expect: {
            en: 'As root, the TAC note expects a connection to port 8989/tcp in the ESTABLISHED state; an ESTABLISHED connection to port 443 also shows a connection to the cloud (Cisco’s integration guide lists 443). Inferred: nothing at all as root, or a connection stuck in SYN_SENT, suggests the connector is not reaching the cloud right now; run as admin, the command prints nothing even on a healthy device.',
            fr: 'En tant que root, la note TAC attend une connexion vers le port 8989/tcp à l’état ESTABLISHED ; une connexion ESTABLISHED vers le port 443 montre aussi une connexion au cloud (le guide d’intégration de Cisco cite le 443). Déduit : rien du tout en tant que root, ou une connexion bloquée en SYN_SENT, laisse penser que le connecteur n’atteint pas le cloud en ce moment ; lancée avec admin, la commande n’affiche rien, même sur un équipement sain.',
            source: [SEED, DOCS.xdrDirect, INFERRED],
          },
        },
      ],
    },
    ROUTING,
    RERUN,
  ],

  unknown: [
    {
      id: 'why',
      text: {
        en: 'FMC Cloud Doctor could not read this device’s settings: {reason}. Run the TAC note’s checks below by hand.',
        fr: 'FMC Cloud Doctor n’a pas pu lire les paramètres de cet équipement : {reason}. Lancez vous-même les vérifications de la note TAC ci-dessous.',
        source: SEED,
      },
    },
    {
      id: 'read',
      text: {
        en: 'Read the management network settings on the device’s CLI.',
        fr: 'Relevez les paramètres réseau de gestion depuis la CLI de l’équipement.',
        source: SEED,
      },
      commands: [SHOW_NETWORK_READ],
    },
    {
      id: 'if-no-dns',
      when: 'peer-dns',
      text: {
        en: `If there is no "DNS Servers" line (option 1 of the TAC note), add the servers your healthy devices use ({peerDnsList}). ${MANAGEMENT_DNS_NOTE.en}`,
        fr: `S’il n’y a aucune ligne « DNS Servers » (option 1 de la note TAC), ajoutez les serveurs qu’utilisent vos équipements sains ({peerDnsList}). ${MANAGEMENT_DNS_NOTE.fr}`,
        source: [SEED, INFERRED],
      },
      commands: [{ command: 'configure network dns servers {peerDnsCsv}', shell: 'cli' }],
    },
    {
      id: 'if-no-dns',
      when: 'no-peer-dns',
      text: {
        en: `If there is no "DNS Servers" line (option 1 of the TAC note), add your site’s DNS servers: no healthy device’s servers were read to propose. ${MANAGEMENT_DNS_NOTE.en}`,
        fr: `S’il n’y a aucune ligne « DNS Servers » (option 1 de la note TAC), ajoutez les serveurs DNS de votre site : ceux d’aucun équipement sain n’ont été lus pour en proposer. ${MANAGEMENT_DNS_NOTE.fr}`,
        source: [SEED, INFERRED],
      },
      commands: [{ command: 'configure network dns servers <dns_ip>[,<dns_ip>]', shell: 'cli' }],
    },
    EXPERT,
    {
      id: 'if-proxy',
      text: {
        en: 'If Proxy Information shows "State : Enabled", Cisco bug CSCvs05084, which the TAC note lists, may apply ({bugUrl}). Inferred check: test SSE through the proxy, with its address and port from show network.',
        fr: 'Si Proxy Information affiche « State : Enabled », le bug Cisco CSCvs05084, que cite la note TAC, peut s’appliquer ({bugUrl}). Vérification déduite : testez SSE à travers le proxy, avec l’adresse et le port relevés dans show network.',
        source: [SEED, INFERRED],
      },
      commands: [CURL_THROUGH_PROXY],
    },
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName}, as the TAC note does.',
        fr: 'Résolvez l’hôte SSE de la région {regionName}, comme le fait la note TAC.',
        source: SEED,
      },
      commands: RESOLVE_COMMANDS(''),
    },
    CURL,
    TELNET,
    {
      id: 'if-data-interfaces',
      text: {
        en: 'Inferred from Cisco’s cdFMC notes on management routes: if the IPv4 default route’s Gateway reads "data-interfaces", management traffic leaves through the data interfaces, and their routes and access rules must let it reach {host} on TCP 443.',
        fr: 'Déduit des notes de Cisco sur les routes de gestion du cdFMC : si le Gateway de la route IPv4 par défaut indique « data-interfaces », le trafic de gestion sort par les interfaces de données, dont les routes et les règles d’accès doivent le laisser joindre {host} en TCP 443.',
        source: INFERRED,
      },
    },
    RERUN,
  ],
};

/**
 * Where each step of a runbook stands on a device's card (issue 19; the order itself is ./sections.ts): `fix`,
 * the steps that change something, in the order listed here (the most likely fix first); `why`, the steps that
 * re-read what the verdict rests on, folded with the evidence. Every other step verifies the fix, or, for a
 * verdict with no known fix (connectivity, unknown), finds the cause: those keep the runbook's order.
 */
export const STEP_ROLES: Readonly<Record<Verdict, { fix: readonly string[]; why: readonly string[] }>> = {
  healthy: { fix: [], why: [] },
  'expected-integration-off': { fix: ['silence', 'silence-one-device', 'enable-integration'], why: ['why'] },
  'dns-missing': { fix: ['add-dns-from-peers', 'add-dns'], why: ['confirm'] },
  // Allowing SSE on the proxy is what the admin can do now; the bug is a possibility to compare versions with.
  proxy: { fix: ['allow-hosts', 'bug'], why: ['confirm'] },
  connectivity: { fix: [], why: ['confirm'] },
  unknown: { fix: [], why: ['why'] },
};

/** Why a device's settings could not be read, for the `unknown` runbook's `{reason}`. */
export const UNKNOWN_REASONS = {
  unsupported: {
    en: 'show network cannot be run through the FMC on this device (version {version})',
    fr: 'show network ne peut pas être lancé depuis le FMC sur cet équipement (version {version})',
  },
  failed: { en: 'the show network command failed', fr: 'la commande show network a échoué' },
  'not-read': { en: 'show network was not read', fr: 'show network n’a pas été lu' },
  truncated: {
    en: 'the show network output stops before the DNS Servers line',
    fr: 'la sortie de show network s’arrête avant la ligne DNS Servers',
  },
} satisfies Record<string, Localized>;
