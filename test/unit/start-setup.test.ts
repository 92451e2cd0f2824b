import { describe, expect, it } from 'vitest';
import { ensureStartBrowser } from '../../scripts/setup.mjs';

/** `npm start`'s own set-up (scripts/setup.mjs): Debian's chromium when no Chromium-family browser is there. */
describe('npm start installs a browser when there is none', () => {
  const none = () => null;
  const fake = (over: Parameters<typeof ensureStartBrowser>[0] = {}) => {
    const installed: string[][] = [];
    const lines: string[] = [];
    const ok = ensureStartBrowser({
      env: {},
      find: none,
      executable: () => false,
      mayInstall: () => true,
      install: (packages) => {
        installed.push(packages);
        return true;
      },
      log: (line) => lines.push(line),
      ...over,
    });
    return { ok, installed, lines };
  };

  it("installs Debian's chromium, saying so in one line, as root with apt-get and no browser", () => {
    const { ok, installed, lines } = fake();
    expect(ok).toBe(true);
    expect(installed).toEqual([['chromium']]);
    expect(lines).toEqual([expect.stringContaining("installing Debian's chromium")]);
  });

  it('installs nothing when a browser is on PATH, in CHROMIUM_PATH or where Chrome installs itself', () => {
    expect(
      fake({ find: (name) => (name === 'google-chrome' ? '/usr/bin/google-chrome' : null) }).installed,
    ).toEqual([]);
    expect(
      fake({ env: { CHROMIUM_PATH: '/opt/c/chrome' }, executable: (f) => f === '/opt/c/chrome' }).installed,
    ).toEqual([]);
    expect(fake({ executable: (f) => f === '/opt/google/chrome/chrome' }).installed).toEqual([]);
  });

  it('leaves it to the demo to name what to install when it may not install (not root, or no apt-get)', () => {
    const { ok, installed, lines } = fake({ mayInstall: () => false });
    expect([ok, installed, lines]).toEqual([true, [], []]);
  });

  it('fails when apt-get fails', () => {
    expect(fake({ install: () => false }).ok).toBe(false);
  });
});
