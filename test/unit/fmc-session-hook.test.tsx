// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useFmcSession } from '../../components/popup/useFmcSession';
import { BrowserSessionTokenStore } from '../../lib/platform/token-store';

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
afterEach(() => render(null, container));

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
});
