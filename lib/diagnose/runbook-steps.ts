// The runbooks' steps as data (texts, commands, conditions per verdict); ./runbook.ts fills them for a device.
import type { Localized } from '../i18n';
import type { Verdict } from './types';

/**
 * The runbooks, as data: one list of steps per verdict, filled with the device's own values by runbook.ts.
 * `{name}` placeholders in texts and commands name a value of RunbookVars; one nobody could supply is printed as
 * `<name>`, so the admin sees what to type. A step or command with `when` only appears when that condition
 * holds; a command with `each: 'dns'` repeats for every DNS server of the device (`{dns}`).
 * Sources: TAC note 217616 (commands, healthy outputs), CSCvs05084 (proxy), cdFMC docs (data-interfaces).
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
  /** show network was read but stopped before its proxy section. */
  | 'proxy-unseen'
  | 'other-hosts'
  | 'no-other-hosts';

export interface CommandTemplate {
  command: string;
  shell: 'cli' | 'expert';
  expect?: Localized;
  when?: Condition;
  each?: 'dns';
}

export interface StepTemplate {
  id: string;
  text: Localized;
  when?: Condition;
  commands?: readonly CommandTemplate[];
}

const NSLOOKUP_US: Localized = {
  en: 'Healthy: a canonical name (CNAME) {cname} followed by one or more addresses. An error (timed out, SERVFAIL, NXDOMAIN) or no address confirms a DNS problem with this server.',
  fr: 'Sain : un nom canonique (CNAME) {cname} suivi d’une ou plusieurs adresses. Une erreur (timed out, SERVFAIL, NXDOMAIN) ou l’absence d’adresse confirme un problème DNS avec ce serveur.',
};

const NSLOOKUP_OTHER: Localized = {
  en: 'Healthy: one or more addresses. Cisco documents an akadns.net alias for the US host only; for {host} an alias may or may not appear. An error (timed out, SERVFAIL, NXDOMAIN) or no address confirms a DNS problem with this server.',
  fr: 'Sain : une ou plusieurs adresses. Cisco ne documente l’alias akadns.net que pour l’hôte américain ; pour {host}, un alias peut apparaître ou non. Une erreur (timed out, SERVFAIL, NXDOMAIN) ou l’absence d’adresse confirme un problème DNS avec ce serveur.',
};

const CURL_EXPECT: Localized = {
  en: 'Healthy: a TLS handshake, then "HTTP/1.1 403 Forbidden"; the 403 is normal, it proves SSE answered. "Couldn\'t resolve host" (curl exit code 6) means resolution failed; a timeout or a reset after "Trying" points at a firewall, a route or a proxy on the path.',
  fr: "Sain : une négociation TLS, puis « HTTP/1.1 403 Forbidden » ; ce 403 est normal, il prouve que SSE a répondu. « Couldn't resolve host » (code de sortie 6 de curl) signifie que la résolution a échoué ; un délai dépassé ou une réinitialisation après « Trying » oriente vers un pare-feu, une route ou un proxy sur le chemin.",
};

const SHOW_NETWORK_READ: CommandTemplate = {
  command: 'show network',
  shell: 'cli',
  expect: {
    en: 'A "DNS Servers" line with at least one address, the Proxy Information "State", and the "Gateway" of the IPv4 default route.',
    fr: 'Une ligne « DNS Servers » avec au moins une adresse, le champ « State » de Proxy Information et le « Gateway » de la route IPv4 par défaut.',
  },
};

const EXPERT: StepTemplate = {
  id: 'expert',
  text: {
    en: 'Enter expert mode for the next commands.',
    fr: 'Passez en mode expert pour les commandes suivantes.',
  },
  commands: [{ command: 'expert', shell: 'cli' }],
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
    en: 'Open an HTTPS connection to SSE ({host}) without checking its certificate.',
    fr: 'Ouvrez une connexion HTTPS vers SSE ({host}) sans vérifier son certificat.',
  },
  commands: [{ command: 'curl -v -k https://{host}', shell: 'expert', expect: CURL_EXPECT }],
};

