import { describe, expect, it } from 'vitest';
import { findHealthPolicyLink, HEALTH_POLICY_ROUTES, healthPolicyFallback } from '../../lib/detect';
import { loadFixture, loadHtml } from '../fixtures/detect/load';

describe('findHealthPolicyLink', () => {
  it('takes Policy from the Health submenu of nested lists, not the one under Users', () => {
    expect(findHealthPolicyLink(loadFixture('nav-nested-lists.html'))).toBe(
      'https://fmc.example.com/sys/hp?list=1',
    );
  });

  it('takes Policy from the Health column of a hidden mega menu, not the one under Users', () => {
    expect(findHealthPolicyLink(loadFixture('nav-mega-menu.html'))).toBe(
      'https://fmc.example.com/ddd/#Route42',
    );
  });

  it('reads French menus labelled by aria-labelledby, taking Stratégie under Intégrité only', () => {
    expect(findHealthPolicyLink(loadFixture('nav-fr.html'))).toBe('https://fmc.example.com/ddd/#R7');
  });

  it('reads a Japanese menu: ポリシー under ヘルス', () => {
    const doc = loadFixture('forms/localized.html');
    expect(findHealthPolicyLink(doc)).toBe('https://fmc.example.com/health/policy');
    const users = loadHtml(
      '<ul><li>ユーザー<ul><li><a href="/users/policy">ポリシー</a></li></ul></li></ul>',
    );
    expect(findHealthPolicyLink(users)).toBeNull();
  });

  it('is null when the menus have no Health > Policy entry, whatever other Policy links exist', () => {
    expect(findHealthPolicyLink(loadFixture('nav-without-policy.html'))).toBeNull();
  });

  it('refuses javascript:, data:, another origin and a protocol-relative host', () => {
    expect(findHealthPolicyLink(loadFixture('nav-hostile.html'))).toBeNull();
  });

  it('skips a refused link and takes the next good one', () => {
    const doc = loadHtml(
      '<ul aria-label="Health"><li><a href="javascript:alert(1)">Policy</a></li><li><a href="/hp">Policy</a></li></ul>',
    );
    expect(findHealthPolicyLink(doc)).toBe('https://fmc.example.com/hp');
  });

  it('refuses a relative link that a <base> sends to another origin', () => {
    const doc = loadHtml(
      '<head><base href="https://evil.example/"></head><ul aria-label="Health"><li><a href="hp">Policy</a></li></ul>',
    );
    expect(findHealthPolicyLink(doc)).toBeNull();
  });

  it('takes a link whose text, href, title or aria-label names the health policy', () => {
    const cases: [string, string][] = [
      ['<a href="/x/1">Health Policy</a>', 'https://fmc.example.com/x/1'],
      ['<a href="/ddd/#HealthPolicy">Policy</a>', 'https://fmc.example.com/ddd/#HealthPolicy'],
      ['<a href="/x/2" aria-label="Health policy"><i class="icon"></i></a>', 'https://fmc.example.com/x/2'],
      ['<a href="/x/3" title="Health Policy">Policy</a>', 'https://fmc.example.com/x/3'],
    ];
    for (const [html, url] of cases) expect(findHealthPolicyLink(loadHtml(html)), html).toBe(url);
  });

  it('ignores a help link whose href mentions the health policy but whose text is something else', () => {
    expect(findHealthPolicyLink(loadHtml('<a href="/help/health-policy.html">Learn more</a>'))).toBeNull();
  });

  it('ignores a bare Policy link outside any Health menu', () => {
    expect(findHealthPolicyLink(loadHtml('<main><p><a href="/p">Policy</a></p></main>'))).toBeNull();
  });

  // Issue 18: Cisco's Network as Code FMC data model places the page at Troubleshooting > Health > Policy for
  // current releases (https://netascode.cisco.com/docs/data_models/fmc/policies/health_policy); its markup is
  // unknown, so the forms below vary it. Each has a Policy under Users first, which must never be taken.
  it.each([
    [
      'nested submenus',
      '<ul><li><a href="#">Troubleshooting</a><ul><li><a href="#">Health</a><ul>' +
        '<li><a href="/ddd/#HealthMonitor">Monitor</a></li><li><a href="/ddd/#R1">Policy</a></li></ul></li></ul></li></ul>',
    ],
    [
      'a Troubleshooting menu whose Health group title is an item without a link',
      '<ul aria-label="Troubleshooting"><li class="group-title">Health</li>' +
        '<li><a href="/ddd/#HealthMonitor">Monitor</a></li><li><a href="/ddd/#R1">Policy</a></li></ul>',
    ],
    [
      'a Troubleshooting column with a Health heading',
      '<div role="menu" aria-label="Troubleshooting"><div class="col"><span class="heading">Health</span>' +
        '<a href="/ddd/#HealthMonitor">Monitor</a><a href="/ddd/#R1">Policy</a></div></div>',
    ],
  ])('takes Troubleshooting > Health > Policy: %s', (_form, menu) => {
    const users =
      '<ul aria-label="Users"><li class="group-title">Users</li><li><a href="/users/p">Policy</a></li></ul>';
    expect(findHealthPolicyLink(loadHtml(users + menu))).toBe('https://fmc.example.com/ddd/#R1');
  });

  it('does not take a Policy under Troubleshooting that no Health label covers', () => {
    const doc = loadHtml(
      '<ul aria-label="Troubleshooting"><li class="group-title">Logs</li><li><a href="/logs/p">Policy</a></li></ul>',
    );
    expect(findHealthPolicyLink(doc)).toBeNull();
  });

  it('returns an absolute URL', () => {
    const url = findHealthPolicyLink(
      loadHtml('<a href="../hp?x=1#top">Health Policy</a>', 'https://fmc.example.com/ddd/a/'),
    );
    expect(url).toBe('https://fmc.example.com/ddd/hp?x=1#top');
  });
});

describe('healthPolicyFallback', () => {
  const origin = 'https://fmc.example.com';

  it('keeps its routes in one table, newest first, with a route for every version', () => {
    expect(HEALTH_POLICY_ROUTES[0].sinceMajor).toBeGreaterThan(HEALTH_POLICY_ROUTES.at(-1)?.sinceMajor ?? 0);
    expect(HEALTH_POLICY_ROUTES.at(-1)?.sinceMajor).toBe(0);
  });

  it('uses the /ddd/ hash route from 7.0 on', () => {
    expect(healthPolicyFallback(origin, '7.2.4')).toBe('https://fmc.example.com/ddd/#HealthPolicy');
    expect(healthPolicyFallback(origin, '10.0')).toBe('https://fmc.example.com/ddd/#HealthPolicy');
  });

  it('uses the older route before 7.0', () => {
    expect(healthPolicyFallback(origin, '6.6.5')).toBe('https://fmc.example.com/health/policy');
  });

  it('uses the newest route when the version is unknown or unreadable', () => {
    expect(healthPolicyFallback(origin, null)).toBe('https://fmc.example.com/ddd/#HealthPolicy');
    expect(healthPolicyFallback(origin, 'unknown')).toBe('https://fmc.example.com/ddd/#HealthPolicy');
  });

  it('takes only the origin of what it is given', () => {
    expect(healthPolicyFallback('https://fmc.example.com:8443/ddd/#SensorList', '7.2')).toBe(
      'https://fmc.example.com:8443/ddd/#HealthPolicy',
    );
  });

  it('throws on an origin that is not a web origin', () => {
    expect(() => healthPolicyFallback('not a url', '7.2')).toThrow(TypeError);
    expect(() => healthPolicyFallback('file:///etc/passwd', '7.2')).toThrow(TypeError);
  });
});
