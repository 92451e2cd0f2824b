// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HINT_ATTRIBUTE } from '../../lib/page/hint-controller';
import { type MutationBatch, watchMutations } from '../../lib/page/mutation-batcher';

/** The content script's own filter (entrypoints/content.ts). */
const ignoreHints = (node: Node) =>
  node.nodeType === Node.ELEMENT_NODE && (node as Element).hasAttribute(HINT_ATTRIBUTE);

/** Animation frames held until the test runs them. */
let frames: Map<number, FrameRequestCallback>;
let stop: (() => void) | undefined;

beforeEach(() => {
  document.body.innerHTML = `
    <table><tbody id="rows">
      <tr id="r1"><td id="c1">Threat Data Updates - Cisco Cloud Configuration - Success</td></tr>
      <tr id="r2"><td id="c2">Threat Data Updates - SI DNS Lists and Feeds - Success</td></tr>
    </tbody></table>`;
  frames = new Map();
  let next = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
    frames.set(++next, callback);
    return next;
  });
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => {
    frames.delete(id);
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function watch() {
  const batches: MutationBatch[] = [];
  stop = watchMutations(document, (batch) => batches.push(batch), ignoreHints);
  return batches;
}

/** Lets the MutationObserver deliver its records (a microtask). */
const delivered = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());

function runFrames() {
  const pending = [...frames.values()];
  frames.clear();
  for (const callback of pending) callback(0);
}

const el = (id: string) => document.getElementById(id) as HTMLElement;

function hintHost(id = 'cloud-configuration') {
  const host = document.createElement('fmc-cloud-doctor-hint');
  host.setAttribute(HINT_ATTRIBUTE, id);
  return host;
}

