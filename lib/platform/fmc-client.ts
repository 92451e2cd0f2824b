import { FmcClient } from '../fmc';
import { sharedFmcLimiter } from '../fmc/limiter';
import { BrowserSessionTokenStore } from '../fmc/session-storage';
import { readRateOverride } from './settings';

const tokens = new BrowserSessionTokenStore();

/**
 * The REST client of one FMC as the extension's pages use it: tokens in storage.session, one rate budget for
 * every request this page makes to that FMC, and the user's rate setting when they set one.
 */
export async function fmcClientFor(origin: string): Promise<FmcClient> {
  const perMinute = await readRateOverride();
  return new FmcClient({
    url: origin,
    store: tokens,
    limiter: sharedFmcLimiter(origin, perMinute ? { perMinute } : {}),
  });
}
