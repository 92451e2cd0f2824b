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

// Cisco TAC 222744 (written for 7.6) and the XDR guide "Send Events to the Cloud Directly"
// (https://www.cisco.com/c/en/us/td/docs/security/secure-firewall/integrations/xdr/secure-firewall-threat-defense-and-xdr-integration-guide/send_events_to_the_cloud_directly.html).
// Cisco mixes `aus` and `au` in the Australian host names; they are copied as published. TAC 222744 lists
// `mx*.aus.sse.itd.cisco.com` for Australia (issue 18); India's `mx*.in.sse.itd.cisco.com` follows the same
// pattern and stays under India's hedge. These lists feed the proxy allow-list step of the runbook.
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
      'mx*.aus.sse.itd.cisco.com',
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
      'mx*.in.sse.itd.cisco.com',
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
