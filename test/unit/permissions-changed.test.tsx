// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { usePermissionsChanged } from '../../components/common/usePermissionsChanged';
import { useEnabledOrigins } from '../../components/options/useEnabledOrigins';

type Listener = () => void;

/** fakeBrowser's permissions events are not implemented: a minimal event that keeps its listeners. */
function stubEvent(event: typeof fakeBrowser.permissions.onAdded) {
  const listeners = new Set<Listener>();
  vi.spyOn(event, 'addListener').mockImplementation((listener) => void listeners.add(listener as Listener));
  vi.spyOn(event, 'removeListener').mockImplementation(
    (listener) => void listeners.delete(listener as Listener),
  );
  return {
    listeners,
    fire: () =>
      act(() => {
        for (const listener of listeners) listener();
      }),
  };
}

let added: ReturnType<typeof stubEvent>;
let removed: ReturnType<typeof stubEvent>;
let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  added = stubEvent(fakeBrowser.permissions.onAdded);
  removed = stubEvent(fakeBrowser.permissions.onRemoved);
  container = document.createElement('div');
});

afterEach(() => {
  render(null, container);
  vi.restoreAllMocks();
});

/** Lets pending promises (the permission reads) settle and Preact re-render. */
const settle = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

function Probe({ refresh, dep }: { refresh: () => void; dep: string }) {
  usePermissionsChanged(refresh, [dep]);
  return null;
}

describe('usePermissionsChanged', () => {
  it('refreshes on mount and on every grant or revocation', async () => {
    const refresh = vi.fn();
    await act(() => render(<Probe refresh={refresh} dep="a" />, container));
    expect(refresh).toHaveBeenCalledTimes(1);
    await added.fire();
    await removed.fire();
    expect(refresh).toHaveBeenCalledTimes(3);
  });

  it('refreshes again when its deps change, listening once, and stops listening on unmount', async () => {
    const refresh = vi.fn();
    await act(() => render(<Probe refresh={refresh} dep="a" />, container));
    await act(() => render(<Probe refresh={refresh} dep="a" />, container));
    expect(refresh).toHaveBeenCalledTimes(1);
    await act(() => render(<Probe refresh={refresh} dep="b" />, container));
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(added.listeners.size).toBe(1);
    expect(removed.listeners.size).toBe(1);

    await act(() => render(null, container));
    expect(added.listeners.size).toBe(0);
    expect(removed.listeners.size).toBe(0);
    await added.fire();
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});

describe('useEnabledOrigins', () => {
  function Origins() {
    return <p>{useEnabledOrigins().join(' ')}</p>;
  }

  it('shows the granted FMC origins, sorted, and follows grants and revocations', async () => {
    let origins = ['https://fmc-b.example/*', '<all_urls>', 'https://fmc-a.example/*'];
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...origins] }));
    await act(() => render(<Origins />, container));
    await settle();
    expect(container.textContent).toBe('https://fmc-a.example/* https://fmc-b.example/*');

    origins = ['https://fmc-b.example/*'];
    await removed.fire();
    await settle();
    expect(container.textContent).toBe('https://fmc-b.example/*');
    origins = ['https://fmc-b.example/*', 'https://fmc-c.example/*'];
    await added.fire();
    await settle();
    expect(container.textContent).toBe('https://fmc-b.example/* https://fmc-c.example/*');
  });
});
