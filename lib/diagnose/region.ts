import { REGIONS, type Region, regionByApiHost } from '../knowledge/regions';

export interface RegionChoice {
  /** The host devices enrol with: the region's API host, the US one when the region is unknown. */
  host: string;
  region: Region | null;
  /** How to call the region in a report: the FMC's name, else ours; null when unknown. */
  name: string | null;
  /** The FMC named no host (or an unusable one): the US host is an assumption. */
  assumed: boolean;
}

const US = REGIONS.find((region) => region.id === 'us') as Region;

// A host the FMC reports goes into commands the admin pastes into a shell: only a plain DNS name is kept.
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The FMC's current cloud region names its SSE host; devices without one use the US cloud. A host that is not
 * in REGIONS (a region added after this release) is still the one devices use, so it is kept as given.
 */
export function chooseRegion(regionHost: unknown, regionName?: unknown): RegionChoice {
  const given = typeof regionHost === 'string' ? regionHost.trim().replace(/\.$/, '').toLowerCase() : '';
  const fmcName = typeof regionName === 'string' && regionName.trim() !== '' ? regionName.trim() : null;
  if (!HOST_NAME.test(given)) return { host: US.apiHost, region: null, name: null, assumed: true };
  const region = regionByApiHost(given) ?? null;
  return { host: given, region, name: fmcName ?? region?.name.en ?? null, assumed: false };
}
