/**
 * The Markdown export as a TAC engineer reads it (issue 19, item 7), on a fleet shaped like the simulator's
 * (60 devices, 8 failing, 3 healthy peers read): parsed with remark + remark-gfm into its syntax tree to check
 * the structure (summary, the failing devices' table, one code block per failing device holding its raw
 * `show network`, the healthy devices as a count, the cleared devices), and read as plain text (no backslash
 * escapes, values as typed), in English and French.
 */
import type { Code, Heading, List, Paragraph, Root, RootContent, Table } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { SEED_DATA_TYPES } from '../../lib/alert/phrases';
import { type DeviceInput, type Diagnosis, diagnose, toJson, toMarkdown } from '../../lib/diagnose';
import { keepShowNetworkOutput, parseShowNetwork, REMOVED_SECRET } from '../../lib/fmc/show-network';
import { fleet } from '../fixtures/diagnose/build';
import { generateFleet, renderShowNetwork } from '../fmc-sim/fleet';

const AT = new Date('2026-12-07T14:00:00Z');
const SINCE = 1_796_000_000;

/** The simulator's alert: the Cloud Configuration failure first, then the nine other results of the seed's table. */
const DETAILS = [
  'Threat Data Updates - Cisco Cloud Configuration - Failure',
  ...SEED_DATA_TYPES.filter((type) => type !== 'Cisco Cloud Configuration')
    .filter((type, i, all) => all.indexOf(type) === i)
    .map((type) => `${type} - Success`),
].join('<br>');

/** 60 devices, 8 failing (the case), with the simulator's own `show network` outputs. */
function simFleet(): { input: ReturnType<typeof fleet>; raw: Map<string, string> } {
  const sim = generateFleet({ devices: 60, failing: 8, seed: 1 });
  const raw = new Map<string, string>();
  let peers = 0;
  const devices: DeviceInput[] = sim.devices.map((device) => {
    const failing = device.cause !== null;
    const text = renderShowNetwork(device);
    const read = failing || (device.dnsServers.length > 0 && peers++ < 3);
    if (failing) raw.set(device.name, text);
    return {
      id: device.id,
      name: device.name,
      hostName: device.hostName,
      version: device.version,
      alert: failing ? { status: 'RED', details: DETAILS, timestamp: SINCE } : null,
      showNetwork: read
        ? { ok: true, parsed: parseShowNetwork(text), raw: text }
        : { ok: false, reason: 'not-read' },
    };
  });
  return { input: fleet(devices), raw };
}

/** The 8-failing diagnosis, one healthy device cleared by a re-check since. */
function diagnosis(): { diagnosis: Diagnosis; raw: Map<string, string> } {
  const { input, raw } = simFleet();
  const d = diagnose(input);
  const cleared = d.devices.find((device) => device.name === 'ftd-0002');
  if (cleared)
    Object.assign(cleared, { recheckedAt: '2026-12-07T13:50:00Z', clearedAt: '2026-12-07T13:50:00Z' });
  return { diagnosis: d, raw };
}

function tree(markdown: string): Root {
  const processor = remark().use(remarkGfm);
  return processor.runSync(processor.parse(markdown)) as Root;
}

/** The visible text of a node, as a renderer would print it (code as typed). */
function text(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(text).join('');
  return '';
}

/** The nodes under the heading of this depth whose text starts with `title`, up to the next heading as deep. */
function section(root: Root, depth: number, title: string): RootContent[] {
  const start = root.children.findIndex(
    (node) => node.type === 'heading' && node.depth === depth && text(node).startsWith(title),
  );
  if (start < 0) return [];
  const rest = root.children.slice(start + 1);
  const end = rest.findIndex((node) => node.type === 'heading' && node.depth <= depth);
  return end < 0 ? rest : rest.slice(0, end);
}

const headings = (nodes: readonly RootContent[], depth: number) =>
  nodes.filter((node): node is Heading => node.type === 'heading' && node.depth === depth).map(text);

