// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://fmc.example.com/ddd/#MonitorHealth"}
import fc from 'fast-check';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { FailingDevices } from '../../components/popup/FailingDevices';
import { diagnose } from '../../lib/diagnose';
import { DEFAULT_DOH } from '../../lib/dns/settings';
import type { StoredSession } from '../../lib/fmc/session';
import { resolveHealthPolicy, resolveHealthPolicyOffPage } from '../../lib/page/health-policy';
import { readDohSettings } from '../../lib/platform/resolver-setting';
import {
  BrowserSessionTokenStore,
  readDiagnosisState,
  readHealthPolicyOverride,
  readHealthPolicyOverrides,
  readManagedOrigins,
  readRateOverride,
  readRememberedUsername,
  watchDiagnosisState,
} from '../../lib/platform/storage';
import type { DiagnosisState } from '../../lib/protocol/diagnosis-state';
import { branchFleet, failing, fleet, shown } from '../fixtures/diagnose/build';
import { stubI18n } from './support/i18n-stub';

/**
 * Storage edited behind the extension's back (by hand in the browser's devtools, by another program on the
 * profile, or by a compromised page of ours): every reader ignores what it did not write, or falls back to
 * its default; none throws, and no stored text ever becomes markup.
 */
const FMC = 'https://fmc.example.com';
const PATTERN = 'https://fmc.example.com/*';
const HOSTILE = '<img src=x onerror="globalThis.pwned=1"><script>globalThis.pwned=1</script>';

/** Values a hand-edited store can hold: every JSON type, and a few that look almost right. */
const CORRUPT: [string, unknown][] = [
  ['null', null],
  ['true', true],
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['an empty string', ''],
  ['a word', 'oops'],
  ['markup', HOSTILE],
  ['an empty list', []],
  ['a list of URLs', ['https://fmc.example.com/x']],
  ['an empty object', {}],
  ['an object with a prototype', { __proto__: { polluted: true } }],
  ['a parsed "__proto__" key', JSON.parse('{"__proto__": {"polluted": true}}')],
  ['a nested list', { [PATTERN]: ['nested'] }],
];
/** A short label for a test title: the value itself may be kilobytes long. */
const label = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Anything JSON can hold, and then some. */
const anyValue = fc.oneof(fc.jsonValue(), fc.anything());

const SESSION: StoredSession = {
  username: 'api-user',
  accessToken: 'access',
  refreshToken: 'refresh',
  issuedAt: 1,
  refreshCount: 0,
  loginDomainUuid: 'g',
  domains: [{ uuid: 'g', name: 'Global' }],
  domainUuid: 'g',
};

const DONE: DiagnosisState = {
  status: 'done',
  startedAt: 1,
  finishedAt: 2,
  diagnosis: diagnose(branchFleet()),
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('storage.local: health policy overrides', () => {
  it.each(CORRUPT)('a store holding %s reads as no override', async (_, value) => {
    await fakeBrowser.storage.local.set({ healthPolicyOverrides: value });
    const overrides = await readHealthPolicyOverrides();
    expect(Object.values(overrides).every((v) => typeof v === 'string')).toBe(true);
    expect(overrides).not.toHaveProperty('polluted');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const override = await readHealthPolicyOverride(PATTERN);
    expect(override === undefined || typeof override === 'string').toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/ddd/#HealthPolicy',
    '//evil.example/x',
    HOSTILE,
  ])('an override of %s never leaves the FMC, in the hint nor in the report', async (url) => {
    await fakeBrowser.storage.local.set({ healthPolicyOverrides: { [PATTERN]: url } });
    const override = await readHealthPolicyOverride(PATTERN);
    const hint = resolveHealthPolicy(document, override);
    expect(new URL(hint.url).origin).toBe(FMC);
    const report = resolveHealthPolicyOffPage(FMC, '7.2.5', override);
    expect(new URL(report.url).origin).toBe(FMC);
  });

  it('never throws, whatever the store holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set({ healthPolicyOverrides: value });
        const overrides = await readHealthPolicyOverrides();
        for (const v of Object.values(overrides)) expect(typeof v).toBe('string');
        await readHealthPolicyOverride(PATTERN);
      }),
      { numRuns: 200 },
    );
  });
});

