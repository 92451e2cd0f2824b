import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import { compileMatchers, devicesOfRows, findAlertRows } from '../../lib/detect';
import { DATA_TYPES, generateFleet } from '../fmc-sim/fleet';
import { type FleetSummary, type FmcSimulator, startFmcSimulator } from '../fmc-sim/server';
import { cloudConfigurationFailures, FORM_NAMES, failureReports } from '../fmc-sim/ui/expect';
import { escapeHtml, h, jsonIsland, render } from '../fmc-sim/ui/html';

const FLEET = { devices: 20, failing: 3, seed: 3 };
const CLOUD_FAILURE = 'Threat Data Updates - Cisco Cloud Configuration - Failure';
/** How each form prints one Cisco Cloud Configuration failure, as HTML (fmc-ui.md, form by form). */
const FAILURE_MARKUP: Record<string, RegExp> = {
  module: /<td class="data-type">Cisco Cloud Configuration<\/td><td class="status status-failure">/g,
  alerts: />Cisco Cloud Configuration - Failure</g,
  messages:
    /<span class="message-text">(?:Threat Data Updates on Devices: )?Cisco Cloud Configuration - Failure<\/span>/g,
  events: /<td>Cisco Cloud Configuration<\/td><td class="status status-failure">Failure<\/td>/g,
  cards: /<li class="notification notification--failure">/g,
  table: /<td class="alert">Threat Data Updates - Cisco Cloud Configuration - Failure<\/td>/g,
  grid: /<span class="hmToken">Threat Data Updates<\/span>\u00a0\u2013 <span class="hmToken">Cisco Cloud Configuration<\/span> \u2013 <span class="hmToken isFailure">Failure<\/span>/g,
};
/** How each form opens the row of one data type of one device, where it lists all ten. */
const TEN_ROWS: Record<string, string> = {
  module: '<td class="data-type">',
  table: '<tr class="health-row ',
  grid: '<div role="row" class="hmGridRow is',
};
const FORMS = Object.keys(FAILURE_MARKUP);
const DATA_TYPES_IN_ORDER: readonly string[] = DATA_TYPES;

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

function count(haystack: string, needle: string | RegExp): number {
  return typeof needle === 'string'
    ? haystack.split(needle).length - 1
    : (haystack.match(needle) ?? []).length;
}

/** The rows (table rows, ARIA rows, list items) of a page that name a data type and a failure word. */
function failingRows(document: {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}) {
  return Array.from(document.querySelectorAll('main tr, main li, main [role="row"]')).filter((row) => {
    const text = row.textContent ?? '';
    // textContent glues cells together ("ConfigurationFailure2025-…"), so no word boundaries here.
    return /Failure|Failed/.test(text) && DATA_TYPES_IN_ORDER.some((type) => text.includes(type));
  }).length;
}

/** The page's JSON island, as its script reads it. */
function island(html: string): {
  widget: unknown;
  widgetId?: string;
  late: number | null;
  rerender: number | null;
} {
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
  const globals = {
    document,
    NodeFilter: window.NodeFilter,
    setTimeout: window.setTimeout.bind(window),
    performance,
  };
  for (const script of scripts) runInNewContext(script.textContent ?? '', globals);
  return { window, document };
}