const WORDS = {
  en: {
    summary: 'Summary',
    failing: 'Failing devices (8)',
    columns: [
      'Name',
      'Management address',
      'Version',
      'Verdict',
      'Management DNS',
      'Proxy',
      'Gateway',
      'Failing since',
    ],
    items: ['FMC:', 'Diagnosed:', 'Cloud integration:', 'Devices:', 'Failing, by verdict:', 'Exported by:'],
    on: 'on, scenario 2 (inferred)',
    counts: '60: 8 failing, 52 healthy',
    showNetwork: 'show network output',
    healthy: 'Healthy devices',
    healthyCount: '52 devices report no Cloud Configuration failure.',
    cleared: 'Cleared after a re-check or a watch',
    clearedLine: 'ftd-0002 · 10.10.1.1: ',
    order: ['Fix', 'Verify the fix', 'Why this verdict', 'show network output'],
    others: '8 other data types: Success',
  },
  fr: {
    summary: 'Résumé',
    failing: 'Équipements en échec (8)',
    columns: [
      'Nom',
      'Adresse de gestion',
      'Version',
      'Verdict',
      'DNS de gestion',
      'Proxy',
      'Passerelle',
      'En échec depuis',
    ],
    items: [
      'FMC :',
      'Diagnostic :',
      'Intégration cloud :',
      'Équipements :',
      'En échec, par verdict :',
      'Exporté par :',
    ],
    on: 'activée, scénario 2 (déduit)',
    counts: '60 : 8 en échec, 52 sains',
    showNetwork: 'Sortie de show network',
    healthy: 'Équipements sains',
    healthyCount: '52 équipements ne signalent aucun échec Cloud Configuration.',
    cleared: 'Alerte levée après une revérification ou une surveillance',
    clearedLine: 'ftd-0002 · 10.10.1.1 : alerte levée le 2026-12-07 13:50 UTC',
    order: ['Corriger', 'Vérifier la correction', 'Pourquoi ce verdict', 'Sortie de show network'],
    others: '8 autres types de données : Success',
  },
} as const;

const { diagnosis: DIAGNOSIS, raw: RAW } = diagnosis();
const FAILING = DIAGNOSIS.devices.filter((device) => device.verdict !== 'healthy');

