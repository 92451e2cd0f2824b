// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useFmcSession } from '../../components/popup/useFmcSession';
import type { StoredSession } from '../../lib/fmc/session';
import { BrowserSessionTokenStore, STORAGE } from '../../lib/platform/storage';

const ORIGIN = 'https://fmc.example.com';
const session = {
  username: 'api-user',
  accessToken: 'a',
  refreshToken: 'r',
  issuedAt: 1,
  refreshCount: 0,
  loginDomainUuid: 'g',
  domains: [{ uuid: 'g', name: 'Global' }],
  domainUuid: 'g',
};

let container: HTMLElement;
let seen: unknown[];

function Probe() {
  const [value] = useFmcSession(ORIGIN);
  seen.push(value);
  return null;
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  seen = [];
});
afterEach(() => {
  render(null, container);
  vi.restoreAllMocks();
});

describe('useFmcSession', () => {
  it('follows this FMC’s tokens and ignores the diagnosis progress written beside them', async () => {
    const load = vi.spyOn(BrowserSessionTokenStore.prototype, 'load');
    await act(() => render(<Probe />, container));
    await settle();
    expect(seen.at(-1)).toBeNull();
    const readsAfterMount = load.mock.calls.length;

    await act(() => fakeBrowser.storage.session.set({ [`diagnosis:${ORIGIN}`]: { status: 'running' } }));
    await act(() => fakeBrowser.storage.session.set({ 'fmc-session:https://other.example.com': session }));
    await settle();
    expect(load.mock.calls.length).toBe(readsAfterMount);

    await act(() => new BrowserSessionTokenStore().save(ORIGIN, session));
    await settle();
    expect(seen.at(-1)).toMatchObject({ username: 'api-user' });
  });

  it('never lets a slow first read overwrite the session a change delivered meanwhile', async () => {
    let answer: (value: StoredSession | undefined) => void = () => undefined;
    const read = vi
      .spyOn(STORAGE.tokens(ORIGIN), 'read')
      .mockReturnValue(new Promise((resolve) => (answer = resolve)));
    await act(() => render(<Probe />, container));
    expect(read).toHaveBeenCalledOnce();
    expect(seen.at(-1)).toBeUndefined();

    // Another page signs in while this one's first read is still under way.
    await act(() => new BrowserSessionTokenStore().save(ORIGIN, session));
    await settle();
    expect(seen.at(-1)).toMatchObject({ username: 'api-user' });

    // The read answers at last, with what storage held before the sign-in: it is dropped.
    await act(async () => answer(undefined));
    await settle();
    expect(seen.at(-1)).toMatchObject({ username: 'api-user' });
  });
});