const TELNET: StepTemplate = {
  id: 'tcp',
  text: { en: 'Test basic reachability.', fr: 'Testez l’accessibilité de base.' },
  commands: [
    {
      command: 'telnet {host} 443',
      shell: 'expert',
      expect: {
        en: 'Healthy: "Connected to {host}" (leave with Ctrl+] then quit). A timeout or a refusal means something on the path blocks port 443.',
        fr: 'Sain : « Connected to {host} » (sortez avec Ctrl+] puis quit). Un délai dépassé ou un refus signifie que quelque chose bloque le port 443 sur le chemin.',
      },
    },
    {
      command: 'telnet {host} 8989',
      shell: 'expert',
      expect: {
        en: 'The TAC note says the cloud services need 8989/tcp outbound, while Cisco’s integration guides only ask for 443: a failure here alone proves little.',
        fr: 'La note TAC indique que les services cloud ont besoin du port 8989/tcp en sortie, alors que les guides d’intégration Cisco ne demandent que le 443 : un échec ici ne prouve pas grand-chose à lui seul.',
      },
    },
  ],
};

const ROUTING: StepTemplate = {
  id: 'routing',
  when: 'data-interfaces',
  text: {
    en: 'The management gateway is "data-interfaces": the device’s own traffic, SSE included, leaves through the data interfaces, so their routes and access rules decide whether it reaches {host}. Back at the CLI (leave expert mode with exit), check that a data-plane route and the access rules let it out on TCP 443.',
    fr: 'La passerelle de gestion est « data-interfaces » : le trafic propre de l’équipement, SSE compris, sort par les interfaces de données, dont les routes et les règles d’accès décident s’il atteint {host}. De retour dans la CLI (quittez le mode expert avec exit), vérifiez qu’une route du plan de données et les règles d’accès le laissent sortir en TCP 443.',
  },
  commands: [
    {
      command: 'show route',
      shell: 'cli',
      expect: {
        en: 'A route (a default route at least) towards the Internet through a data interface.',
        fr: 'Une route (au moins une route par défaut) vers Internet par une interface de données.',
      },
    },
  ],
};

const RERUN: StepTemplate = {
  id: 'rerun',
  text: {
    en: 'Once fixed, re-run the Threat Data Updates module from the Health Monitor; the alert can take up to about 30 minutes to clear.',
    fr: 'Une fois la cause corrigée, relancez le module Threat Data Updates depuis le Health Monitor ; l’alerte peut mettre jusqu’à 30 minutes environ à disparaître.',
  },
};

const MANAGEMENT_DNS_NOTE: Localized = {
  en: 'This is the management DNS; the DNS of the FMC’s Platform Settings only serves the data plane and does not fix this alert.',
  fr: 'Il s’agit du DNS de gestion ; le DNS des Platform Settings du FMC ne sert qu’au plan de données et ne corrige pas cette alerte.',
};

const ADD_PEER_DNS: StepTemplate = {
  id: 'add-dns-from-peers',
  when: 'peer-dns',
  text: {
    en: `Add the DNS servers your healthy devices use ({peerDnsList}, on {peerCount} healthy device(s) read). ${MANAGEMENT_DNS_NOTE.en}`,
    fr: `Ajoutez les serveurs DNS qu’utilisent vos équipements sains ({peerDnsList}, sur {peerCount} équipement(s) sain(s) lu(s)). ${MANAGEMENT_DNS_NOTE.fr}`,
  },
  commands: [{ command: 'configure network dns servers {peerDnsCsv}', shell: 'cli' }],
};

const ADD_OWN_DNS: StepTemplate = {
  id: 'add-dns',
  when: 'no-peer-dns',
  text: {
    en: `No healthy device’s DNS servers were read, so there is nothing to propose: use your site’s DNS servers, separated by commas. ${MANAGEMENT_DNS_NOTE.en}`,
    fr: `Les serveurs DNS d’aucun équipement sain n’ont été lus, il n’y a donc rien à proposer : indiquez les serveurs DNS de votre site, séparés par des virgules. ${MANAGEMENT_DNS_NOTE.fr}`,
  },
  commands: [{ command: 'configure network dns servers <dns_ip>[,<dns_ip>]', shell: 'cli' }],
};

const BUG_PROXY: Localized = {
  en: 'Cisco bug CSCvs05084, "FTD Cisco Cloud Configuration failure due to proxy", covers this case: compare its affected and fixed releases with this device’s version ({version}): {bugUrl}',
  fr: 'Le bug Cisco CSCvs05084, « FTD Cisco Cloud Configuration failure due to proxy », couvre ce cas : comparez ses versions concernées et corrigées avec celle de l’équipement ({version}) : {bugUrl}',
};

