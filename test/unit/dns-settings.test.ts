import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  DEFAULT_DOH,
  DOH_PRESETS,
  DohSettingsSchema,
  MALWARE_CLOUD_HOSTS,
  presetFor,
  requiredHosts,
  validateResolverUrl,
} from '../../lib/dns/settings';
import { REGIONS } from '../../lib/knowledge/regions';
import {
  currentResolver,
  firefoxDnsApi,
  readDohSettings,
  resetDohSettings,
  writeDohSettings,
} from '../../lib/platform/resolver-setting';

describe('resolver addresses', () => {
  it('accept https, and http on loopback only', () => {
    expect(validateResolverUrl(' https://dns.example.com/dns-query ')).toEqual({
      ok: true,
      url: 'https://dns.example.com/dns-query',
    });
    expect(validateResolverUrl('http://127.0.0.1:8053/dns-query').ok).toBe(true);
    expect(validateResolverUrl('http://localhost:8053/dns-query').ok).toBe(true);
    expect(validateResolverUrl('http://[::1]:8053/dns-query').ok).toBe(true);
    expect(validateResolverUrl('http://dns.example.com/dns-query')).toEqual({
      ok: false,
      problem: 'not-https',
    });
    expect(validateResolverUrl('http://127.0.0.1.nip.io/dns-query')).toEqual({
      ok: false,
      problem: 'not-https',
    });
    expect(validateResolverUrl('ftp://dns.example.com/')).toEqual({ ok: false, problem: 'not-https' });
  });

  it('refuse credentials and non-URLs', () => {
    expect(validateResolverUrl('https://me:secret@dns.example.com/')).toEqual({
      ok: false,
      problem: 'credentials',
    });
    expect(validateResolverUrl('https://token@dns.example.com/')).toEqual({
      ok: false,
      problem: 'credentials',
    });
    expect(validateResolverUrl('dns.example.com/dns-query')).toEqual({ ok: false, problem: 'not-a-url' });
  });

  it('take the URI templates resolver lists publish, and drop fragments', () => {
    expect(validateResolverUrl('https://dns.example.com/dns-query{?dns}')).toEqual({
      ok: true,
      url: 'https://dns.example.com/dns-query',
    });
    expect(validateResolverUrl('https://dns.example.com/q#x')).toEqual({
      ok: true,
      url: 'https://dns.example.com/q',
    });
  });

  it('are all valid in the presets, the default among them', () => {
    for (const preset of DOH_PRESETS)
      expect(DohSettingsSchema.safeParse(preset).success, preset.id).toBe(true);
    expect(presetFor(DEFAULT_DOH)?.operator).toBe('Cloudflare');
    expect(new Set(DOH_PRESETS.map((preset) => preset.id)).size).toBe(DOH_PRESETS.length);
    expect(DohSettingsSchema.safeParse({ url: 'http://dns.example.com/', format: 'json' }).success).toBe(
      false,
    );
    expect(DohSettingsSchema.safeParse({ url: DEFAULT_DOH.url, format: 'xml' }).success).toBe(false);
  });
});

describe('requiredHosts', () => {
  it('lists the US region’s hosts, then the malware cloud, without patterns', () => {
    expect(requiredHosts('api-sse.cisco.com')).toEqual([
      'api-sse.cisco.com',
      'dex.sse.itd.cisco.com',
      'eventing-ingest.sse.itd.cisco.com',
      'registration.us.sse.itd.cisco.com',
      ...MALWARE_CLOUD_HOSTS,
    ]);
  });

  it('adds the discovery host api-sse.cisco.com to other regions', () => {
    const eu = requiredHosts('API.EU.sse.itd.cisco.com.');
    expect(eu.slice(0, 2)).toEqual(['api.eu.sse.itd.cisco.com', 'api-sse.cisco.com']);
    expect(eu).toContain('registration.eu.sse.itd.cisco.com');
    expect(eu.some((name) => name.includes('*'))).toBe(false);
  });

  it('covers every region and keeps each name once', () => {
    for (const region of REGIONS) {
      const hosts = requiredHosts(region.apiHost);
      expect(hosts[0]).toBe(region.apiHost);
      expect(new Set(hosts).size).toBe(hosts.length);
      for (const host of region.otherHosts.filter((h) => !h.includes('*'))) expect(hosts).toContain(host);
    }
  });

  it('still checks an API host no region knows', () => {
    expect(requiredHosts('api.new.sse.itd.cisco.com')[0]).toBe('api.new.sse.itd.cisco.com');
  });
});

describe('the stored resolver', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is the default until the user picks one', async () => {
    expect(await readDohSettings()).toEqual(DEFAULT_DOH);
  });

  it('reads back what was written, normalised, in storage.local', async () => {
    const written = await writeDohSettings({
      url: ' https://doh.corp.example/dns-query{?dns} ',
      format: 'wire',
    });
    expect(written).toEqual({
      ok: true,
      settings: { url: 'https://doh.corp.example/dns-query', format: 'wire' },
    });
    expect(await readDohSettings()).toEqual({ url: 'https://doh.corp.example/dns-query', format: 'wire' });
    expect(await fakeBrowser.storage.local.get('dnsResolver')).toEqual({
      dnsResolver: { url: 'https://doh.corp.example/dns-query', format: 'wire' },
    });
  });

  it('refuses an invalid address and keeps the previous one', async () => {
    await writeDohSettings({ url: 'https://doh.corp.example/dns-query', format: 'json' });
    expect(await writeDohSettings({ url: 'http://doh.corp.example/dns-query', format: 'json' })).toEqual({
      ok: false,
      problem: 'not-https',
    });
    expect((await readDohSettings()).url).toBe('https://doh.corp.example/dns-query');
  });

  it('falls back to the default when storage holds something invalid, and after a reset', async () => {
    await fakeBrowser.storage.local.set({ dnsResolver: { url: 'http://evil.example/', format: 'json' } });
    expect(await readDohSettings()).toEqual(DEFAULT_DOH);
    await writeDohSettings({ url: 'https://doh.corp.example/', format: 'json' });
    await resetDohSettings();
    expect(await readDohSettings()).toEqual(DEFAULT_DOH);
  });

  it('is DoH in Chromium, Firefox’s resolver where browser.dns is usable', async () => {
    await writeDohSettings({ url: 'https://doh.corp.example/dns-query', format: 'wire' });
    // The test build is a Chromium one: fakeBrowser's not-implemented dns stub must not be picked up.
    expect(firefoxDnsApi()).toBeUndefined();
    expect(await currentResolver()).toMatchObject({
      kind: 'doh-wire',
      label: 'https://doh.corp.example/dns-query',
    });

    const dns = { resolve: async () => ({ addresses: ['192.0.2.1'] }) };
    expect(firefoxDnsApi({ dns }, true)).toBe(dns);
    expect(firefoxDnsApi({}, true)).toBeUndefined();
    expect(firefoxDnsApi({ dns }, false)).toBeUndefined();
    expect((await currentResolver({ dnsApi: dns })).kind).toBe('system');
    expect((await currentResolver({ dnsApi: dns, preferDoh: true })).kind).toBe('doh-wire');
  });
});