describe('storage.local: request rate, remembered user name', () => {
  it.each([...CORRUPT, '120', 0, 1001, 1e9, Number.NaN, Number.POSITIVE_INFINITY, { value: 120 }])(
    'a rate of %j reads as none (follow the FMC version)',
    async (value) => {
      await fakeBrowser.storage.local.set({ fmcRequestsPerMinute: value });
      expect(await readRateOverride()).toBeNull();
    },
  );

  it('a stored rate in range is used', async () => {
    await fakeBrowser.storage.local.set({ fmcRequestsPerMinute: 60 });
    expect(await readRateOverride()).toBe(60);
  });

  it.each(CORRUPT.map((value) => [value]))(
    'user names stored as %j read as text or nothing',
    async (value) => {
      await fakeBrowser.storage.local.set({ fmcUsernames: value });
      expect(typeof (await readRememberedUsername(FMC))).toBe('string');
      await fakeBrowser.storage.local.set({ fmcUsernames: { [FMC]: value } });
      const name = await readRememberedUsername(FMC);
      expect(name).toBe(typeof value === 'string' ? value : '');
    },
  );

  it('never throws, whatever the stores hold', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, anyValue, async (rate, names) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.local.set({ fmcRequestsPerMinute: rate, fmcUsernames: names });
        const r = await readRateOverride();
        expect(r === null || (Number.isInteger(r) && r >= 1 && r <= 1000)).toBe(true);
        expect(typeof (await readRememberedUsername(FMC))).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('storage.managed: pre-set FMC addresses', () => {
  it('keeps only strings, whatever the policy holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.managed.set({ fmcOrigins: value });
        const origins = await readManagedOrigins();
        expect(Array.isArray(origins)).toBe(true);
        for (const origin of origins) expect(typeof origin).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('storage.local: DNS-over-HTTPS resolver', () => {
  it.each([
    ...CORRUPT,
    ...[
      { url: 'javascript:alert(1)', format: 'json' },
      { url: 'http://doh.evil.example/dns-query', format: 'json' },
      { url: 'https://user:secret@doh.example/dns-query', format: 'json' },
      { url: 'file:///etc/hosts', format: 'wire' },
      { url: 'https://doh.example/dns-query', format: 'xml' },
      { url: 'https://doh.example/dns-query' },
      { url: ['https://doh.example/dns-query'], format: 'json' },
    ].map((value) => [label(value), value] as [string, unknown]),
  ])('a stored resolver of %s reads as the default', async (_, value) => {
    await fakeBrowser.storage.local.set({ dnsResolver: value });
    expect(await readDohSettings()).toEqual(DEFAULT_DOH);
  });

  it('never throws, and only ever gives an https resolver (or http on loopback)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyValue, fc.record({ url: fc.webUrl(), format: fc.constantFrom('json', 'wire', 'x') })),
        async (value) => {
          fakeBrowser.reset();
          await fakeBrowser.storage.local.set({ dnsResolver: value });
          const { url, format } = await readDohSettings();
          const parsed = new URL(url);
          expect(
            parsed.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname),
          ).toBe(true);
          expect(parsed.username + parsed.password).toBe('');
          expect(['json', 'wire']).toContain(format);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('storage.session: FMC API tokens', () => {
  const store = new BrowserSessionTokenStore();
  const key = `fmc-session:${FMC}`;

  it('reads back what it wrote', async () => {
    await store.save(FMC, SESSION);
    expect(await store.load(FMC)).toEqual(SESSION);
  });

  it.each([
    ...CORRUPT,
    ['no user name', { ...SESSION, username: undefined }],
    ['a numeric token', { ...SESSION, accessToken: 42 }],
    ['a token list', { ...SESSION, refreshToken: ['a', 'b'] }],
    ['a text issue time', { ...SESSION, issuedAt: '1' }],
    ['an infinite refresh count', { ...SESSION, refreshCount: Number.POSITIVE_INFINITY }],
    ['a negative refresh count', { ...SESSION, refreshCount: -1 }],
    ['no login domain', { ...SESSION, loginDomainUuid: null }],
    ['domains that are not a list', { ...SESSION, domains: 'Global' }],
    ['a null domain', { ...SESSION, domains: [null] }],
    ['a domain without a name', { ...SESSION, domains: [{ uuid: 'g' }] }],
    ['a domain with markup for a name', { ...SESSION, domains: [{ uuid: 'g', name: { html: HOSTILE } }] }],
  ])('ignores a session: %s', async (_, value) => {
    await fakeBrowser.storage.session.set({ [key]: value });
    expect(await store.load(FMC)).toBeUndefined();
  });

  it('never throws, whatever storage.session holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.session.set({ [key]: value });
        const loaded = await store.load(FMC);
        expect(loaded === undefined || typeof loaded.accessToken === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('storage.session: diagnosis state', () => {
  const key = `diagnosis:${FMC}`;
  const device = () => structuredClone(DONE.diagnosis?.devices[0]) as unknown as Record<string, unknown>;
  const withDevice = (patch: Record<string, unknown>) => ({
    ...DONE,
    diagnosis: { ...DONE.diagnosis, devices: [{ ...device(), ...patch }] },
  });

  it('reads back a real diagnosis, running state and error state', async () => {
    for (const state of [
      DONE,
      { status: 'running', startedAt: 1, progress: { done: 1, expected: 9, etaMs: 100 } },
      { status: 'error', startedAt: 1, error: { code: 'network', message: { en: 'x', fr: 'y' } } },
      { status: 'signed-out', startedAt: 1, finishedAt: 2 },
    ]) {
      await fakeBrowser.storage.session.set({ [key]: state });
      expect(await readDiagnosisState(FMC)).toEqual(state);
    }
  });

  it.each([
    ...CORRUPT,
    ['an unknown status', { ...DONE, status: 'pwned' }],
    ['no start time', { ...DONE, startedAt: undefined }],
    ['a diagnosis that is text', { ...DONE, diagnosis: HOSTILE }],
    ['another schema', { ...DONE, diagnosis: { ...DONE.diagnosis, schema: 'other@1' } }],
    ['devices that are not a list', { ...DONE, diagnosis: { ...DONE.diagnosis, devices: {} } }],
    ['a null device', { ...DONE, diagnosis: { ...DONE.diagnosis, devices: [null] } }],
    ['an unknown verdict', withDevice({ verdict: 'owned' })],
    ['a device name that is markup', withDevice({ name: { __html: HOSTILE } })],
    ['evidence that is a number', withDevice({ evidence: 5 })],
    [
      'a runbook command that is not text',
      withDevice({
        runbook: [{ id: 'x', text: { en: '', fr: '' }, commands: [{ command: 1, shell: 'cli' }] }],
      }),
    ],
    [
      'a runbook step in one language',
      withDevice({ runbook: [{ id: 'x', text: { en: 'only' }, commands: [] }] }),
    ],
    ['flags that are text', { ...DONE, diagnosis: { ...DONE.diagnosis, flags: 'x' } }],
    ['progress as text', { status: 'running', startedAt: 1, progress: '50%' }],
    ['an error message as markup', { status: 'error', startedAt: 1, error: { code: 'x', message: HOSTILE } }],
  ])('reads a state as none: %s', async (_, value) => {
    await fakeBrowser.storage.session.set({ [key]: value });
    expect(await readDiagnosisState(FMC)).toBeUndefined();
  });

  it('tells a watcher "none" when a change writes something else', async () => {
    const seen: unknown[] = [];
    const stop = watchDiagnosisState(FMC, (state) => seen.push(state));
    await fakeBrowser.storage.session.set({ [key]: { status: 'done', diagnosis: 5 } });
    await fakeBrowser.storage.session.set({ [key]: DONE });
    stop();
    expect(seen).toEqual([undefined, DONE]);
  });

  it('never throws, whatever storage.session holds', async () => {
    await fc.assert(
      fc.asyncProperty(anyValue, async (value) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.session.set({ [key]: value });
        const state = await readDiagnosisState(FMC);
        expect(state === undefined || typeof state.status === 'string').toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('renders a stored diagnosis with markup in its text as text', async () => {
    stubI18n('en');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    const hostile = diagnose(
      fleet([failing('f-1', shown({ dns: [] }), { name: HOSTILE, version: HOSTILE })]),
    );
    await fakeBrowser.storage.session.set({ [key]: { status: 'done', startedAt: 1, diagnosis: hostile } });
    const state = await readDiagnosisState(FMC);
    expect(state?.diagnosis).toBeDefined();
    const container = document.createElement('div');
    document.body.append(container);
    await act(async () => {
      if (state?.diagnosis)
        render(
          h(FailingDevices, { diagnosis: state.diagnosis, origin: 'https://fmc.example', lang: 'en' }),
          container,
        );
    });
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    render(null, container);
    vi.restoreAllMocks();
  });
});
