import { runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FleetSummary, type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import { escapeHtml, h, jsonIsland, render } from '../fmc-sim/ui/html';

const FLEET = { devices: 20, failing: 3, seed: 3 };
const CLOUD_FAILURE = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
/** How each markup prints one Cisco Cloud Configuration failure (the grid splits it across spans). */
const FAILURE_MARKUP: Record<string, string> = {
  table: `<td class="alert">${CLOUD_FAILURE}</td>`,
  grid:
    '<span class="hmToken">Threat Data Updates</span>\u00a0\u2013 <span class="hmToken">Cisco Cloud Configuration' +
    '</span> \u2013 <span class="hmToken isFailure">Failure</span>',
  alerts: `<div class="notification__title">${CLOUD_FAILURE}</div>`,
};
/** How each markup opens one row or card. */
const ROW_MARKUP: Record<string, string> = {
  table: '<tr class="health-row ',
  grid: '<div role="row" class="hmGridRow is',
  alerts: '<li class="notification ',
};
const MARKUPS = Object.keys(FAILURE_MARKUP);

let sim: FmcSimulator;

beforeAll(async () => {
  sim = await startFmcSimulator({ port: 0, fleet: FLEET });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setFleet(FLEET);
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(sim.url(path), { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The page's JSON island, as its script reads it. */
function island(html: string): { widget: unknown; late: number | null; rerender: number | null } {
  const match = /<script type="application\/json" id="sim-monitor-config">(.*?)<\/script>/s.exec(html);
  if (!match?.[1]) throw new Error('no JSON island');
  return JSON.parse(match[1]);
}

/** Loads the HTML into happy-dom (which runs no script) and runs the page's own script against it. */
async function loadInDom(html: string) {
  const window = new Window({ url: sim.origin });
  const document = window.document;
  document.documentElement.innerHTML = html.replace(/^<!doctype html>/, '');
  const scripts = [...document.querySelectorAll('script:not([type])')];
  const globals = { document, NodeFilter: window.NodeFilter, setTimeout: window.setTimeout.bind(window) };
  for (const script of scripts) runInNewContext(script.textContent ?? '', globals);
  return { window, document };
}

describe('FMC simulator pages', () => {
  it('serves every page with 200 and redirects / to the table', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/health/monitor/table');
    for (const path of [
      '/health/monitor',
      '/health/monitor/table',
      '/health/monitor/grid',
      '/health/monitor/alerts',
      '/health/policy',
      '/ui/login',
      '/help/cloud',
      '/overview/dashboards',
      '/health/exclude',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.text.startsWith('<!doctype html>')).toBe(true);
    }
  });

  it.each(MARKUPS)('%s: one Failure per failing device, heading, help prose and summary', async (markup) => {
    const { text } = await get(`/health/monitor/${markup}`);
    expect(count(text, FAILURE_MARKUP[markup] ?? '')).toBe(3);
    expect(text).toContain('<title>Health Monitor - Secure Firewall Management Center</title>');
    expect(text).toContain('<h1>Health Monitor</h1>');
    expect(text).toMatch(/<p class="help">[^<]*Threat Data Updates - Cisco Cloud Configuration - Failure/);
    expect(text).toContain('<p class="summary">20 devices, 3 failing</p>');
    expect(text).toContain('id="sim-fix-first"');
  });

  it('table and grid show ten rows per device; alerts show failures plus three Success cards', async () => {
    expect(count((await get('/health/monitor/table')).text, ROW_MARKUP.table ?? '')).toBe(200);
    expect(count((await get('/health/monitor/grid')).text, ROW_MARKUP.grid ?? '')).toBe(200);
    const alerts = (await get('/health/monitor/alerts')).text;
    expect(count(alerts, ROW_MARKUP.alerts ?? '')).toBe(6);
    expect(count(alerts, '<li class="notification notification--info">')).toBe(3);
    expect(alerts).toMatch(/<div class="notification__details">[^<]+<br>Data type: /);
  });

  it('query switches override the fleet for one render only', async () => {
    const { text } = await get('/health/monitor/table?devices=7&failing=2&seed=9&integration=off');
    expect(count(text, ROW_MARKUP.table ?? '')).toBe(70);
    expect(count(text, FAILURE_MARKUP.table ?? '')).toBe(2);
    expect(text).toContain('7 devices, 2 failing');
    expect(count((await get('/health/monitor/table')).text, ROW_MARKUP.table ?? '')).toBe(200);
  });

  it('failRows picks the failing data types (the seed lists URL Category and Reputation twice)', async () => {
    const query = 'failRows=Cisco%20Cloud%20Configuration,url%20category%20and%20reputation';
    const { text } = await get(`/health/monitor/table?${query}`);
    expect(count(text, FAILURE_MARKUP.table ?? '')).toBe(3);
    expect(count(text, 'Threat Data Updates - URL Category and Reputation - Failure')).toBe(6);
    expect((await get('/health/monitor/table?failRows=Nope')).status).toBe(400);
  });

  it.each(MARKUPS)('%s: hostile names come back escaped, also in the JSON island', async (markup) => {
    for (const query of ['hostile=1', 'hostile=1&late=10&rerender=10']) {
      const { text } = await get(`/health/monitor/${markup}?${query}&devices=12&failing=6`);
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<script>window');
      expect(text).not.toContain('<br>branch');
      expect(count(text, '<script')).toBe(2);
      expect(text).toContain(query.includes('late') ? '\\u003cimg src=x' : '&lt;img src=x onerror=&quot;');
    }
  });

  it('the menu is FMC-like and links System > Health > Policy', async () => {
    const { text } = await get('/health/monitor/table');
    const nav = /<nav class="fmc-nav".*?<\/nav>/s.exec(text)?.[0] ?? '';
    for (const label of ['Overview', 'Analysis', 'Policies', 'Devices', 'Objects', 'Integration', 'System']) {
      expect(nav).toContain(`>${label}</a>`);
    }
    expect(nav).toMatch(
      /<a href="\/health\/monitor" aria-haspopup="true">Health<\/a><ul class="submenu">.*<a href="\/health\/policy">Policy<\/a>/,
    );
    expect(nav).toContain('<a href="/health/exclude">Exclude</a>');
    expect(text).toContain('<span class="fmc-product">Secure Firewall Management Center</span>');
    const old = (await get('/health/monitor/table?version=6.7.0')).text;
    expect(old).toContain('<span class="fmc-product">Firepower Management Center</span>');
    expect(old).toContain('<a href="/health/exclude">Blacklist</a>');
  });

  it('late: the rows are only in the JSON island; the page script inserts them', async () => {
    const { text } = await get('/health/monitor/table?late=50');
    expect(text).toContain('<tbody id="healthAlertRows"></tbody>');
    expect(count(text, ROW_MARKUP.table ?? '')).toBe(0);
    const data = island(text);
    expect(data.late).toBe(50);
    expect(count(JSON.stringify(data.widget), `"${CLOUD_FAILURE}"`)).toBe(3);

    const { window, document } = await loadInDom(text);
    expect(document.querySelectorAll('#healthAlertRows tr')).toHaveLength(0);
    await window.happyDOM.waitUntilComplete();
    expect(document.querySelectorAll('#healthAlertRows tr')).toHaveLength(200);
    await window.happyDOM.close();
  });

  it('rerender: the page script swaps the widget for identical fresh elements', async () => {
    const { text } = await get('/health/monitor/grid?rerender=20&hostile=1');
    expect(count(text, ROW_MARKUP.grid ?? '')).toBe(200);
    const { window, document } = await loadInDom(text);
    const before = document.getElementById('hmGrid');
    const html = before?.outerHTML;
    await window.happyDOM.waitUntilComplete();
    const after = document.getElementById('hmGrid');
    expect(after).not.toBe(before);
    expect(after?.outerHTML).toBe(html);
    expect(document.querySelectorAll('main img')).toHaveLength(0);
    await window.happyDOM.close();
  });

  it.each(MARKUPS)(
    '%s: the fix button turns the first Failure row into Success, in place',
    async (markup) => {
      const { window, document } = await loadInDom((await get(`/health/monitor/${markup}`)).text);
      const failures = () => (document.querySelector('main')?.textContent ?? '').split('Failure').length - 1;
      const before = failures();
      const firstRow = document.querySelector('[class*="ailure"]');
      (document.getElementById('sim-fix-first') as unknown as { click(): void }).click();
      expect(failures()).toBeLessThan(before);
      expect(firstRow?.isConnected).toBe(true);
      expect(firstRow?.className).toMatch(/success|Success/);
      await window.happyDOM.close();
    },
  );

  it('frame: the chrome embeds the bare page in a same-origin iframe', async () => {
    const { text } = await get('/health/monitor/grid?frame=1&devices=5&failing=2');
    const src = /<iframe class="monitor-frame" title="Health Monitor" src="([^"]+)"/.exec(text)?.[1];
    expect(src).toBe('/health/monitor/grid?devices=5&amp;failing=2&amp;bare=1');
    expect(count(text, ROW_MARKUP.grid ?? '')).toBe(0);
    const inner = (await get((src ?? '').replaceAll('&amp;', '&'))).text;
    expect(count(inner, FAILURE_MARKUP.grid ?? '')).toBe(2);
    expect(inner).not.toContain('<nav');
    expect(inner).toContain('<h1>Health Monitor</h1>');
  });

  it('health policy list, edit page and save', async () => {
    const list = (await get('/health/policy')).text;
    expect(list).toContain('<h1>Health Policy</h1>');
    const edit = /href="(\/health\/policy\/edit\?id=[^"]+)"/.exec(list)?.[1] ?? '';
    expect(list).toContain('Initial_Health_Policy');
    const page = await get(edit);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Threat Data Updates on Devices');
    expect(page.text).toContain('role="switch"');
    expect(page.text).toContain('Save Policy and Exit');
    const id = edit.split('=')[1];
    expect((await get(`/health/policy?saved=${id}`)).text).toContain('saved.');
    expect((await get('/health/policy/edit?id=nope')).status).toBe(404);
  });

  it('help page: prose only, no rows', async () => {
    const { text } = await get('/help/cloud');
    expect(text).toContain(CLOUD_FAILURE);
    expect(text).toContain('<strong>Failure</strong>');
    expect(text).not.toContain('<tr');
    expect(text).not.toContain('role="row"');
  });

  it('login page posts back and lets the user in', async () => {
    expect((await get('/ui/login')).text).toContain('type="password"');
    const post = await get('/ui/login', { method: 'POST', body: 'username=admin&password=x' });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('/');
  });

  it('answers 404, 400 and 405 without falling over', async () => {
    const missing = await get('/nope/<script>alert(1)</script>');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<script>alert');
    expect((await get('/health/monitor/table?devices=-1')).status).toBe(400);
    expect((await get('/health/monitor/table?late=soon')).status).toBe(400);
    expect((await get('/health/monitor/table?frame=maybe')).status).toBe(400);
    expect((await get('/health/monitor/table?devices=999999')).status).toBe(400);
    expect((await get('/health/policy', { method: 'DELETE' })).status).toBe(405);
    expect((await get('/__sim/nothing')).status).toBe(404);
    expect((await get('/health/monitor/table')).status).toBe(200);
  });
});

