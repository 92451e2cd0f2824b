import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { StoredSession } from '../../lib/fmc/session';
import { BrowserSessionTokenStore } from '../../lib/platform/storage';

const SESSION: StoredSession = {
  username: 'api-user',
  accessToken: 'access',
  refreshToken: 'refresh',
  issuedAt: 1,
  refreshCount: 2,
  loginDomainUuid: 'g',
  domains: [{ uuid: 'g', name: 'Global' }],
  domainUuid: 'g',
};

describe('BrowserSessionTokenStore', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps tokens per FMC origin in storage.session only', async () => {
    const store = new BrowserSessionTokenStore();
    await store.save('https://fmc-a.example', SESSION);
    expect(await store.load('https://fmc-a.example')).toEqual(SESSION);
    expect(await store.load('https://fmc-b.example')).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({
      'fmc-session:https://fmc-a.example': SESSION,
    });
  });

  it('forgets them on clear, and ignores a stored value of another shape', async () => {
    const store = new BrowserSessionTokenStore();
    await store.save('https://fmc-a.example', SESSION);
    await store.clear('https://fmc-a.example');
    expect(await store.load('https://fmc-a.example')).toBeUndefined();
    await fakeBrowser.storage.session.set({ 'fmc-session:https://fmc-a.example': { accessToken: 1 } });
    expect(await store.load('https://fmc-a.example')).toBeUndefined();
  });
});
