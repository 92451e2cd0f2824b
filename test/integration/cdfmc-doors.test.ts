import { describe, expect, it } from 'vitest';
import {
  CDFMC_PREFIX,
  cdfmcHostRegion,
  doorOf,
  SCC_REGIONS,
  sccUiRegion,
  stripCdfmcPrefix,
} from '../../lib/fmc/doors';
import { resolveFmcUrl } from '../../lib/fmc/urls';
import { versionNumber } from '../../lib/fmc/version';

/** The cdFMC's doors as data (lib/fmc/doors.ts, from ../shared/docs/cdfmc.md), and links re-rooted on them. */

describe('cdFMC doors', () => {
  it('has the six SCC regions with their gateways', () => {
    expect(SCC_REGIONS.map((r) => r.id)).toEqual(['us', 'eu', 'apj', 'au', 'in', 'uae']);
    for (const region of SCC_REGIONS)
      expect(region.gateway).toBe(`https://api.${region.id}.security.cisco.com`);
    expect(CDFMC_PREFIX).toEqual({ host: '', gateway: '/firewall/v1/cdfmc', legacy: '/api/rest/v1/cdfmc' });
  });

  it('recognises a cdFMC host and its region word', () => {
    expect(cdfmcHostRegion('https://acme--x1y2z3.app.us.cdo.cisco.com')).toBe('us');
    expect(cdfmcHostRegion('https://Lab.App.EU.cdo.cisco.com/ddd/#Health')).toBe('eu');
    expect(cdfmcHostRegion('acme.app.aus.cdo.cisco.com')).toBe('aus');
    // Look-alikes are not cdFMC hosts.
    expect(cdfmcHostRegion('https://acme.app.us.cdo.cisco.com.evil.example')).toBeUndefined();
    expect(cdfmcHostRegion('http://acme.app.us.cdo.cisco.com')).toBeUndefined();
    expect(cdfmcHostRegion('https://acme.app.us.cdo.cisco.com:8443')).toBeUndefined();
    expect(cdfmcHostRegion('https://app.us.cdo.cisco.com')).toBeUndefined();
    expect(cdfmcHostRegion('https://fmc.example.com')).toBeUndefined();
    expect(cdfmcHostRegion('not a url')).toBeUndefined();
  });

  it("maps SCC's UI origins to their region", () => {
    expect(sccUiRegion('https://us.manage.security.cisco.com/')).toBe('us');
    expect(sccUiRegion('https://www.defenseorchestrator.com')).toBe('us');
    expect(sccUiRegion('https://www.defenseorchestrator.eu/x')).toBe('eu');
    expect(sccUiRegion('https://apj.cdo.cisco.com')).toBe('apj');
    expect(sccUiRegion('https://aus.manage.security.cisco.com')).toBe('au');
    expect(sccUiRegion('https://in.cdo.cisco.com')).toBe('in');
    expect(sccUiRegion('https://api.us.security.cisco.com')).toBeUndefined();
    expect(sccUiRegion('https://acme.app.us.cdo.cisco.com')).toBeUndefined();
  });

  it('names the door of a public origin, and of no other', () => {
    expect(doorOf('https://acme--x1y2z3.app.us.cdo.cisco.com')).toEqual({ kind: 'host', prefix: '' });
    expect(doorOf('https://api.eu.security.cisco.com')).toEqual({
      kind: 'gateway',
      prefix: '/firewall/v1/cdfmc',
    });
    expect(doorOf('https://us.manage.security.cisco.com')).toEqual({
      kind: 'legacy',
      prefix: '/api/rest/v1/cdfmc',
    });
    expect(doorOf('https://edge.apj.cdo.cisco.com')).toEqual({
      kind: 'legacy',
      prefix: '/api/rest/v1/cdfmc',
    });
    expect(doorOf('https://manage.secure.cisco')).toEqual({ kind: 'legacy', prefix: '/api/rest/v1/cdfmc' });
    expect(doorOf('https://fmc.example.com')).toBeUndefined();
    expect(doorOf('http://127.0.0.1:8443')).toBeUndefined();
    expect(doorOf('https://api.mars.security.cisco.com')).toBeUndefined();
  });

  it('re-roots links on the door in use', () => {
    const gateway = 'https://api.us.security.cisco.com';
    const link = `${gateway}/firewall/v1/cdfmc/api/fmc_config/v1/domain/d/devices/devicerecords?offset=25&limit=25`;
    expect(stripCdfmcPrefix(new URL(link).pathname)).toBe(
      '/api/fmc_config/v1/domain/d/devices/devicerecords',
    );
    expect(resolveFmcUrl(link, gateway, CDFMC_PREFIX.gateway)).toBe(link);
    // The same link for a legacy session, for a host session, from a relative or an /api-less link.
    expect(resolveFmcUrl(link, 'https://us.manage.security.cisco.com', CDFMC_PREFIX.legacy)).toBe(
      'https://us.manage.security.cisco.com/api/rest/v1/cdfmc/api/fmc_config/v1/domain/d/devices/devicerecords?offset=25&limit=25',
    );
    expect(resolveFmcUrl(link, 'https://a.app.us.cdo.cisco.com', '')).toBe(
      'https://a.app.us.cdo.cisco.com/api/fmc_config/v1/domain/d/devices/devicerecords?offset=25&limit=25',
    );
    expect(resolveFmcUrl('/api/fmc_platform/v1/info/domain', gateway, CDFMC_PREFIX.gateway)).toBe(
      `${gateway}/firewall/v1/cdfmc/api/fmc_platform/v1/info/domain`,
    );
    expect(resolveFmcUrl('/fmc_config/v1/x', gateway, CDFMC_PREFIX.gateway)).toBe(
      `${gateway}/firewall/v1/cdfmc/api/fmc_config/v1/x`,
    );
    // Another host in a link never gets the token: the path goes to the session's origin.
    expect(resolveFmcUrl('https://evil.example/v1/cdfmc/api/x', gateway, CDFMC_PREFIX.gateway)).toBe(
      `${gateway}/firewall/v1/cdfmc/api/x`,
    );
    // On-prem links are unchanged.
    expect(resolveFmcUrl('https://10.0.0.1:16286/api/x?y=1', 'https://fmc.example.com')).toBe(
      'https://fmc.example.com/api/x?y=1',
    );
  });

  it('reads both version forms', () => {
    expect(versionNumber('7.2.4 (build 169)')).toBe('7.2.4');
    expect(versionNumber('10.0.0-build 7056')).toBe('10.0.0');
    expect(versionNumber('7.7.10-build 1248')).toBe('7.7.10');
    expect(versionNumber(' 6.7.0 ')).toBe('6.7.0');
    expect(versionNumber('unknown')).toBe('unknown');
  });
});