describe.each(['en', 'fr'] as const)('the TAC Markdown (%s) on 60 devices, 8 failing', (lang) => {
  const words = WORDS[lang];
  const markdown = toMarkdown(DIAGNOSIS, lang, AT, { extensionVersion: '1.2.3' });
  const root = tree(markdown);

  it('opens with a summary: the FMC, when, the cloud integration verdict, the counts, the extension version', () => {
    expect(headings(root.children, 1)).toHaveLength(1);
    const summary = section(root, 2, words.summary);
    const list = summary.find((node): node is List => node.type === 'list');
    const items = (list?.children ?? []).map(text);
    expect(items.map((item) => words.items.find((label) => item.startsWith(label)))).toEqual(words.items);
    expect(items[0]).toContain('https://fmc.example.net');
    expect(items[1]).toContain('2026-12-07 14:00 UTC');
    expect(items[2]).toContain(words.on);
    expect(items[2]).toContain('api-sse.cisco.com');
    expect(items[3]).toContain(words.counts);
    expect(items[5]).toContain('FMC Cloud Doctor 1.2.3');
  });

  it('has one table, of the failing devices only, with the eight columns, each value as typed', () => {
    const tables = root.children.filter((node): node is Table => node.type === 'table');
    expect(tables).toHaveLength(1);
    const [head, ...rows] = tables[0]?.children ?? [];
    expect(head?.children.map(text)).toEqual(words.columns);
    expect(rows).toHaveLength(8);
    expect(rows.map((row) => text(row.children[0] as RootContent))).toEqual(FAILING.map((d) => d.name));
    for (const [i, row] of rows.entries()) {
      const device = FAILING[i];
      const cells = row.children.map(text);
      expect(cells).toHaveLength(8);
      expect(cells[1]).toBe(device?.hostName);
      expect(cells[2]).toBe(device?.version);
      expect(cells[6]).toBe(device?.gateway);
      expect(cells[7]).toBe(`${new Date(SINCE * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    }
    expect(section(root, 2, words.failing).length).toBeGreaterThan(0);
  });

  it('gives each failing device its section: name · address, fix, verify, why, then its raw show network', () => {
    expect(headings(root.children, 3)).toEqual(
      expect.arrayContaining(FAILING.map((device) => `${device.name} · ${device.hostName}`)),
    );
    for (const device of FAILING) {
      const nodes = section(root, 3, `${device.name} · `);
      const order = headings(nodes, 4).filter((title) => (words.order as readonly string[]).includes(title));
      // dns-missing and proxy have a fix; connectivity finds the cause instead (no Fix heading).
      expect(order.at(-1)).toBe(words.showNetwork);
      expect(order.at(-2)).toBe(words.order[2]);
      if (order.includes(words.order[0])) expect(order.slice(0, 2)).toEqual(words.order.slice(0, 2));
      // The raw output is the code block right under its heading, exactly as the device printed it.
      const at = nodes.findIndex((node) => node.type === 'heading' && text(node) === words.showNetwork);
      const block = nodes[at + 1] as Code;
      expect(block.type).toBe('code');
      expect(block.value).toBe(RAW.get(device.name));
      // Every command is in a code block too: the ssh line first, then the runbook's.
      const code = nodes.filter((node): node is Code => node.type === 'code').map((node) => node.value);
      expect(code[0]).toBe(`ssh admin@${device.hostName}`);
      for (const step of device.runbook)
        for (const command of step.commands) expect(code.join('\n').split('\n')).toContain(command.command);
      expect(text({ type: 'root', children: nodes } as Root)).toContain(words.others);
    }
    const raw = root.children.filter(
      (node): node is Code => node.type === 'code' && node.value.includes('[ System Information ]'),
    );
    expect(raw).toHaveLength(8);
  });

  it('counts the healthy devices instead of listing them', () => {
    const healthy = section(root, 2, words.healthy);
    const paragraph = healthy.find((node): node is Paragraph => node.type === 'paragraph');
    expect(text(paragraph as Paragraph)).toContain(words.healthyCount);
    expect(markdown).not.toMatch(/\| (Healthy|Sain) \|/);
    expect(markdown).not.toContain('ftd-0003');
  });

  it('keeps the devices cleared by a re-check in their own short section', () => {
    const cleared = section(root, 2, words.cleared);
    const list = cleared.find((node): node is List => node.type === 'list');
    const items = list?.children.map(text) ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.startsWith(words.clearedLine), items[0]).toBe(true);
    expect(items[0]).toContain('2026-12-07 13:50 UTC');
  });

  it('reads as plain text: no backslash escape at all, values and commands as typed', () => {
    expect(markdown).not.toContain('\\');
    expect(markdown).not.toMatch(/\\[:_@.#>*`[\]]/);
    for (const device of FAILING) {
      expect(markdown).toContain(device.name);
      expect(markdown).toContain(device.hostName);
    }
    expect(markdown).toContain('connector_port=8989');
    expect(markdown).toContain('curl -v -k https://api-sse.cisco.com');
    expect(markdown).toContain('10.99.0.8:3128');
  });

  it('uses the glossary of the locale files: one name per idea (test/unit/i18n-messages.test.ts)', () => {
    const banned =
      lang === 'en'
        ? /\bLook for\b|\bA good output\b|\bA healthy output\b|\bWhat was read\b|\bEvidence\b|\brunbook\b|\bhint\b/i
        : /appareil|périphérique|santé|ce qui a été lu|bon résultat|constats|procédure|rétabli|indication/i;
    expect(markdown.split('\n').filter((line) => banned.test(line))).toEqual([]);
  });

  it('labels the source of every step and every expected output', () => {
    const label = lang === 'en' ? '*(Source:' : '*(Source :';
    const lines = markdown.split('\n');
    const steps = lines.filter((line) => /^\*\*(Step|Étape) \d+\*\*/.test(line));
    const expected = lines.filter((line) => /^\*(Expected|Attendu)/.test(line));
    expect(steps.length).toBeGreaterThan(8);
    for (const line of [...steps, ...expected]) expect(line, line).toContain(label);
  });
});

describe('the line count of the issue-19 case', () => {
  it('is far below the 762 lines of one row per device and nine alert lines per failing device', () => {
    const lines = toMarkdown(DIAGNOSIS, 'en', AT, { extensionVersion: '1.2.3' }).split('\n').length - 1;
    // Measured at this commit: see the report; the bound only guards against the per-device rows coming back.
    expect(lines).toBeLessThan(762);
  });
});

describe('values that need a code span', () => {
  const hostile = fleet([
    {
      id: 'x',
      name: 'ftd_edge`01|b',
      hostName: 'admin@evil.example',
      version: '7.4.1',
      alert: { status: 'RED', details: DETAILS, timestamp: SINCE },
      showNetwork: { ok: false, reason: 'failed' },
    },
  ]);
  const markdown = toMarkdown(diagnose(hostile), 'en', AT);
  const root = tree(markdown);

  it('go in a code span with a longer fence, the table cell escaping only its pipe', () => {
    const table = root.children.find((node): node is Table => node.type === 'table');
    const cells = table?.children[1]?.children ?? [];
    expect(cells).toHaveLength(8);
    expect(text(cells[0] as RootContent)).toBe('ftd_edge`01|b');
    expect(text(cells[1] as RootContent)).toBe('admin@evil.example');
    expect(markdown).toContain('| ``ftd_edge`01\\|b`` | `admin@evil.example` |');
    // Outside the table, no backslash at all.
    expect(markdown.split('\n').filter((line) => !line.startsWith('|') && line.includes('\\'))).toEqual([]);
  });

  it('say why the show network output is missing', () => {
    expect(markdown).toContain('None: show network could not be read on this device');
  });
});

