import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { describe, expect, it } from 'vitest';
import { type DeviceInput, diagnose, toJson, toMarkdown } from '../../lib/diagnose';
import { mdText } from '../../lib/diagnose/markdown-escape';
import { failing, fleet, healthy, shown } from '../fixtures/diagnose/build';

/**
 * Text an FMC user with fewer rights than the admin controls (device names, alert details, the output of
 * `show network`) ends up in the exports. JSON must carry it exactly; Markdown, meant to be pasted into a TAC
 * case or a wiki, must never turn it into markup, a link or a broken table.
 */
const RLO = '\u202E';
const LONG = `edge-${'x'.repeat(5_000)}`;
const NAMES = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  'javascript:alert(1)',
  '[click me](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '<a href="javascript:alert(1)">edge</a>',
  `${RLO}gnp.exe-edge`,
  LONG,
  'edge<br>second line',
  'edge | fake cell | fake cell',
  '<javascript:alert(1)>',
] as const;
const DETAILS = [
  'Threat Data Updates - Cisco Cloud Configuration - Failure<br><img src=x onerror=alert(1)>',
  'Failure<br/><script>alert(1)</script><BR >[x](javascript:alert(1))',
  `Failure${RLO}<br>${'y'.repeat(5_000)}`,
];

function hostileFleet(): DeviceInput[] {
  return NAMES.map((name, i) =>
    i % 3 === 2
      ? healthy(`h-${i}`, shown({ dns: ['10.0.0.53'] }), { name, version: name })
      : failing(`f-${i}`, shown({ dns: i % 2 ? [] : ['10.0.0.53'] }), {
          name,
          version: `7.2.5${name}`,
          alert: { status: 'RED', details: DETAILS[i % DETAILS.length] as string },
        }),
  );
}

const input = fleet(hostileFleet(), {}, {});
input.fmc.domain.name = '<img src=x onerror=alert(1)> Global';
const diagnosis = diagnose(input);

describe('toJson with hostile FMC text', () => {
  for (const lang of ['en', 'fr'] as const) {
    const json = JSON.parse(toJson(diagnosis, lang)) as {
      fmc: { domain: { name: string } };
      devices: { id: string; name: string; version: string; alert: { details: string } | null }[];
    };

    it(`${lang}: every name, version and alert detail round-trips exactly`, () => {
      const byId = new Map(json.devices.map((device) => [device.id, device]));
      for (const device of input.devices) {
        const exported = byId.get(device.id);
        expect(exported?.name).toBe(device.name);
        expect(exported?.version).toBe(device.version);
        expect(exported?.alert?.details ?? null).toBe(device.alert?.details ?? null);
      }
      expect(json.fmc.domain.name).toBe(input.fmc.domain.name);
    });

    it(`${lang}: keeps the 5,000-character name whole and the right-to-left override as typed`, () => {
      expect(json.devices.find((d) => d.name === LONG)?.name).toHaveLength(LONG.length);
      expect(json.devices.some((d) => d.name === `${RLO}gnp.exe-edge`)).toBe(true);
    });
  }

  it('is valid JSON whose strings need no further escaping (no raw line separators)', () => {
    const text = toJson(diagnosis);
    expect(() => JSON.parse(text)).not.toThrow();
    // U+2028/2029 are valid in JSON but end a line in older JavaScript; escaped they stay harmless anywhere.
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });
});

describe('toMarkdown with hostile FMC text', () => {
  const failingCount = input.devices.filter((device) => device.alert !== null).length;
  for (const lang of ['en', 'fr'] as const) {
    const md = toMarkdown(diagnosis, lang, new Date('2025-03-01T10:00:00Z'));
    const html = render(md);
    const lines = md.split('\n');
    const tableRows = lines.filter((line) => line.startsWith('| '));
    // Lines outside and inside fenced code blocks (a fence closes only on a run of the same length).
    const insideFences: string[] = [];
    let fence: string | null = null;
    for (const line of lines) {
      const run = /^(`{3,})$/.exec(line)?.[1];
      if (run && (fence === null || run === fence)) fence = fence === null ? run : null;
      else if (fence !== null) insideFences.push(line);
    }

    it(`${lang}: one table row per failing device, eight cells each`, () => {
      expect(tableRows).toHaveLength(2 + failingCount);
      for (const row of tableRows.slice(2)) {
        const cells = row.slice(1, -1).split(/(?<!\\)\|/);
        expect(cells, row.slice(0, 200)).toHaveLength(8);
      }
      expect(html.match(/<tr>/g) ?? []).toHaveLength(1 + failingCount);
    });

    it(`${lang}: renders no <img, <script, <a, <br or other element from FMC text`, () => {
      // Markup in a name is text in a code span: shown as typed, never an element (remark-html, unsanitised).
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<a[\s>]/i);
      expect(html).not.toMatch(/<br/i);
      expect(html).not.toMatch(/<javascript:/i);
      expect(html).toContain('<code>&#x3C;img</code>');
      expect(md).not.toMatch(/<br/i);
    });

    it(`${lang}: a name cannot open a heading or a fence, and fences stay balanced`, () => {
      for (const line of lines.filter((l) => l.startsWith('#'))) expect(line).toMatch(/^#{1,4} \S/);
      expect(lines.filter((l) => /^`{3,}$/.test(l)).length % 2).toBe(0);
      expect(html.match(/<h[1-6]>/g)?.length).toBe(md.match(/^#{1,4} /gm)?.length);
    });

    it(`${lang}: the 5,000-character name stays on one line, in full`, () => {
      const row = tableRows.find((line) => line.includes('x'.repeat(100)));
      expect(row).toContain(LONG);
    });

    it(`${lang}: device text never reaches a command (only plain addresses do)`, () => {
      expect(insideFences.length).toBeGreaterThan(0);
      for (const command of insideFences) {
        expect(command).not.toMatch(
          /onerror|<script|javascript:|alert\(|xxxxxxxx|yyyyyyyy|\u202E|fake cell/i,
        );
      }
    });
  }

  it('isolates a right-to-left override (U+202E) in a name, so it cannot reorder the rest of its table row', () => {
    const line = mdText('ftd\u202Eevil');
    expect(line.startsWith('\u2068')).toBe(true);
    expect(line.endsWith('\u2069')).toBe(true);
    expect(mdText('plain-name')).toBe('plain-name');
  });
});

function render(markdown: string): string {
  return String(remark().use(remarkGfm).use(remarkHtml, { sanitize: false }).processSync(markdown));
}
