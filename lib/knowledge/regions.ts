import type { Localized } from './schema';

export type RegionId = 'us' | 'eu' | 'apjc' | 'aus' | 'ind';

export interface Region {
  id: RegionId;
  name: Localized;
  /** The SSE API host devices enrol with in this region. */
  apiHost: string;
  /** Other hosts of the region, all outbound TCP 443. Names with `*` are patterns for numbered hosts. */
  otherHosts: readonly string[];
  /** True when no Cisco document we could read confirms the host list. */
  hedged: boolean;
}

// Cisco TAC 222744 (written for 7.6) and the XDR guide "Send Events to the Cloud Directly".
// Cisco mixes `aus` and `au` in the Australian host names; they are copied as published.
export const REGIONS: readonly Region[] = [
  {
    id: 'us',
    name: { en: 'United States (US)', fr: 'États-Unis (US)' },
    apiHost: 'api-sse.cisco.com',
    otherHosts: [
      'mx*.sse.itd.cisco.com',
      'dex.sse.itd.cisco.com',
      'eventing-ingest.sse.itd.cisco.com',
      'registration.us.sse.itd.cisco.com',
    ],
    hedged: false,
  },
  {
    id: 'eu',
    name: { en: 'Europe (EU)', fr: 'Europe (UE)' },
    apiHost: 'api.eu.sse.itd.cisco.com',
    otherHosts: [
      'mx*.eu.sse.itd.cisco.com',
      'dex.eu.sse.itd.cisco.com',
      'eventing-ingest.eu.sse.itd.cisco.com',
      'registration.eu.sse.itd.cisco.com',
    ],
    hedged: false,
  },
  {
    id: 'apjc',
    name: { en: 'Asia Pacific, Japan and China (APJC)', fr: 'Asie-Pacifique, Japon et Chine (APJC)' },
    apiHost: 'api.apj.sse.itd.cisco.com',
    otherHosts: [
      'mx*.apj.sse.itd.cisco.com',
      'dex.apj.sse.itd.cisco.com',
      'eventing-ingest.apj.sse.itd.cisco.com',
      'registration.apj.sse.itd.cisco.com',
    ],
    hedged: false,
  },
  {
    id: 'aus',
    name: { en: 'Australia', fr: 'Australie' },
    apiHost: 'api.aus.sse.itd.cisco.com',
    otherHosts: [
      'dex.au.sse.itd.cisco.com',
      'eventing-ingest.aus.sse.itd.cisco.com',
      'registration.au.sse.itd.cisco.com',
    ],
    hedged: false,
  },
  {
    id: 'ind',
    name: { en: 'India', fr: 'Inde' },
    apiHost: 'api.in.sse.itd.cisco.com',
    otherHosts: [
      'dex.in.sse.itd.cisco.com',
      'eventing-ingest.in.sse.itd.cisco.com',
      'registration.in.sse.itd.cisco.com',
    ],
    hedged: true,
  },
];

/** DNS answers may end with a dot and differ in case; both still name the same host. */
export function regionByApiHost(host: string): Region | undefined {
  const wanted = host.trim().replace(/\.$/, '').toLowerCase();
  return REGIONS.find((region) => region.apiHost === wanted);
}
