import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CONTENT_SCRIPT_FILE,
  enabledPatterns,
  injectIntoOpenTabs,
  syncContentScript,
} from '../../lib/features/content-script-registration';

type Scripting = typeof fakeBrowser.scripting;
type Script = Parameters<Scripting['registerContentScripts']>[0][number];
type Filter = Parameters<Scripting['getRegisteredContentScripts']>[0];
type Tab = Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number];

const SCRIPT_ID = 'fmc-health-hints';
const BROAD = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*', 'https://*.example.com/*'];

/** A macrotask between the awaits, so unserialised calls would interleave as they do in a browser. */
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** An in-memory `browser.scripting` registry that, like Chromium, refuses a second registration of an id. */
function fakeRegistry() {
  const registered = new Map<string, Script>();
  const getRegisteredContentScripts = vi
    .spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts')
    .mockImplementation(async (filter?: Filter) => {
      await tick();
      return [...registered.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id));
    });
  const registerContentScripts = vi
    .spyOn(fakeBrowser.scripting, 'registerContentScripts')
    .mockImplementation(async (scripts: Script[]) => {
      await tick();
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registered.set(script.id, script);
      }
    });
  const updateContentScripts = vi
    .spyOn(fakeBrowser.scripting, 'updateContentScripts')
    .mockImplementation(async (scripts) => {
      await tick();
      for (const script of scripts as Script[]) {
        const existing = registered.get(script.id);
        if (!existing) throw new Error(`No script with ID '${script.id}'`);
        registered.set(script.id, { ...existing, ...script });
      }
    });
  const unregisterContentScripts = vi
    .spyOn(fakeBrowser.scripting, 'unregisterContentScripts')
    .mockImplementation(async (filter?: Filter) => {
      await tick();
      for (const id of filter?.ids ?? [...registered.keys()]) registered.delete(id);
    });
  return {
    registered,
    getRegisteredContentScripts,
    registerContentScripts,
    updateContentScripts,
    unregisterContentScripts,
  };
}

/** What `browser.permissions.getAll()` answers from now on. */
function grantedOrigins(origins: string[] | undefined) {
  return vi
    .spyOn(fakeBrowser.permissions, 'getAll')
    .mockImplementation(async () => (origins === undefined ? {} : { origins: [...origins] }));
}

const script = (matches: string[]): Script => ({
  id: SCRIPT_ID,
  matches,
  js: [CONTENT_SCRIPT_FILE],
  allFrames: true,
  runAt: 'document_end',
  persistAcrossSessions: true,
});

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('enabledPatterns', () => {
  it('keeps only the scheme + host grants, sorted', async () => {
    grantedOrigins(['https://b.example.com/*', ...BROAD, 'http://[::1]/*', 'https://a.example.com/*']);
    expect(await enabledPatterns()).toEqual([
      'http://[::1]/*',
      'https://a.example.com/*',
      'https://b.example.com/*',
    ]);
  });

  it('is empty when the browser reports no origins at all', async () => {
    grantedOrigins(undefined);
    expect(await enabledPatterns()).toEqual([]);
  });
});