describe('FMC simulator pages', () => {
  it('serves every page with 200 and redirects / to the module detail (form 1)', async () => {
    const root = await get('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/health/monitor/module');
    for (const path of [
      '/health/monitor',
      ...FORMS.map((form) => `/health/monitor/${form}`),
      '/health/monitor/alerts?markup=grid',
      '/health/policy',
      '/ui/login',
      '/help/cloud',
      '/help/tac-note',
      '/sim/busy?rows=10&duration=0',
      '/overview/dashboards',
      '/health/exclude',
    ]) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.text.startsWith('<!doctype html>')).toBe(true);
    }
  });

  it.each(FORMS)(
    '%s: one Cloud Configuration failure per failing device, heading, help prose, summary',
    async (form) => {
      const { text } = await get(`/health/monitor/${form}`);
      expect(count(text, FAILURE_MARKUP[form] ?? /$^/)).toBe(3);
      expect(text).toContain('<title>Health Monitor - Secure Firewall Management Center</title>');
      expect(text).toContain('<h1>Health Monitor</h1>');
      expect(text).toMatch(/<p class="help">[^<]*Threat Data Updates - Cisco Cloud Configuration - Failure/);
      expect(text).toContain('<p class="summary">20 devices, 3 failing</p>');
      expect(text).toContain('id="sim-fix-first"');
    },
  );

  it.each(FORMS)('%s: the rows a reader sees as failing, counted in the DOM', async (form) => {
    const { window, document } = await loadInDom((await get(`/health/monitor/${form}`)).text);
    expect(failingRows(document)).toBe(3);
    await window.happyDOM.close();
  });

  it('module, table and grid list the seed’s ten data types per device, in its order', async () => {
    for (const [form, row] of Object.entries(TEN_ROWS)) {
      const { text } = await get(`/health/monitor/${form}`);
      expect(count(text, row), form).toBe(200);
    }
    const { window, document } = await loadInDom((await get('/health/monitor/module')).text);
    const tables = [...document.querySelectorAll('table.module-detail')];
    expect(tables).toHaveLength(20);
    for (const table of tables) {
      expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Data Type', 'Status']);
      expect([...table.querySelectorAll('td.data-type')].map((td) => td.textContent)).toEqual(
        DATA_TYPES_IN_ORDER,
      );
      // The module's and the device's names sit outside the rows: in headings, panel titles or the caption.
      const section = table.closest('section');
      expect(section?.querySelector('.module-title')?.textContent).toBe('Threat Data Updates on Devices');
      expect(section?.querySelectorAll('.device-title')).toHaveLength(1);
      expect(table.querySelectorAll('caption').length).toBeLessThanOrEqual(1);
    }
    const names = sim.fleet().devices.map((device) => device.name);
    const titles = [...document.querySelectorAll('section.appliance .device-title')];
    expect(
      titles.map((title) => title.querySelector('.device-name')?.textContent ?? title.textContent),
    ).toEqual(names);
    // Every place is used: an h2, a panel title, the caption, for the device; an h3, a panel title, the caption,
    // for the module.
    for (const selector of ['h2', 'div[role="heading"][aria-level="2"].panel-title', 'caption']) {
      expect(document.querySelectorAll(`${selector}.device-title`).length, selector).toBeGreaterThan(0);
    }
    for (const selector of ['h3', 'div[role="heading"][aria-level="3"].panel-title', 'caption']) {
      expect(document.querySelectorAll(`${selector}.module-title`).length, selector).toBeGreaterThan(0);
    }
    // The status word alone in its cell, maybe beside an icon (an svg with a title, an icon font's glyph, an
    // image with a title).
    expect(document.querySelectorAll('td.status svg title').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('td.status span.icon[aria-hidden="true"]').length).toBeGreaterThan(0);
    expect(document.querySelectorAll('td.status img[alt=""][title]').length).toBeGreaterThan(0);
    for (const cell of document.querySelectorAll('td.status')) {
      expect(cell.lastChild?.textContent?.trim()).toMatch(/^(?:Success|Failure)$/);
    }
    await window.happyDOM.close();
  });

  it('alerts: separate fields, results on separate lines, other modules and recovered alerts mixed in', async () => {
    const { text } = await get('/health/monitor/alerts');
    expect(text).toContain(
      '<th scope="col">Severity</th><th scope="col">Device</th><th scope="col">Module</th>',
    );
    expect(text).toMatch(
      /<td>Threat Data Updates on Devices<\/td><td>[^<]*Cisco Cloud Configuration - Failure<br>/,
    );
    expect(text).toMatch(
      /<td>Threat Data Updates on Devices<\/td><td>(?:[^<]+ - Success<br>)+Cisco Cloud Configuration - Failure/,
    );
    expect(text).toContain('Cisco Cloud Configuration - Success');
    expect(text).toContain('<td>Disk Usage</td><td>/ngfw using 87%</td>');
    expect(text).toContain('<td>Appliance Heartbeat</td>');
    expect(text).toContain('<td>Interface Status</td>');
    expect(text).toMatch(/title="Critical"/);
    // Threat Data Updates alerts that report no failure: Recovered and Normal, Cloud Configuration in Success.
    expect(text).toMatch(
      /<tr class="alert-row alert-row--recovered">.*?Cisco Cloud Configuration - Success</,
    );
    expect(text).toMatch(/<tr class="alert-row alert-row--normal">.*?Cisco Cloud Configuration - Success</);
    // Other modules' alerts name no data type and no result word.
    for (const row of text.match(/<tr class="alert-row[^"]*"><td>.*?<\/tr>/g) ?? []) {
      if (row.includes('Threat Data Updates on Devices')) continue;
      expect(row).not.toMatch(/Failure|Success|Cisco Cloud Configuration/);
    }
    const grid = (await get('/health/monitor/alerts?markup=grid')).text;
    expect(grid).toContain('role="grid"');
    expect(count(grid, FAILURE_MARKUP.alerts ?? /$^/)).toBe(3);
    expect(grid).not.toContain('<table class="alert-table"');
    expect((await get('/health/monitor/alerts?markup=list')).status).toBe(400);
  });

  it('messages: the Health tab of the Message Center, items grouped by domain, both kinds of text', async () => {
    const { text } = await get('/health/monitor/messages?devices=20&failing=6');
    expect(text).toContain('role="tablist"');
    expect(text).toMatch(/role="tab" aria-selected="true">Health</);
    expect(text).toContain('<h4 class="message-domain">Global</h4>');
    expect(text).toContain('<h4 class="message-domain">Global/Branch</h4>');
    expect(text).toContain('Threat Data Updates on Devices: Cisco Cloud Configuration - Failure</span>');
    expect(text).toContain('<span class="message-text">Cisco Cloud Configuration - Failure</span>');
  });

  it('messages: the fields around the text vary from item to item (issue 18)', async () => {
    const { text } = await get('/health/monitor/messages?devices=20&failing=6');
    const items = text.match(/<li class="message-item[^"]*">.*?<\/li>/g) ?? [];
    const failing = items.filter((item) => item.includes('Cloud Configuration - Failure'));
    expect(failing).toHaveLength(6);
    const tailOf = (item: string) => item.slice(item.indexOf('</span>', item.indexOf('message-text')));
    // The device before the text, then a full timestamp.
    expect(failing.some((item) => /message-device.*message-text.*<time[^>]*>May 14, 2025/.test(item))).toBe(
      true,
    );
    // The issue's form: device, text and "n min ago" in spans side by side, nothing between them.
    expect(
      failing.some((item) =>
        /<span class="message-device">[^<]+<\/span><span class="message-text">[^<]+<\/span><span class="message-age">\d+ min ago<\/span><\/li>$/.test(
          item,
        ),
      ),
    ).toBe(true);
    // The text first, the device and the hour after it.
    expect(
      failing.some((item) => /message-text.*message-device.*<time[^>]*>\d\d:\d\d<\/time>/.test(item)),
    ).toBe(true);
    // A status word and "n min ago" after the text.
    expect(failing.some((item) => /message-status">Unacknowledged<.*message-age/.test(tailOf(item)))).toBe(
      true,
    );
    // Nothing after the text.
    expect(failing.some((item) => tailOf(item) === '</span></li>')).toBe(true);
    // Localized like the rest of the chrome.
    const fr = (await get('/health/monitor/messages?devices=20&failing=6&ui=fr')).text;
    expect(fr).toMatch(/<span class="message-age">il y a \d+ min<\/span>/);
    expect(fr).toContain('<span class="message-status">Non acquittée</span>');
  });

  it('events: one event per device and data type, newest first, with other modules', async () => {
    const { window, document } = await loadInDom((await get('/health/monitor/events')).text);
    const rows = [...document.querySelectorAll('#healthEvents tr')];
    expect(rows.length).toBeGreaterThan(200);
    const times = rows.map((row) => row.querySelector('td')?.textContent ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    expect(rows.some((row) => row.textContent?.includes('Appliance Heartbeat'))).toBe(true);
    // Each device's ten results, in the seed's order; the devices not in fleet order.
    const cells = rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''));
    const ours = cells.filter((row) => row[1] === 'Threat Data Updates on Devices');
    expect(ours).toHaveLength(200);
    const names = sim.fleet().devices.map((device) => device.name);
    for (const name of names) {
      expect(ours.filter((row) => row[4] === name).map((row) => row[2])).toEqual(DATA_TYPES_IN_ORDER);
    }
    const order = [...new Set(ours.map((row) => row[4]))];
    expect([...order].sort()).toEqual([...names].sort());
    expect(order).not.toEqual(names);
    expect(ours.filter((row) => row[3] === 'Failure').map((row) => row[2])).toEqual(
      Array(3).fill('Cisco Cloud Configuration'),
    );
    await window.happyDOM.close();
  });

  it('cards: the joined and bare strings, no-break spaces, en and em dashes, inline markup', async () => {
    const { text } = await get('/health/monitor/cards?failing=6');
    for (const title of [
      CLOUD_FAILURE,
      'Cisco Cloud Configuration\u00a0\u2013 Failure',
      '<b>Cisco Cloud</b> Configuration - Failure',
      'Threat Data Updates \u2014 Cisco Cloud Configuration \u2014 Failure',
      '<span class="notification__type">Cisco Cloud Configuration</span>\u00a0-\u00a0<strong>Failure</strong>',
    ]) {
      // In the card's title box, or (one layout) in the item itself.
      expect(text).toMatch(
        new RegExp(
          `(?:<div class="notification__title">|<li class="notification notification--failure">)${title}[ <]`,
        ),
      );
    }
    expect(count(text, '<li class="notification notification--failure">')).toBe(6);
    expect(count(text, '<li class="notification notification--info">')).toBe(3);
    // Negatives among them: Cloud Configuration in Success.
    expect(text).toMatch(
      /notification--info"><div class="notification__title">(?:<[^>]+>)?Cisco Cloud Configuration[^<]*(?:<[^>]+>[^<]*)*Success/,
    );
  });

  it('cards: the fields after the alert vary from card to card (issue 18)', async () => {
    const { text } = await get('/health/monitor/cards?failing=6');
    const cards = (text.match(/<li class="notification notification--failure">.*?<\/li>/g) ?? []).map(
      (card) => card.replace(/^<li[^>]*>|<\/li>$/g, ''),
    );
    expect(cards).toHaveLength(6);
    // The title, then a details block and a footer (device · date).
    expect(
      cards.some((card) =>
        /^<div class="notification__title">.*?Failure<\/(?:strong>)?(?:<\/)?div>?<div class="notification__details">.*notification__meta/.test(
          card,
        ),
      ),
    ).toBe(true);
    // The issue's card: the alert in its first block, `device · 09:41` in the second.
    expect(
      cards.some((card) =>
        /Failure<\/div><div class="notification__meta">ftd-\d+ \u00b7 \d\d:\d\d<\/div>$/.test(card),
      ),
    ).toBe(true);
    // "n min ago" after the alert, in the title box.
    expect(
      cards.some((card) => /Failure <span class="notification__age">\d+ min ago<\/span><\/div>/.test(card)),
    ).toBe(true);
    // No title box: the alert in the item, the device and the hour after it.
    expect(
      cards.some((card) =>
        /^[^<]*(?:<b>[^<]*<\/b>)?[^<]*Failure <span class="notification__device">[^<]+<\/span> <time[^>]*>\d\d:\d\d<\/time>$/.test(
          card,
        ),
      ),
    ).toBe(true);
    // A status word after the alert.
    expect(
      cards.some((card) => /Failure <span class="notification__status">Active<\/span><\/div>/.test(card)),
    ).toBe(true);
  });

  it.each([
    'devices=20&failing=3&seed=3',
    'devices=20&failing=6',
    'devices=12&failing=6&hostile=1',
    'devices=40&failing=12&seed=5',
    'devices=20&failing=5&ui=fr',
    'devices=20&failing=5&ui=ja&failRows=Cisco%20Cloud%20Configuration,SI%20DNS%20Lists%20and%20Feeds',
  ])(
    'detection finds exactly the rows expect.ts computes, each tied to its device, on every form (%s)',
    async (query) => {
      const params = new URLSearchParams(query);
      const fleet = generateFleet({
        devices: Number(params.get('devices')),
        failing: Number(params.get('failing')),
        ...(params.has('seed') ? { seed: Number(params.get('seed')) } : {}),
        hostileNames: params.has('hostile'),
      });
      const failRows = params.get('failRows')?.split(',');
      const devices = fleet.devices.map((device) => ({ id: device.name, names: [device.name] }));
      for (const form of FORM_NAMES) {
        for (const markup of form === 'alerts' ? (['table', 'grid'] as const) : (['table'] as const)) {
          const html = (await get(`/health/monitor/${form}?${query}&markup=${markup}`)).text;
          const { window, document } = await loadInDom(html);
          const matches = findAlertRows(document as unknown as Document, compileMatchers(alertMatchers));
          const reports = failureReports(form, fleet, {
            markup,
            ...(failRows ? { failRows } : {}),
          });
          const where = `${form} ${markup}`;
          expect(matches.length, where).toBe(reports.length);
          expect(
            devicesOfRows(
              matches.map((match) => match.row),
              devices,
            ),
            where,
          ).toEqual(reports.map((report) => report.device));
          // Each row's entry is its first failing data type's, in the knowledge base's order.
          expect(
            matches.map((match) => match.id),
            where,
          ).toEqual(
            reports.map(
              (report) =>
                alertMatchers.find((matcher) => report.dataTypes.includes(matcher.dataType))?.id ?? 'none',
            ),
          );
          await window.happyDOM.close();
        }
      }
    },
  );

  it.each(['fr', 'ja'])(
    'ui=%s localizes the chrome, keeps the module, data types and results in English',
    async (ui) => {
      for (const form of FORMS) {
        const { text } = await get(`/health/monitor/${form}?ui=${ui}`);
        expect(text, form).toContain(`<html lang="${ui}">`);
        expect(text, form).not.toContain('<h1>Health Monitor</h1>');
        expect(count(text, FAILURE_MARKUP[form] ?? /$^/), form).toBe(3);
      }
      const module = (await get(`/health/monitor/module?ui=${ui}`)).text;
      expect(module).toContain(ui === 'fr' ? '>Type de données</th>' : '>データタイプ</th>');
      expect(module).toContain('Threat Data Updates on Devices');
      const nav = /<nav class="fmc-nav".*?<\/nav>/s.exec(module)?.[0] ?? '';
      expect(nav).toContain(
        ui === 'fr' ? '<a href="/health/policy">Politique</a>' : '<a href="/health/policy">ポリシー</a>',
      );
      const policy = (await get(`/health/policy/edit?id=0050568a-3f2e-0ed3-0000-004294967297&ui=${ui}`)).text;
      expect(policy).toContain('Threat Data Updates on Devices');
      expect(policy).toContain('Save Policy and Exit');
      expect(policy).toContain(`<html lang="${ui}">`);
      expect((await get('/health/monitor/module?ui=de')).status).toBe(400);
    },
  );

  it('query switches override the fleet for one render only', async () => {
    const { text } = await get('/health/monitor/table?devices=7&failing=2&seed=9&integration=off');
    expect(count(text, TEN_ROWS.table ?? '')).toBe(70);
    expect(count(text, FAILURE_MARKUP.table ?? /$^/)).toBe(2);
    expect(text).toContain('7 devices, 2 failing');
    expect(count((await get('/health/monitor/table')).text, TEN_ROWS.table ?? '')).toBe(200);
  });

  it('failRows picks the failing data types (the seed lists URL Category and Reputation twice)', async () => {
    const query = 'failRows=Cisco%20Cloud%20Configuration,url%20category%20and%20reputation';
    const { text } = await get(`/health/monitor/table?${query}`);
    expect(count(text, FAILURE_MARKUP.table ?? /$^/)).toBe(3);
    expect(count(text, 'Threat Data Updates - URL Category and Reputation - Failure')).toBe(6);
    const module = (await get(`/health/monitor/module?${query}`)).text;
    expect(
      count(
        module,
        '<td class="data-type">URL Category and Reputation</td><td class="status status-failure">',
      ),
    ).toBe(6);
    expect((await get('/health/monitor/table?failRows=Nope')).status).toBe(400);
  });

  it.each(FORMS)('%s: hostile names come back escaped, also in the JSON island', async (form) => {
    for (const query of ['hostile=1', 'hostile=1&late=10&rerender=10']) {
      const { text } = await get(`/health/monitor/${form}?${query}&devices=12&failing=6`);
      expect(text).not.toContain('<img src=x');
      expect(text).not.toContain('<script>window');
      expect(text).not.toContain('<br>branch');
      expect(count(text, '<script')).toBe(2);
      expect(text).toContain(query.includes('late') ? '\\u003cimg src=x' : '&lt;img src=x onerror=&quot;');
    }
  });

  it('the menu is FMC-like and links System > Health > Policy; Monitor opens the module detail', async () => {
    const { text } = await get('/health/monitor/table');
    const nav = /<nav class="fmc-nav".*?<\/nav>/s.exec(text)?.[0] ?? '';
    for (const label of ['Overview', 'Analysis', 'Policies', 'Devices', 'Objects', 'Integration', 'System']) {
      expect(nav).toContain(`>${label}</a>`);
    }
    expect(nav).toMatch(
      /<a href="\/health\/monitor" aria-haspopup="true">Health<\/a><ul class="submenu">.*<a href="\/health\/policy">Policy<\/a>/,
    );
    expect(nav).toContain('<a href="/health/monitor/module">Monitor</a>');
    expect(nav).toContain('<a href="/health/exclude">Exclude</a>');
    expect(text).toContain('<span class="fmc-product">Secure Firewall Management Center</span>');
    const old = (await get('/health/monitor/table?version=6.7.0')).text;
    expect(old).toContain('<span class="fmc-product">Firepower Management Center</span>');
    expect(old).toContain('<a href="/health/exclude">Blacklist</a>');
  });

  it.each(FORMS)(
    '%s, late: the rows are only in the JSON island; the page script inserts them',
    async (form) => {
      const { text } = await get(`/health/monitor/${form}?late=50`);
      expect(count(text, FAILURE_MARKUP[form] ?? /$^/)).toBe(0);
      const data = island(text);
      expect(data.late).toBe(50);
      const { window, document } = await loadInDom(text);
      expect(failingRows(document)).toBe(0);
      await window.happyDOM.waitUntilComplete();
      expect(failingRows(document)).toBe(3);
      await window.happyDOM.close();
    },
  );

  it.each(FORMS)(
    '%s, rerender: the page script swaps the widget for identical fresh elements',
    async (form) => {
      const { text } = await get(`/health/monitor/${form}?rerender=20&hostile=1`);
      const { window, document } = await loadInDom(text);
      const id = island(text).widgetId ?? '';
      const before = document.getElementById(id);
      const html = before?.outerHTML;
      await window.happyDOM.waitUntilComplete();
      const after = document.getElementById(id);
      expect(after).not.toBe(before);
      expect(after?.outerHTML).toBe(html);
      expect(document.querySelectorAll('main img:not([src="data:,"])')).toHaveLength(0);
      await window.happyDOM.close();
    },
  );

  it.each(FORMS)('%s: the fix button turns the first failing row into Success, in place', async (form) => {
    const { window, document } = await loadInDom((await get(`/health/monitor/${form}`)).text);
    const rows = () => [...document.querySelectorAll('main tr, main li, main [role="row"]')];
    const before = rows();
    expect(failingRows(document)).toBe(3);
    (document.getElementById('sim-fix-first') as unknown as { click(): void }).click();
    expect(failingRows(document)).toBe(2);
    expect(rows()).toEqual(before);
    await window.happyDOM.close();
  });

  it('the fix button changes one result only, and the icons beside it', async () => {
    const two = 'failRows=Cisco Cloud Configuration,AMP Dynamic Analysis';
    const alerts = await loadInDom((await get(`/health/monitor/alerts?${two}`)).text);
    const first = alerts.document.querySelector('#alertRows tr.alert-row--critical');
    const click = (document: typeof alerts.document) =>
      (document.getElementById('sim-fix-first') as unknown as { click(): void }).click();
    expect(first?.textContent).toContain('Cisco Cloud Configuration - Failure');
    click(alerts.document);
    expect(first?.textContent).toContain('Cisco Cloud Configuration - Success');
    expect(first?.textContent).toContain('AMP Dynamic Analysis - Failure');
    await alerts.window.happyDOM.close();

    // Six failing devices show the four icon kinds; six clicks fix them all, icons included.
    const module = await loadInDom((await get('/health/monitor/module?failing=6')).text);
    const doc = module.document;
    expect(doc.querySelectorAll('td.status svg title').length).toBeGreaterThan(0);
    expect([...doc.querySelectorAll('svg title')].some((title) => title.textContent === 'Failure')).toBe(
      true,
    );
    expect(doc.querySelectorAll('img[title="Critical"]').length).toBeGreaterThan(0);
    const details = () => doc.getElementById('moduleDetails')?.textContent ?? '';
    expect(details()).toContain('\uf00d');
    for (let i = 0; i < 6; i++) click(doc);
    expect(failingRows(doc)).toBe(0);
    expect(doc.querySelectorAll('.status-failure, .is-failure')).toHaveLength(0);
    expect([...doc.querySelectorAll('svg title')].every((title) => title.textContent === 'Success')).toBe(
      true,
    );
    expect(doc.querySelectorAll('img[title="Critical"]')).toHaveLength(0);
    expect(details()).not.toContain('\uf00d');
    expect(details()).toContain('\uf00c');
    await module.window.happyDOM.close();
  });

  it.each([
    ['', ''],
    ['failRows', 'failRows=Cisco Cloud Configuration,AMP Dynamic Analysis'],
    ['markup=grid', 'markup=grid'],
  ])('expect.ts tells each form’s failing rows and their devices (%s)', async (_label, query) => {
    const failRows = query.startsWith('failRows')
      ? ['Cisco Cloud Configuration', 'AMP Dynamic Analysis']
      : [];
    const markup = query === 'markup=grid' ? 'grid' : 'table';
    const failing = sim
      .fleet()
      .devices.filter((device) => device.failingDataTypes.length > 0)
      .map((device) => device.name);
    for (const form of FORM_NAMES) {
      const options = { markup, ...(failRows.length > 0 ? { failRows } : {}) } as const;
      const reports = failureReports(form, sim.fleet(), options);
      const { window, document } = await loadInDom((await get(`/health/monitor/${form}?${query}`)).text);
      expect(failingRows(document), form).toBe(reports.length);
      await window.happyDOM.close();
      const cloud = cloudConfigurationFailures(form, sim.fleet(), options);
      expect(cloud.rows, form).toBe(3);
      expect([...new Set(cloud.devices)].sort(), form).toEqual([...failing].sort());
      // A row per result, except the alert list: one alert per device, its description listing both.
      const perDevice = failRows.length > 0 && form !== 'alerts' ? 2 : 1;
      expect(reports.length, form).toBe(3 * perDevice);
    }
    expect(() => failureReports('nope', sim.fleet())).toThrow(/No such form/);
  });

  it('frame: the chrome embeds the bare page in a same-origin iframe', async () => {
    const { text } = await get('/health/monitor/grid?frame=1&devices=5&failing=2');
    const src = /<iframe class="monitor-frame" title="Health Monitor" src="([^"]+)"/.exec(text)?.[1];
    expect(src).toBe('/health/monitor/grid?devices=5&amp;failing=2&amp;bare=1');
    expect(count(text, TEN_ROWS.grid ?? '')).toBe(0);
    const inner = (await get((src ?? '').replaceAll('&amp;', '&'))).text;
    expect(count(inner, FAILURE_MARKUP.grid ?? /$^/)).toBe(2);
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

  it('the TAC note page quotes the seed’s table in prose, a quotation, a listing and a figure', async () => {
    const { text } = await get('/help/tac-note');
    expect(text).toContain('<article class="help-article">');
    expect(text).toContain('<blockquote>Cisco Cloud Configuration - Failure</blockquote>');
    expect(text).toMatch(/<pre>Data Type\tStatus\n[^<]*Cisco Cloud Configuration\tFailure/);
    expect(text).toMatch(
      /<figure><table[^>]*>.*<td>Cisco Cloud Configuration<\/td><td>Failure<\/td>.*<figcaption>/s,
    );
  });

  it('the busy page validates its switches and churns its rows, then says it is done', async () => {
    expect((await get('/sim/busy?rows=0')).status).toBe(400);
    expect((await get('/sim/busy?every=1')).status).toBe(400);
    const { text } = await get('/sim/busy?rows=50&churn=10&every=10&duration=60');
    expect(/<main>.*<\/main>/s.exec(text)?.[0]).not.toMatch(/Failure|Failed|Cisco Cloud Configuration/);
    const { window, document } = await loadInDom(text);
    const first = [...document.querySelectorAll('#busyRows tr')];
    expect(first).toHaveLength(50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await window.happyDOM.waitUntilComplete();
    expect(document.body.dataset.churnDone).toBe('1');
    const after = [...document.querySelectorAll('#busyRows tr')];
    expect(after).toHaveLength(50);
    expect(after.filter((row) => !first.includes(row)).length).toBeGreaterThan(0);
    await window.happyDOM.close();
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
    expect((await get('/health/monitor/module?ui=klingon')).status).toBe(400);
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
    expect(count(text, TEN_ROWS.table ?? '')).toBe(50);
    expect(text).toContain('Firepower Management Center');
  });

  it('POST /__sim/devices/fix fixes one device as the admin would (DNS set, no proxy, every result Success); the pages follow at their next evaluation', async () => {
    const fix = (body: string) =>
      get('/__sim/devices/fix', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    const [first] = sim.fleet().devices.filter((device) => device.failingDataTypes.length > 0);
    if (!first) throw new Error('no failing device');
    const answer = await fix(JSON.stringify({ device: first.name }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ failing: 2 });
    expect(first.failingDataTypes).toEqual([]);
    expect(first.dnsServers.length).toBeGreaterThan(0);
    expect(first.proxy.enabled).toBe(false);
    // The pages show the health module's last evaluation: still 3 failing until it moves on (issue 17).
    const failures = async () =>
      count((await get('/health/monitor/module')).text, FAILURE_MARKUP.module ?? /$^/);
    expect(await failures()).toBe(3);
    expect((await get('/__sim/health/evaluate', { method: 'POST' })).status).toBe(200);
    expect(await failures()).toBe(2);
    const [second] = sim.fleet().devices.filter((device) => device.failingDataTypes.length > 0);
    if (!second) throw new Error('no second failing device');
    expect((await fix(JSON.stringify({ device: second.id, pages: true }))).status).toBe(200);
    expect(await failures()).toBe(1);
    expect((await get('/__sim/health/evaluate')).status).toBe(405);
    expect((await fix(JSON.stringify({ device: 'nope' }))).status).toBe(404);
    expect((await fix('{')).status).toBe(400);
    expect((await fix('{"id": 1}')).status).toBe(400);
    expect((await get('/__sim/devices/fix')).status).toBe(405);
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

describe('FMC simulator fidelity', () => {
  const seed = new URL('../../../shared/seed/cloud-configuration-failure.fr.md', import.meta.url);
  it.skipIf(!existsSync(seed))(
    'draws the data types of the TAC note’s screenshot, in its order (read from ../shared/seed; skipped without it)',
    () => {
      const text = readFileSync(seed, 'utf8');
      const table = text.slice(text.indexOf('Data Type\tStatus'));
      const rows = [...table.matchAll(/^(.+)\t(Success|Failure)$/gm)].slice(0, 10).map((m) => m[1]);
      expect(rows).toEqual([...DATA_TYPES]);
      expect(table).toMatch(/^Cisco Cloud Configuration\tFailure$/m);
    },
  );
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
    for (const markup of FORMS) {
      const started = performance.now();
      const { status, text } = await get(`/health/monitor/${markup}?devices=500&failing=50`);
      const elapsed = performance.now() - started;
      expect(status).toBe(200);
      expect(count(text, FAILURE_MARKUP[markup] ?? /$^/)).toBe(50);
      console.log(
        `[fmc-sim] ${markup}: 5,000 rows rendered and fetched in ${elapsed.toFixed(1)} ms (${(text.length / 1e6).toFixed(2)} MB)`,
      );
    }
  });
});