describe('FMC simulator control endpoint', () => {
  const post = (body: string) =>
    get('/__sim/fleet', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

  it('GET summarises the fleet', async () => {
    const summary = JSON.parse((await get('/__sim/fleet')).text) as FleetSummary;
    expect(summary).toMatchObject({ seed: 3, devices: 20, failing: 3, serverVersion: '7.4.1' });
    expect(summary.failingDevices).toHaveLength(3);
  });

  it('POST regenerates the fleet that the pages render', async () => {
    const response = await post(JSON.stringify({ devices: 5, failing: 2, seed: 7, serverVersion: '7.0.6' }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ devices: 5, failing: 2, seed: 7 });
    expect(sim.fleet().devices).toHaveLength(5);
    const { text } = await get('/health/monitor/table');
    expect(count(text, ROW_MARKUP.table ?? '')).toBe(50);
    expect(text).toContain('Firepower Management Center');
  });

  it('POST rejects bad JSON, unknown options and wrong types with 400', async () => {
    expect((await post('{"devices": ')).status).toBe(400);
    expect((await post('{"device": 5}')).status).toBe(400);
    expect((await post('{"devices": "5"}')).status).toBe(400);
    expect((await post('[]')).status).toBe(400);
    expect((await get('/__sim/fleet', { method: 'PUT' })).status).toBe(405);
    expect(sim.fleet().devices).toHaveLength(20);
  });
});

describe('FMC simulator building blocks', () => {
  it('escapes text and attributes, and refuses script text that would close its element', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    expect(render(h('p', { title: '"><img>' }, '<b>'))).toBe(
      '<p title="&quot;&gt;&lt;img&gt;">&lt;b&gt;</p>',
    );
    expect(() => render(h('script', null, '</script><img>'))).toThrow();
    expect(render(jsonIsland('x', { name: '</script>' }))).not.toContain('</script><');
  });

  it('listens on loopback only', async () => {
    await expect(startFmcSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('renders 500 devices x 10 rows quickly (timing printed, not asserted)', async () => {
    for (const markup of MARKUPS) {
      const started = performance.now();
      const { status, text } = await get(`/health/monitor/${markup}?devices=500&failing=50`);
      const elapsed = performance.now() - started;
      expect(status).toBe(200);
      expect(count(text, FAILURE_MARKUP[markup] ?? '')).toBe(50);
      console.log(
        `[fmc-sim] ${markup}: 5,000 rows rendered and fetched in ${elapsed.toFixed(1)} ms (${(text.length / 1e6).toFixed(2)} MB)`,
      );
    }
  });
});