const CURL_THROUGH_PROXY: CommandTemplate = {
  command: 'curl -v -k -x http://{proxyUrlHost}:{proxyPort} https://{host}',
  shell: 'expert',
  expect: {
    en: 'Healthy: the proxy accepts the CONNECT ("200 Connection established"), then a TLS handshake and "HTTP/1.1 403 Forbidden" from SSE. "407 Proxy Authentication Required" means the proxy wants credentials (the FMC’s proxy settings do not support NTLM); a 403 or a reset from the proxy means it refuses {host}.',
    fr: 'Sain : le proxy accepte le CONNECT (« 200 Connection established »), puis une négociation TLS et « HTTP/1.1 403 Forbidden » de SSE. « 407 Proxy Authentication Required » signifie que le proxy exige une authentification (les paramètres de proxy du FMC ne prennent pas en charge NTLM) ; un 403 ou une réinitialisation venant du proxy signifie qu’il refuse {host}.',
  },
};

export const RUNBOOKS: Readonly<Record<Verdict, readonly StepTemplate[]>> = {
  healthy: [],

  'expected-integration-off': [
    {
      id: 'why',
      text: {
        en: 'Cloud integration looks switched off on this FMC, so the device is not expected to reach SSE and this failure is expected (scenario 1 of TAC note 217616). Pick the step that matches your intent.',
        fr: 'L’intégration cloud semble désactivée sur ce FMC : l’équipement n’a donc pas à joindre SSE et cet échec est attendu (scénario 1 de la note TAC 217616). Choisissez l’étape qui correspond à votre intention.',
      },
    },
    {
      id: 'silence',
      text: {
        en: 'If cloud integration is meant to stay off, switch the check off: in the FMC, open System > Health > Policy, edit the health policy applied to this device, select Threat Data Updates on Devices, set Enabled to Off, click Save Policy and Exit, then re-apply the policy.',
        fr: 'Si l’intégration cloud doit rester désactivée, coupez la vérification : dans le FMC, ouvrez System > Health > Policy, modifiez la politique d’intégrité appliquée à l’équipement, sélectionnez Threat Data Updates on Devices, passez Enabled sur Off, cliquez sur Save Policy and Exit, puis réappliquez la politique.',
      },
    },
    {
      id: 'silence-one-device',
      text: {
        en: 'Switching the module off silences every row of Threat Data Updates on Devices for every device of that policy. To silence it on this device only, exclude the module for it instead: System > Health > Exclude (named Blacklist before 7.0).',
        fr: 'Désactiver le module fait taire toutes les lignes de Threat Data Updates on Devices pour tous les équipements de cette politique. Pour ne l’ignorer que sur cet équipement, excluez plutôt le module pour lui : System > Health > Exclude (appelé Blacklist avant la version 7.0).',
      },
    },
    {
      id: 'enable-integration',
      text: {
        en: 'If cloud integration was meant to be on, switch it on in the FMC’s Integration pages (SecureX or the cloud event settings, depending on the version) with the region {regionName}. The device must then reach {host} on TCP 443; if the alert stays, run FMC Cloud Doctor again for the connectivity checks.',
        fr: 'Si l’intégration cloud devait être activée, activez-la dans les pages Integration du FMC (SecureX ou les paramètres d’envoi des événements au cloud, selon la version) avec la région {regionName}. L’équipement doit alors joindre {host} en TCP 443 ; si l’alerte persiste, relancez FMC Cloud Doctor pour obtenir les vérifications de connectivité.',
      },
    },
    RERUN,
  ],

  'dns-missing': [
    {
      id: 'confirm',
      text: {
        en: 'Confirm that the device has no management DNS server.',
        fr: 'Vérifiez que l’équipement n’a aucun serveur DNS de gestion.',
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'No "DNS Servers" line, as FMC Cloud Doctor read it; an address there means the setting changed since.',
            fr: 'Aucune ligne « DNS Servers », comme l’a lu FMC Cloud Doctor ; une adresse à cet endroit signifie que le paramètre a changé depuis.',
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
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'A "DNS Servers" line listing the servers you added.',
            fr: 'Une ligne « DNS Servers » qui liste les serveurs ajoutés.',
          },
        },
      ],
    },
    EXPERT,
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName} through the new servers.',
        fr: 'Résolvez l’hôte SSE de la région {regionName} par les nouveaux serveurs.',
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
        en: 'Read the proxy the device uses for its management traffic ({proxy}).',
        fr: 'Relevez le proxy qu’utilise l’équipement pour son trafic de gestion ({proxy}).',
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: 'Under Proxy Information, "State : Enabled" and the proxy’s address and port.',
            fr: 'Sous Proxy Information, « State : Enabled » ainsi que l’adresse et le port du proxy.',
          },
        },
      ],
    },
    { id: 'bug', text: BUG_PROXY },
    EXPERT,
    {
      id: 'reach-proxy',
      text: {
        en: 'Check that the device reaches the proxy.',
        fr: 'Vérifiez que l’équipement joint le proxy.',
      },
      commands: [
        {
          command: 'telnet {proxyHost} {proxyPort}',
          shell: 'expert',
          expect: {
            en: 'Healthy: "Connected to {proxyHost}". A timeout or a refusal means the proxy itself is out of reach.',
            fr: 'Sain : « Connected to {proxyHost} ». Un délai dépassé ou un refus signifie que le proxy lui-même est injoignable.',
          },
        },
      ],
    },
    {
      id: 'through-proxy',
      text: {
        en: 'Ask the proxy for SSE ({host}), as the connector does.',
        fr: 'Demandez SSE ({host}) au proxy, comme le fait le connecteur.',
      },
      commands: [CURL_THROUGH_PROXY],
    },
    {
      id: 'allow-hosts',
      when: 'other-hosts',
      text: {
        en: 'On the proxy, allow {host} and the other hosts of the region ({otherHosts}) on TCP 443, by host name rather than by IP; exempt them from authentication. TLS decryption of this traffic is a likely cause too, although Cisco does not confirm it for this alert: exempt these hosts from it.',
        fr: 'Sur le proxy, autorisez {host} et les autres hôtes de la région ({otherHosts}) en TCP 443, par nom d’hôte plutôt que par adresse IP ; dispensez-les d’authentification. Le déchiffrement TLS de ce trafic est aussi une cause probable, bien que Cisco ne le confirme pas pour cette alerte : exemptez-en ces hôtes.',
      },
    },
    {
      id: 'allow-hosts',
      when: 'no-other-hosts',
      text: {
        en: 'On the proxy, allow {host} on TCP 443, by host name rather than by IP; exempt it from authentication. TLS decryption of this traffic is a likely cause too, although Cisco does not confirm it for this alert: exempt the host from it.',
        fr: 'Sur le proxy, autorisez {host} en TCP 443, par nom d’hôte plutôt que par adresse IP ; dispensez-le d’authentification. Le déchiffrement TLS de ce trafic est aussi une cause probable, bien que Cisco ne le confirme pas pour cette alerte : exemptez-en cet hôte.',
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
      },
      commands: [
        {
          command: 'show network',
          shell: 'cli',
          expect: {
            en: '"DNS Servers" {dnsList}, as FMC Cloud Doctor read them, and no enabled proxy under Proxy Information.',
            fr: '« DNS Servers » {dnsList}, comme les a lus FMC Cloud Doctor, et aucun proxy activé sous Proxy Information.',
          },
        },
      ],
    },
    {
      id: 'proxy-unseen',
      when: 'proxy-unseen',
      text: {
        en: 'The output read through the FMC stopped before the proxy section: look for Proxy Information in the full output. If its State is Enabled, Cisco bug CSCvs05084 may apply ({bugUrl}).',
        fr: 'La sortie lue par le FMC s’arrête avant la section du proxy : cherchez Proxy Information dans la sortie complète. Si son champ State vaut Enabled, le bug Cisco CSCvs05084 peut s’appliquer ({bugUrl}).',
      },
    },
    EXPERT,
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName} through each of the device’s DNS servers ({dnsList}).',
        fr: 'Résolvez l’hôte SSE de la région {regionName} par chacun des serveurs DNS de l’équipement ({dnsList}).',
      },
      commands: RESOLVE_COMMANDS(' {dns}', 'dns'),
    },
    {
      id: 'resolve-peer',
      when: 'peer-dns-differs',
      text: {
        en: 'Compare with {peerDns1}, a server your healthy devices use ({peerDnsList}): if it answers and the device’s servers do not, the device’s resolvers are at fault; configure network dns servers {peerDnsCsv} would switch to them.',
        fr: 'Comparez avec {peerDns1}, un serveur qu’utilisent vos équipements sains ({peerDnsList}) : s’il répond et pas ceux de l’équipement, les résolveurs de l’équipement sont en cause ; configure network dns servers {peerDnsCsv} permettrait de passer aux leurs.',
      },
      commands: RESOLVE_COMMANDS(' {peerDns1}'),
    },
    CURL,
    TELNET,
    {
      id: 'connector',
      text: {
        en: 'Check the SSE connector’s settings and connection.',
        fr: 'Vérifiez les paramètres et la connexion du connecteur SSE.',
      },
      commands: [
        {
          command: 'cat /ngfw/etc/sf/connector.properties',
          shell: 'expert',
          expect: {
            en: 'connector_port=8989 and a connector_fqdn line naming the SSE host (api-sse.cisco.com in the TAC note’s US example).',
            fr: 'connector_port=8989 et une ligne connector_fqdn qui nomme l’hôte SSE (api-sse.cisco.com dans l’exemple américain de la note TAC).',
          },
        },
        {
          command: 'lsof -i | grep conn',
          shell: 'expert',
          expect: {
            en: 'The TAC note expects a connection on port 8989/tcp in the ESTABLISHED state; none, or one stuck in SYN_SENT, means the connector cannot reach the cloud.',
            fr: 'La note TAC attend une connexion sur le port 8989/tcp à l’état ESTABLISHED ; aucune, ou une connexion bloquée en SYN_SENT, signifie que le connecteur n’atteint pas le cloud.',
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
        en: 'FMC Cloud Doctor could not read this device’s settings: {reason}. Run the checks below by hand.',
        fr: 'FMC Cloud Doctor n’a pas pu lire les paramètres de cet équipement : {reason}. Lancez vous-même les vérifications ci-dessous.',
      },
    },
    {
      id: 'read',
      text: {
        en: 'Read the management network settings on the device’s CLI.',
        fr: 'Relevez les paramètres réseau de gestion depuis la CLI de l’équipement.',
      },
      commands: [SHOW_NETWORK_READ],
    },
    {
      id: 'if-no-dns',
      when: 'peer-dns',
      text: {
        en: `If there is no "DNS Servers" line (option 1 of the TAC note), add the servers your healthy devices use ({peerDnsList}). ${MANAGEMENT_DNS_NOTE.en}`,
        fr: `S’il n’y a aucune ligne « DNS Servers » (option 1 de la note TAC), ajoutez les serveurs qu’utilisent vos équipements sains ({peerDnsList}). ${MANAGEMENT_DNS_NOTE.fr}`,
      },
      commands: [{ command: 'configure network dns servers {peerDnsCsv}', shell: 'cli' }],
    },
    {
      id: 'if-no-dns',
      when: 'no-peer-dns',
      text: {
        en: `If there is no "DNS Servers" line (option 1 of the TAC note), add your site’s DNS servers: no healthy device’s servers were read to propose. ${MANAGEMENT_DNS_NOTE.en}`,
        fr: `S’il n’y a aucune ligne « DNS Servers » (option 1 de la note TAC), ajoutez les serveurs DNS de votre site : ceux d’aucun équipement sain n’ont été lus pour en proposer. ${MANAGEMENT_DNS_NOTE.fr}`,
      },
      commands: [{ command: 'configure network dns servers <dns_ip>[,<dns_ip>]', shell: 'cli' }],
    },
    EXPERT,
    {
      id: 'if-proxy',
      text: {
        en: 'If Proxy Information shows "State : Enabled", Cisco bug CSCvs05084 may apply ({bugUrl}): test SSE through the proxy, with its address and port from show network.',
        fr: 'Si Proxy Information affiche « State : Enabled », le bug Cisco CSCvs05084 peut s’appliquer ({bugUrl}) : testez SSE à travers le proxy, avec l’adresse et le port relevés dans show network.',
      },
      commands: [CURL_THROUGH_PROXY],
    },
    {
      id: 'resolve',
      text: {
        en: 'Resolve the SSE host of the region {regionName}.',
        fr: 'Résolvez l’hôte SSE de la région {regionName}.',
      },
      commands: RESOLVE_COMMANDS(''),
    },
    CURL,
    TELNET,
    {
      id: 'if-data-interfaces',
      text: {
        en: 'If the IPv4 default route’s Gateway reads "data-interfaces", management traffic leaves through the data interfaces: their routes and access rules must let it reach {host} on TCP 443.',
        fr: 'Si le Gateway de la route IPv4 par défaut indique « data-interfaces », le trafic de gestion sort par les interfaces de données : leurs routes et leurs règles d’accès doivent le laisser joindre {host} en TCP 443.',
      },
    },
    RERUN,
  ],
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
