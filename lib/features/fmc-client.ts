import { FmcClient } from '../fmc';
import { sharedFmcLimiter } from '../fmc/limiter';
import { locks, tokenLock } from '../platform/locks';
import { workerFmcTransport } from '../platform/offscreen';
import { BrowserSessionTokenStore, readRateOverride, watchRateOverride } from '../platform/storage';

const tokens = new BrowserSessionTokenStore();
/**
 * Chromium's service worker: its own fetch, else the offscreen document (lib/platform/offscreen.ts), for every
 * worker-side request (the popup's runs, re-checks from a hint or the popup, watch ticks), since all of them
 * take their client from here. Undefined elsewhere: pages and Firefox's background use plain fetch.
 */
const transport = workerFmcTransport();
const clients = new Map<string, Promise<FmcClient>>();

/**
 * The REST client of one FMC as the extension's pages use it: one per FMC and page (or worker), whatever the
 * settings, so that its limiter, its token renewals and the password a sign-in may keep are never split
 * between two clients. Tokens live in storage.session, renewals are serialised across the extension with a
 * Web Lock, and the user's rate setting is applied when read and again whenever it changes, from the next
 * request on.
 */
export function fmcClientFor(origin: string): Promise<FmcClient> {
  let client = clients.get(origin);
  if (!client) {
    client = create(origin);
    clients.set(origin, client);
  }
  return client;
}

async function create(origin: string): Promise<FmcClient> {
  const client = new FmcClient({
    url: origin,
    store: tokens,
    limiter: sharedFmcLimiter(origin),
    ...(transport ? { fetch: transport } : {}),
    serialise: (task) => locks.request(tokenLock(origin), {}, () => task()),
  });
  client.setRateOverride(await readRateOverride().catch(() => null));
  watchRateOverride((perMinute) => client.setRateOverride(perMinute));
  return client;
}