describe('keepShowNetworkOutput', () => {
  it('keeps an output as printed, line ends normalised', () => {
    const raw = 'A : 1\r\nB : 2\r\n\r\n';
    expect(keepShowNetworkOutput(raw)).toEqual({ text: 'A : 1\nB : 2', clipped: false, totalBytes: 16 });
  });

  it('keeps the whole lines within the limit and says it clipped', () => {
    const raw = Array.from({ length: 1000 }, (_, i) => `Line ${i}                : value`).join('\n');
    const kept = keepShowNetworkOutput(raw);
    expect(kept.clipped).toBe(true);
    expect(new TextEncoder().encode(kept.text).length).toBeLessThanOrEqual(8 * 1024);
    expect(raw.startsWith(kept.text)).toBe(true);
    expect(kept.text.endsWith(': value')).toBe(true);
    expect(kept.totalBytes).toBe(raw.length);
    expect(keepShowNetworkOutput('x'.repeat(10_000)).text).toHaveLength(8 * 1024);
  });

  it('removes control characters and what looks like a secret', () => {
    const raw = [
      'State                     : Enabled',
      'Proxy Password            : hunter2',
      'URL                       : http://user:hunter2@10.0.0.8:3128',
      '\u001b[1mBold\u001b[0m\u0007',
    ].join('\n');
    const kept = keepShowNetworkOutput(raw).text;
    expect(kept).not.toContain('hunter2');
    expect(kept).toContain(`Proxy Password            : ${REMOVED_SECRET}`);
    expect(kept).toContain(`http://user:${REMOVED_SECRET}@10.0.0.8:3128`);
    expect(kept).toContain('\nBold');
    expect(kept).toContain('State                     : Enabled');
  });

  it('is kept on failing devices only, and reaches the JSON export', () => {
    const healthy = DIAGNOSIS.devices.filter((d) => d.verdict === 'healthy');
    expect(healthy.every((d) => d.showNetworkOutput === undefined)).toBe(true);
    expect(FAILING.every((d) => d.showNetworkOutput?.text === RAW.get(d.name))).toBe(true);
    const json = JSON.parse(toJson(DIAGNOSIS, 'en', { extensionVersion: '1.2.3' }));
    expect(json.exportedBy).toEqual({ name: 'FMC Cloud Doctor', version: '1.2.3' });
    expect(Object.keys(json).slice(0, 2)).toEqual(['schema', 'exportedBy']);
    const device = json.devices.find((d: { name: string }) => d.name === FAILING[0]?.name);
    expect(device.showNetworkOutput).toEqual({
      text: RAW.get(FAILING[0]?.name ?? ''),
      clipped: false,
      totalBytes: RAW.get(FAILING[0]?.name ?? '')?.length,
    });
    expect(JSON.parse(toJson(DIAGNOSIS)).exportedBy).toBeUndefined();
  });
});

describe('a cloud-delivered FMC (issue 20)', () => {
  it('says an undetermined integration as such, with what was read', () => {
    const d = structuredClone(DIAGNOSIS);
    Object.assign(d.integration, {
      platform: 'cdfmc',
      verdict: 'undetermined',
      securex: 'absent',
      cloudIntegration: 'error',
    });
    const markdown = toMarkdown(d, 'en', AT);
    expect(markdown).toContain(
      '- **Cloud integration:** **undetermined**, the reads cannot tell scenario 1 from scenario 2.',
    );
    expect(markdown).not.toContain('**undetermined**, scenario 2');
    expect(markdown).toContain('SecureX: no such setting on a cloud-delivered FMC');
    expect(markdown).toContain('cloud integration setting: could not be read');
    // The positive control: an on-prem FMC says "on" and none of the cdFMC facts.
    const onPrem = toMarkdown(DIAGNOSIS, 'en', AT);
    expect(onPrem).toContain('- **Cloud integration:** **on**, scenario 2');
    expect(onPrem).not.toContain('cloud integration setting');
  });
});
