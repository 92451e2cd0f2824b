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
    fr: 'Ni l’arrière-plan de l’extension ni son document hors écran n’ont pu joindre le FMC ({endpoint}) : il est arrêté ou injoignable, ou le navigateur ne fait pas confiance à son certificat. S’il utilise un certificat auto-signé, ouvrez le FMC une fois dans un onglet, passez l’avertissement du navigateur (Paramètres avancés > Continuer), puis réessayez.',
  },
  'retry-after-too-long': {
    en: 'The FMC asks to wait {seconds} s before the next REST API request ({endpoint}, 429): too long to hold the diagnosis. Try again later.',
    fr: 'Le FMC demande d’attendre {seconds} s avant la prochaine requête à l’API REST ({endpoint}, 429) : trop long pour garder le diagnostic en attente. Réessayez plus tard.',
  },
  timeout: {
    en: 'The FMC did not answer {endpoint} within {seconds} s.',
    fr: 'Le FMC n’a pas répondu à {endpoint} en {seconds} s.',
  },
  aborted: {
    en: 'The request to {endpoint} was cancelled.',
    fr: 'La requête vers {endpoint} a été annulée.',
  },
  'bad-credentials': {
    en: 'The FMC refused the sign-in (401). Check the user name and password, and that the REST API is enabled on the FMC (System > Configuration > REST API Preferences).',
    fr: 'Le FMC a refusé la connexion (401). Vérifiez le nom d’utilisateur et le mot de passe, et que l’API REST est activée sur le FMC (System > Configuration > REST API Preferences).',
  },
  'login-forbidden': {
    en: 'The FMC refused the sign-in (403). The REST API may be disabled (System > Configuration > REST API Preferences) or this user may not be allowed to use it.',
    fr: 'Le FMC a refusé la connexion (403). L’API REST est peut-être désactivée (System > Configuration > REST API Preferences) ou cet utilisateur n’a pas le droit de l’utiliser.',
  },
  'no-token-headers': {
    en: 'The FMC accepted the sign-in but the extension cannot read its token. Allow the extension to access this FMC (site permission) and try again.',
    fr: 'Le FMC a accepté la connexion mais l’extension ne peut pas lire son jeton. Autorisez l’extension à accéder à ce FMC (permission du site) puis réessayez.',
  },
  'token-rejected': {
    en: 'The FMC no longer accepts this session (401 on {endpoint}).',
    fr: 'Le FMC n’accepte plus cette session (401 sur {endpoint}).',
  },
  'sign-in-required': {
    en: 'The FMC session has ended. Sign in again.',
    fr: 'La session FMC est terminée. Reconnectez-vous.',
  },
  'unknown-domain': {
    en: 'The FMC has no domain named {domain}.',
    fr: 'Le FMC n’a pas de domaine nommé {domain}.',
  },
  forbidden: {
    en: 'The FMC user is not allowed to read {endpoint} (403). Give the API user a role that can read devices, health and integration settings.',
    fr: 'L’utilisateur FMC n’a pas le droit de lire {endpoint} (403). Donnez à l’utilisateur de l’API un rôle qui peut lire les équipements, l’intégrité et l’intégration.',
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
    fr: 'L’équipement {device} est en {version} : le FMC ne peut lancer des commandes que sur les équipements 6.6 ou plus récents. Lancez show network sur sa CLI.',
  },
  'method-not-allowed': {
    en: 'The FMC does not accept this request on {endpoint} (405).',
    fr: 'Le FMC n’accepte pas cette requête sur {endpoint} (405).',
  },
  'invalid-request': {
    en: 'The FMC rejected the request to {endpoint} ({status}).',
    fr: 'Le FMC a rejeté la requête vers {endpoint} ({status}).',
  },
  'rate-limited': {
    en: 'The FMC still refuses {endpoint} after several waits: too many REST API requests (429). Other API clients share its budget of requests per minute; try again in a few minutes.',
    fr: 'Le FMC refuse encore {endpoint} après plusieurs attentes : trop de requêtes à l’API REST (429). D’autres clients de l’API partagent son quota de requêtes par minute ; réessayez dans quelques minutes.',
  },
  'server-error': {
    en: 'The FMC answered {endpoint} with a server error ({status}) several times. Try again later.',
    fr: 'Le FMC a répondu à {endpoint} par une erreur serveur ({status}) à plusieurs reprises. Réessayez plus tard.',
  },
  'not-json': {
    en: "The FMC's answer to {endpoint} is not JSON: something other than the REST API (a proxy, a login page) may be answering.",
    fr: 'La réponse du FMC à {endpoint} n’est pas du JSON : autre chose que l’API REST (un proxy, une page de connexion) répond peut-être.',
  },
  'schema-mismatch': {
    en: "The FMC's answer to {endpoint} has an unexpected field {field}. This FMC version may not be supported yet.",
    fr: 'La réponse du FMC à {endpoint} a un champ inattendu : {field}. Cette version du FMC n’est peut-être pas encore prise en charge.',
  },
  'unexpected-status': {
    en: 'The FMC answered {endpoint} with HTTP status {status}.',
    fr: 'Le FMC a répondu à {endpoint} avec le statut HTTP {status}.',
  },
  redirected: {
    en: 'The FMC answered {endpoint} with a redirect, which the extension never follows: the API tokens must not travel to another address. Use the address the FMC REST API answers on, with no proxy or login page in between.',
    fr: 'Le FMC a répondu à {endpoint} par une redirection, que l’extension ne suit jamais : les jetons de l’API ne doivent pas partir vers une autre adresse. Utilisez l’adresse à laquelle répond l’API REST du FMC, sans proxy ni page de connexion entre les deux.',
  },
  'items-rejected': {
    en: '{count} {count|item|items} of {endpoint} {count|was|were} left out: unexpected field {field}.',
    fr: '{count} {count|élément|éléments} de {endpoint} {count|a été écarté|ont été écartés} : champ inattendu {field}.',
  },
  'paging-repeated': {
    en: 'The FMC sent the same page of {endpoint} twice (offset {offset}); the repeated items were left out.',
    fr: 'Le FMC a envoyé deux fois la même page de {endpoint} (décalage {offset}) ; les éléments répétés ont été écartés.',
  },
  'paging-short': {
    en: 'The FMC announced {count} {count|item|items} in {endpoint} but sent {received}.',
    fr: 'Le FMC a annoncé {count} {count|élément|éléments} dans {endpoint} mais en a envoyé {received}.',
  },
  'paging-capped': {
    en: '{endpoint} has more than {pages} pages; the rest was not read.',
    fr: '{endpoint} compte plus de {pages} pages ; la suite n’a pas été lue.',
  },
  // The cdFMC's bearer sign-in (issue 20, ../shared/docs/cdfmc.md "Key"): an SCC API-only user's token, pasted.
  'token-invalid': {
    en: "The SCC API token was refused (401 on {endpoint}): it was revoked or mistyped, it is not an API-only user's token, or it belongs to another tenant or SCC region. Paste a new one: generate the API-only user's token again in Security Cloud Control's user management.",
    fr: 'Le jeton d’API SCC a été refusé (401 sur {endpoint}) : il a été révoqué ou mal copié, ce n’est pas le jeton d’un utilisateur API, ou il appartient à un autre tenant ou à une autre région SCC. Collez-en un nouveau : générez à nouveau le jeton de l’utilisateur API dans la gestion des utilisateurs de Security Cloud Control.',
  },
  'token-wrong-kind': {
    en: "The SCC API gateway rejected the token (400 on {endpoint}): it is likely not an API-only user's token (a key of SCC's API keys page is answered this way). Create an API-only user in Security Cloud Control's user management and paste its token, or sign in through the cdFMC's own host.",
    fr: 'La passerelle d’API SCC a rejeté le jeton (400 sur {endpoint}) : ce n’est probablement pas le jeton d’un utilisateur API (une clé de la page API keys de SCC est refusée ainsi). Créez un utilisateur API dans la gestion des utilisateurs de Security Cloud Control et collez son jeton, ou connectez-vous par l’hôte du cdFMC lui-même.',
  },
  'token-wrong-region': {
    en: "The SCC API gateway of this region refused the token (403 on {endpoint}). It may belong to a tenant of another SCC region: pick the region your SCC tenant is in (its address: us, eu, apj, aus, in…), or sign in through the cdFMC's own host (<name>.app.<region>.cdo.cisco.com).",
    fr: 'La passerelle d’API SCC de cette région a refusé le jeton (403 sur {endpoint}). Il appartient peut-être à un tenant d’une autre région SCC : choisissez la région de votre tenant SCC (son adresse : us, eu, apj, aus, in…), ou connectez-vous par l’hôte du cdFMC lui-même (<nom>.app.<région>.cdo.cisco.com).',
  },
  'cdfmc-not-found': {
    en: "No cdFMC REST API answered {endpoint} at this address (404). Check the cdFMC's host name, or the SCC region and door chosen.",
    fr: 'Aucune API REST de cdFMC n’a répondu à {endpoint} à cette adresse (404). Vérifiez le nom d’hôte du cdFMC, ou la région SCC et la porte choisies.',
  },
  'cdfmc-rate-limited': {
    en: 'The cdFMC still refuses {endpoint} after several waits: too many REST API requests (429). Cisco does not publish its limit, and other API clients of your SCC tenant may share it; try again in a few minutes, or lower the request rate on the options page.',
    fr: 'Le cdFMC refuse encore {endpoint} après plusieurs attentes : trop de requêtes à l’API REST (429). Cisco ne publie pas sa limite, que d’autres clients de l’API de votre tenant SCC partagent peut-être ; réessayez dans quelques minutes, ou baissez le débit de requêtes dans les options.',
  },
  'cdfmc-retry-after-too-long': {
    en: 'The cdFMC asks to wait {seconds} s before the next REST API request ({endpoint}, 429): too long to hold the diagnosis. Try again later.',
    fr: 'Le cdFMC demande d’attendre {seconds} s avant la prochaine requête à l’API REST ({endpoint}, 429) : trop long pour garder le diagnostic en attente. Réessayez plus tard.',
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