describe('syncContentScript', () => {
  it('registers the content script for exactly the FMC origins, never the broad grants', async () => {
    const registry = fakeRegistry();
    grantedOrigins(['https://fmc-b.example.com/*', ...BROAD, 'https://fmc-a.example.com/*']);

    const patterns = await syncContentScript();

    const expected = ['https://fmc-a.example.com/*', 'https://fmc-b.example.com/*'];
    expect(patterns).toEqual(expected);
    expect(registry.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(registry.registerContentScripts).toHaveBeenCalledWith([script(expected)]);
    expect(registry.updateContentScripts).not.toHaveBeenCalled();
    expect(registry.registered.get(SCRIPT_ID)?.matches).toEqual(expected);
  });

  it('runs the WXT content entrypoint in every frame from document_end (commit e80b6f0)', async () => {
    const registry = fakeRegistry();
    grantedOrigins(['https://fmc.example.com/*']);
    await syncContentScript();
    const registered = registry.registerContentScripts.mock.calls[0]?.[0][0];
    expect(CONTENT_SCRIPT_FILE).toBe('/content-scripts/content.js');
    expect(registered).toMatchObject({
      js: ['/content-scripts/content.js'],
      allFrames: true,
      runAt: 'document_end',
    });
  });

  it('updates the registration in place when it already exists', async () => {
    const registry = fakeRegistry();
    registry.registered.set(SCRIPT_ID, script(['https://old.example.com/*']));
    grantedOrigins(['https://old.example.com/*', 'https://new.example.com/*']);

    await syncContentScript();

    expect(registry.registerContentScripts).not.toHaveBeenCalled();
    expect(registry.updateContentScripts).toHaveBeenCalledTimes(1);
    expect(registry.updateContentScripts).toHaveBeenCalledWith([
      script(['https://new.example.com/*', 'https://old.example.com/*']),
    ]);
    expect(registry.getRegisteredContentScripts).toHaveBeenCalledWith({ ids: [SCRIPT_ID] });
  });

  it('unregisters the script when no FMC origin is left', async () => {
    const registry = fakeRegistry();
    registry.registered.set(SCRIPT_ID, script(['https://fmc.example.com/*']));
    grantedOrigins(['<all_urls>']);

    expect(await syncContentScript()).toEqual([]);

    expect(registry.unregisterContentScripts).toHaveBeenCalledWith({ ids: [SCRIPT_ID] });
    expect(registry.registered.size).toBe(0);
    expect(registry.registerContentScripts).not.toHaveBeenCalled();
    expect(registry.updateContentScripts).not.toHaveBeenCalled();
  });

  it('does nothing when no FMC origin is enabled and nothing is registered', async () => {
    const registry = fakeRegistry();
    grantedOrigins([]);
    expect(await syncContentScript()).toEqual([]);
    expect(registry.unregisterContentScripts).not.toHaveBeenCalled();
    expect(registry.registerContentScripts).not.toHaveBeenCalled();
  });

  it('never registers twice when two syncs run at once', async () => {
    const registry = fakeRegistry();
    grantedOrigins(['https://fmc.example.com/*']);

    const results = await Promise.all([syncContentScript(), syncContentScript()]);

    expect(results).toEqual([['https://fmc.example.com/*'], ['https://fmc.example.com/*']]);
    expect(registry.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(registry.updateContentScripts).toHaveBeenCalledTimes(1);
  });

  it('applies concurrent syncs in call order, so the last grant wins', async () => {
    const registry = fakeRegistry();
    const getAll = grantedOrigins(['https://a.example.com/*']);
    const first = syncContentScript();
    getAll.mockImplementation(async () => ({
      origins: ['https://a.example.com/*', 'https://b.example.com/*'],
    }));
    const second = syncContentScript();

    await Promise.all([first, second]);

    expect(registry.registered.get(SCRIPT_ID)?.matches).toEqual([
      'https://a.example.com/*',
      'https://b.example.com/*',
    ]);
  });

  it('keeps working after a failed sync', async () => {
    const registry = fakeRegistry();
    grantedOrigins(['https://fmc.example.com/*']);
    registry.registerContentScripts.mockRejectedValueOnce(new Error('browser busy'));

    await expect(syncContentScript()).rejects.toThrow('browser busy');
    await expect(syncContentScript()).resolves.toEqual(['https://fmc.example.com/*']);
    expect(registry.registered.get(SCRIPT_ID)?.matches).toEqual(['https://fmc.example.com/*']);
  });
});

describe('injectIntoOpenTabs', () => {
  const tab = (id: number | undefined, url: string) => ({ id, url }) as Tab;

  function stubTabs(tabs: Tab[]) {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue(tabs);
    const executeScript = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    return { query, executeScript };
  }

  it('injects the content script into every frame of each open tab of the newly enabled FMCs', async () => {
    const { query, executeScript } = stubTabs([
      tab(3, 'https://fmc.example.com/ddd/'),
      tab(7, 'https://fmc.example.com:8443/health'),
    ]);

    await injectIntoOpenTabs(['https://fmc.example.com/*', '<all_urls>']);

    expect(query).toHaveBeenCalledWith({ url: ['https://fmc.example.com/*'] });
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 3, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
    expect(executeScript).toHaveBeenCalledWith({
      target: { tabId: 7, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
  });

  it('skips tabs without an id', async () => {
    const { executeScript } = stubTabs([
      tab(undefined, 'https://fmc.example.com/'),
      tab(4, 'https://fmc.example.com/'),
    ]);
    await injectIntoOpenTabs(['https://fmc.example.com/*']);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript.mock.calls[0]?.[0]).toMatchObject({ target: { tabId: 4 } });
  });

  it('survives a tab whose injection is refused and still injects the others', async () => {
    const { executeScript } = stubTabs([
      tab(1, 'https://fmc.example.com/'),
      tab(2, 'https://fmc.example.com/'),
    ]);
    executeScript.mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'));

    await expect(injectIntoOpenTabs(['https://fmc.example.com/*'])).resolves.toBeUndefined();

    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls.map(([injection]) => injection.target.tabId)).toEqual([1, 2]);
  });

  it('queries no tab when the grant holds no FMC origin', async () => {
    const { query, executeScript } = stubTabs([tab(1, 'https://example.org/')]);
    await injectIntoOpenTabs(BROAD);
    expect(query).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });
});
