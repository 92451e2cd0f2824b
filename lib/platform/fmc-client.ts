import { FmcClient } from '../fmc';
import { sharedFmcLimiter } from '../fmc/limiter';
import { readRateOverride } from './settings';
import { BrowserSessionTokenStore } from './token-store';

const tokens = new BrowserSessionTokenStore();

/**
 * The REST client of one FMC as the extension's pages use it: tokens in storage.session, one rate budget for
 * every request this page makes to that FMC, and the user's rate setting when they set one.
 */
export async function fmcClientFor(origin: string): Promise<FmcClient> {
  const perMinute = await readRateOverride();
  // One client per FMC and page: its session may hold the password a sign-in kept for re-login.
  const key = `${origin} ${perMinute ?? 'auto'}`;
  let client = clients.get(key);
  if (!client) {
    client = new FmcClient({
      url: origin,
      store: tokens,
      limiter: sharedFmcLimiter(origin, perMinute ? { perMinute } : {}),
    });
    clients.set(key, client);
  }
  return client;
}

const clients = new Map<string, FmcClient>();
