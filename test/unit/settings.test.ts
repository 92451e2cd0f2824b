import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  readHealthPolicyOverride,
  readHealthPolicyOverrides,
  readManagedOrigins,
  writeHealthPolicyOverride,
} from '../../lib/platform/storage';

const FMC = 'https://fmc.example.com/*';
const OTHER = 'https://fmc2.example.com/*';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('health policy overrides', () => {
  it('are empty before the user sets one', async () => {
    expect(await readHealthPolicyOverrides()).toEqual({});
    expect(await readHealthPolicyOverride(FMC)).toBeUndefined();
  });

  it('read back what was written, per FMC', async () => {
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/ddd/#HealthPolicy');
    await writeHealthPolicyOverride(OTHER, 'https://fmc2.example.com/health/policy');

    expect(await readHealthPolicyOverride(FMC)).toBe('https://fmc.example.com/ddd/#HealthPolicy');
    expect(await readHealthPolicyOverride(OTHER)).toBe('https://fmc2.example.com/health/policy');
    expect(await readHealthPolicyOverride('https://unknown.example.com/*')).toBeUndefined();
  });

  it('live in storage.local', async () => {
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/x');
    expect(await fakeBrowser.storage.local.get('healthPolicyOverrides')).toEqual({
      healthPolicyOverrides: { [FMC]: 'https://fmc.example.com/x' },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('replace the previous value of the same FMC', async () => {
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/old');
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/new');
    expect(await readHealthPolicyOverrides()).toEqual({ [FMC]: 'https://fmc.example.com/new' });
  });

  it.each([
    ['null', null],
    ['an empty address', ''],
  ])('are deleted by writing %s, leaving the other FMCs alone', async (_, value) => {
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/x');
    await writeHealthPolicyOverride(OTHER, 'https://fmc2.example.com/y');

    await writeHealthPolicyOverride(FMC, value);

    expect(await readHealthPolicyOverride(FMC)).toBeUndefined();
    expect(await readHealthPolicyOverrides()).toEqual({ [OTHER]: 'https://fmc2.example.com/y' });
  });

  it('ignore a stored value that is not a usable string', async () => {
    await fakeBrowser.storage.local.set({ healthPolicyOverrides: { [FMC]: 42, [OTHER]: '' } });
    expect(await readHealthPolicyOverride(FMC)).toBeUndefined();
    expect(await readHealthPolicyOverride(OTHER)).toBeUndefined();
  });

  it('ignore a corrupted store', async () => {
    await fakeBrowser.storage.local.set({ healthPolicyOverrides: 'oops' });
    expect(await readHealthPolicyOverrides()).toEqual({});
    await writeHealthPolicyOverride(FMC, 'https://fmc.example.com/x');
    expect(await readHealthPolicyOverrides()).toEqual({ [FMC]: 'https://fmc.example.com/x' });
  });
});

describe('readManagedOrigins', () => {
  it('reads the fmcOrigins the IT department set', async () => {
    await fakeBrowser.storage.managed.set({ fmcOrigins: ['https://fmc.corp.example', '10.0.0.5'] });
    expect(await readManagedOrigins()).toEqual(['https://fmc.corp.example', '10.0.0.5']);
  });

  it('keeps only the strings', async () => {
    await fakeBrowser.storage.managed.set({
      fmcOrigins: ['https://fmc.corp.example', 7, null, { url: 'x' }, ['nested'], true, '10.0.0.5'],
    });
    expect(await readManagedOrigins()).toEqual(['https://fmc.corp.example', '10.0.0.5']);
  });

  it('is empty when no policy is installed', async () => {
    expect(await readManagedOrigins()).toEqual([]);
  });

  it('is empty when the policy value is not a list', async () => {
    await fakeBrowser.storage.managed.set({ fmcOrigins: 'https://fmc.corp.example' });
    expect(await readManagedOrigins()).toEqual([]);
  });

  it('is empty when storage.managed rejects (Chromium without a policy)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    await expect(readManagedOrigins()).resolves.toEqual([]);
  });
});