describe('watchMutations', () => {
  it('hands several mutations of one tick over as one batch, on the next animation frame', async () => {
    const batches = watch();
    el('c1').textContent = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
    const span = el('c2').appendChild(document.createElement('span'));
    const row = document.createElement('tr');
    el('rows').append(row);
    await delivered();

    expect(batches).toHaveLength(0);
    expect(frames.size).toBe(1);
    runFrames();

    expect(batches).toHaveLength(1);
    // New text is reported by its element; a new element by itself, not by its parent (the table).
    expect(batches[0]?.targets).toEqual(new Set([el('c1'), span, row]));
  });

  it('names the new rows when an app replaces rows, and a parent that only lost children apart', async () => {
    const batches = watch();
    const fresh = document.createElement('tr');
    el('r1').replaceWith(fresh);
    el('r2').remove();
    await delivered();
    runFrames();
    expect(batches[0]?.targets).toEqual(new Set([fresh]));
    expect(batches[0]?.removedFrom).toEqual(new Set([el('rows')]));
  });

  it('does not hand the same changes over again from the fallback timer', async () => {
    const batches = watch();
    el('c1').textContent = 'changed';
    await delivered();
    runFrames();
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1);
  });

  it('falls back to a timer when no animation frame comes (hidden tab, iframe)', async () => {
    const batches = watch();
    el('c1').textContent = 'changed';
    el('c2').textContent = 'changed too';
    await delivered();

    vi.advanceTimersByTime(249);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.targets).toEqual(new Set([el('c1'), el('c2')]));
    // The frame that never came is cancelled, so it cannot flush an empty batch later.
    expect(frames.size).toBe(0);
  });

  it('reports the element around a changed text node', async () => {
    const batches = watch();
    const text = el('c1').firstChild as Text;
    text.data = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
    await delivered();
    runFrames();
    expect(batches[0]?.targets).toEqual(new Set([el('c1')]));
  });

  it('starts a new batch for changes made after a flush', async () => {
    const batches = watch();
    el('c1').textContent = 'first';
    await delivered();
    runFrames();
    el('c2').textContent = 'second';
    await delivered();
    runFrames();

    expect(batches).toHaveLength(2);
    expect(batches[1]?.targets).toEqual(new Set([el('c2')]));
  });

  it('is not woken up by inserting or removing our own hint hosts', async () => {
    const batches = watch();
    const host = hintHost();
    el('c1').append(host);
    await delivered();
    host.remove();
    await delivered();

    expect(frames.size).toBe(0);
    vi.advanceTimersByTime(1000);
    runFrames();
    expect(batches).toHaveLength(0);
  });

  it('ignores changes inside our hint hosts', async () => {
    const host = hintHost();
    el('c1').append(host);
    const batches = watch();
    host.append(document.createElement('span'));
    host.setAttribute('title', 'x');
    await delivered();
    vi.advanceTimersByTime(1000);
    runFrames();
    expect(batches).toHaveLength(0);
  });

  it('still sees page nodes added together with a hint host', async () => {
    const batches = watch();
    const fragment = document.createDocumentFragment();
    const span = document.createElement('span');
    fragment.append(hintHost(), span);
    el('c2').append(fragment);
    await delivered();
    runFrames();
    expect(batches).toHaveLength(1);
    expect(batches[0]?.targets).toEqual(new Set([span]));
  });

  it('asks for one animation frame for changes delivered in several observer callbacks', async () => {
    const batches = watch();
    el('c1').textContent = 'first';
    await delivered();
    el('c2').textContent = 'second';
    await delivered();

    expect(frames.size).toBe(1);
    runFrames();
    vi.advanceTimersByTime(1000);

    expect(batches).toHaveLength(1);
    expect(batches[0]?.targets).toEqual(new Set([el('c1'), el('c2')]));
  });

  describe('records that mix our hosts with page nodes', () => {
    // Browsers report `innerHTML =` or `replaceChildren()` as one record; happy-dom splits it per node, so
    // these records are handed to the batcher by a stand-in observer.
    let deliver: (records: Partial<MutationRecord>[]) => void;

    beforeEach(() => {
      vi.stubGlobal(
        'MutationObserver',
        class {
          constructor(callback: MutationCallback) {
            deliver = (records) => callback(records as MutationRecord[], this as unknown as MutationObserver);
          }
          observe() {}
          disconnect() {}
          takeRecords() {
            return [];
          }
        },
      );
    });

    afterEach(() => {
      vi.unstubAllGlobals();
    });

    const childList = (target: Node, added: Node[], removed: Node[] = []): Partial<MutationRecord> => ({
      type: 'childList',
      target,
      addedNodes: added as unknown as NodeList,
      removedNodes: removed as unknown as NodeList,
    });

    it('keeps a record that adds page nodes next to a hint host', () => {
      const batches = watch();
      const span = document.createElement('span');
      deliver([childList(el('c1'), [hintHost(), span])]);
      runFrames();
      expect(batches).toHaveLength(1);
      expect(batches[0]?.targets).toEqual(new Set([span]));
    });

    it('keeps a record where the page removes a hint host along with its own nodes', () => {
      const batches = watch();
      deliver([
        childList(
          el('c1'),
          [document.createTextNode('redrawn')],
          [hintHost(), document.createTextNode('old')],
        ),
      ]);
      runFrames();
      expect(batches).toHaveLength(1);
    });

    it('drops a record made only of hint hosts', () => {
      const batches = watch();
      deliver([childList(el('c1'), [hintHost('a')], [hintHost('b')])]);
      expect(frames.size).toBe(0);
      vi.advanceTimersByTime(1000);
      expect(batches).toHaveLength(0);
    });

    it('drops a text change inside a hint host', () => {
      const host = hintHost();
      const text = document.createTextNode('x');
      host.append(text);
      const batches = watch();
      deliver([{ type: 'characterData', target: text }]);
      vi.advanceTimersByTime(1000);
      expect(batches).toHaveLength(0);
    });
  });

  it('stops observing once stopped, and drops a pending batch', async () => {
    const batches = watch();
    el('c1').textContent = 'pending';
    await delivered();
    expect(frames.size).toBe(1);

    stop?.();
    expect(frames.size).toBe(0);
    el('c2').textContent = 'after stop';
    await delivered();
    vi.advanceTimersByTime(1000);
    runFrames();

    expect(batches).toHaveLength(0);
  });

  it('disconnects its MutationObserver on stop', () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    watch();
    stop?.();
    expect(disconnect).toHaveBeenCalledOnce();
  });
});
