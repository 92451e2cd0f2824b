import { fill, type Lang } from '../i18n';

/**
 * Every sentence the FMC client can put in front of an admin, as data: errors carry a code and parameters, and
 * the UI renders them in the user's language. `{name}` placeholders are filled from the error's parameters.
 */
export const FMC_MESSAGES = {
  'tls-or-network': {
    en: 'The browser cannot reach the FMC or does not trust its certificate — open the FMC in a tab and accept it.',
    fr: 'Le navigateur ne peut pas joindre le FMC ou ne fait pas confiance à son certificat — ouvrez le FMC dans un onglet et acceptez-le.',
  },
  'fmc-unreachable': {
    en: "Neither the extension's background nor its offscreen document could reach the FMC ({endpoint}): it is down or out of reach, or the browser does not trust its certificate. If it uses a self-signed certificate, open the FMC once in a tab, pass the browser's warning (Advanced > Proceed), then try again.",
    fr: "Ni l'arrière-plan de l'extension ni son document hors écran n'ont pu joindre le FMC ({endpoint}) : il est arrêté ou injoignable, ou le navigateur ne fait pas confiance à son certificat. S'il utilise un certificat auto-signé, ouvrez le FMC une fois dans un onglet, passez l'avertissement du navigateur (Paramètres avancés > Continuer), puis réessayez.",
  },
  'retry-after-too-long': {
    en: 'The FMC asks to wait {seconds} s before the next REST API request ({endpoint}, 429): too long to hold the diagnosis. Try again later.',
    fr: "Le FMC demande d'attendre {seconds} s avant la prochaine requête à l'API REST ({endpoint}, 429) : trop long pour garder le diagnostic en attente. Réessayez plus tard.",
  },
  timeout: {
    en: 'The FMC did not answer {endpoint} within {seconds} s.',
    fr: "Le FMC n'a pas répondu à {endpoint} en {seconds} s.",
  },
  aborted: {
    en: 'The request to {endpoint} was cancelled.',
    fr: 'La requête vers {endpoint} a été annulée.',
  },
  'bad-credentials': {
    en: 'The FMC refused the sign-in (401). Check the user name and password, and that the REST API is enabled on the FMC (System > Configuration > REST API Preferences).',
    fr: "Le FMC a refusé la connexion (401). Vérifiez le nom d'utilisateur et le mot de passe, et que l'API REST est activée sur le FMC (System > Configuration > REST API Preferences).",
  },
  'login-forbidden': {
    en: 'The FMC refused the sign-in (403). The REST API may be disabled (System > Configuration > REST API Preferences) or this user may not be allowed to use it.',
    fr: "Le FMC a refusé la connexion (403). L'API REST est peut-être désactivée (System > Configuration > REST API Preferences) ou cet utilisateur n'a pas le droit de l'utiliser.",
  },
  'no-token-headers': {
    en: 'The FMC accepted the sign-in but the extension cannot read its token. Allow the extension to access this FMC (site permission) and try again.',
    fr: "Le FMC a accepté la connexion mais l'extension ne peut pas lire son jeton. Autorisez l'extension à accéder à ce FMC (permission du site) puis réessayez.",
  },
  'token-rejected': {
    en: 'The FMC no longer accepts this session (401 on {endpoint}).',
    fr: "Le FMC n'accepte plus cette session (401 sur {endpoint}).",
  },
  'sign-in-required': {
    en: 'The FMC session has ended. Sign in again.',
    fr: 'La session FMC est terminée. Reconnectez-vous.',
  },
  'unknown-domain': {
    en: 'The FMC has no domain named {domain}.',
    fr: "Le FMC n'a pas de domaine nommé {domain}.",
  },
  forbidden: {
    en: 'The FMC user is not allowed to read {endpoint} (403). Give the API user a role that can read devices, health and integration settings.',
    fr: "L'utilisateur FMC n'a pas le droit de lire {endpoint} (403). Donnez à l'utilisateur de l'API un rôle qui peut lire les équipements, la santé et l'intégration.",
  },
  'not-available': {
    en: 'This FMC does not offer {endpoint} (404); the diagnosis continues without it.',
    fr: 'Ce FMC ne propose pas {endpoint} (404) ; le diagnostic continue sans.',
  },
  'not-on-version': {
    en: 'This FMC ({version}) predates {endpoint} (available from {since}); the diagnosis continues without it.',
    fr: 'Ce FMC ({version}) est antérieur à {endpoint} (disponible à partir de {since}) ; le diagnostic continue sans.',
  },
  'device-too-old': {
    en: 'Device {device} runs {version}: the FMC can run commands only on devices 6.6 or later. Run show network on its CLI.',
    fr: "L'équipement {device} est en {version} : le FMC ne peut lancer des commandes que sur les équipements 6.6 ou plus récents. Lancez show network sur sa CLI.",
  },
  'method-not-allowed': {
    en: 'The FMC does not accept this request on {endpoint} (405).',
    fr: "Le FMC n'accepte pas cette requête sur {endpoint} (405).",
  },
  'invalid-request': {
    en: 'The FMC rejected the request to {endpoint} ({status}).',
    fr: 'Le FMC a rejeté la requête vers {endpoint} ({status}).',
  },
  'rate-limited': {
    en: 'The FMC still refuses {endpoint} after several waits: too many REST API requests (429). Other API clients share its budget of requests per minute; try again in a few minutes.',
    fr: "Le FMC refuse encore {endpoint} après plusieurs attentes : trop de requêtes à l'API REST (429). D'autres clients de l'API partagent son quota de requêtes par minute ; réessayez dans quelques minutes.",
  },
  'server-error': {
    en: 'The FMC answered {endpoint} with a server error ({status}) several times. Try again later.',
    fr: 'Le FMC a répondu à {endpoint} par une erreur serveur ({status}) à plusieurs reprises. Réessayez plus tard.',
  },
  'not-json': {
    en: "The FMC's answer to {endpoint} is not JSON: something other than the REST API (a proxy, a login page) may be answering.",
    fr: "La réponse du FMC à {endpoint} n'est pas du JSON : autre chose que l'API REST (un proxy, une page de connexion) répond peut-être.",
  },
  'schema-mismatch': {
    en: "The FMC's answer to {endpoint} has an unexpected field {field}. This FMC version may not be supported yet.",
    fr: "La réponse du FMC à {endpoint} a un champ inattendu : {field}. Cette version du FMC n'est peut-être pas encore prise en charge.",
  },
  'unexpected-status': {
    en: 'The FMC answered {endpoint} with HTTP status {status}.',
    fr: 'Le FMC a répondu à {endpoint} avec le statut HTTP {status}.',
  },
  redirected: {
    en: 'The FMC answered {endpoint} with a redirect, which the extension never follows: the API tokens must not travel to another address. Use the address the FMC REST API answers on, with no proxy or login page in between.',
    fr: "Le FMC a répondu à {endpoint} par une redirection, que l'extension ne suit jamais : les jetons de l'API ne doivent pas partir vers une autre adresse. Utilisez l'adresse à laquelle répond l'API REST du FMC, sans proxy ni page de connexion entre les deux.",
  },
  'items-rejected': {
    en: '{count} item(s) of {endpoint} were left out: unexpected field {field}.',
    fr: '{count} élément(s) de {endpoint} ont été écartés : champ inattendu {field}.',
  },
  'paging-repeated': {
    en: 'The FMC sent the same page of {endpoint} twice (offset {offset}); the repeated items were left out.',
    fr: 'Le FMC a envoyé deux fois la même page de {endpoint} (décalage {offset}) ; les éléments répétés ont été écartés.',
  },
  'paging-short': {
    en: 'The FMC announced {count} item(s) in {endpoint} but sent {received}.',
    fr: 'Le FMC a annoncé {count} élément(s) dans {endpoint} mais en a envoyé {received}.',
  },
  'paging-capped': {
    en: '{endpoint} has more than {pages} pages; the rest was not read.',
    fr: '{endpoint} compte plus de {pages} pages ; la suite n’a pas été lue.',
  },
  'fmc-says': {
    en: 'The FMC says: {detail}',
    fr: 'Le FMC indique : {detail}',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type FmcMessageCode = keyof typeof FMC_MESSAGES;
export type FmcMessageParams = Readonly<Record<string, string | number>>;

export function formatFmcMessage(
  code: FmcMessageCode,
  params: FmcMessageParams = {},
  lang: Lang = 'en',
): string {
  const vars = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  // A parameter nobody passed stays visible as `{name}`: a bug shows, never an empty gap.
  return fill(FMC_MESSAGES[code][lang], vars, lang, (name) => `{${name}}`);
}
