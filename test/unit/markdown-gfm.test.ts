/**
 * The Markdown export through a real GFM renderer (remark + remark-gfm, to HTML with remark-html, unsanitised so
 * that raw HTML would show too). remark-gfm links bare URLs, `www.` names and e-mail addresses found in text
 * after parsing, as GitHub's cmark-gfm does with e-mail addresses: escapes alone do not stop it (the positive
 * controls below show the renderer linking them). No `<a>` may come from device names, alert text or
 * `show network` output, and the text must read as typed.
 */
import fc from 'fast-check';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkHtml from 'remark-html';
import { describe, expect, it } from 'vitest';
import { type DeviceInput, diagnose, toMarkdown } from '../../lib/diagnose';
import { mdText } from '../../lib/diagnose/markdown-escape';
import { parseShowNetwork } from '../../lib/fmc/show-network';
import { failing, fleet, healthy, shown } from '../fixtures/diagnose/build';

function render(markdown: string): string {
  return String(remark().use(remarkGfm).use(remarkHtml, { sanitize: false }).processSync(markdown));
}

const LINK = /<a[\s>]/i;

const NAMED: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };

/** The text a reader sees: tags dropped, entities decoded (once: `&amp;lt;` reads `&lt;`). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(?:#x([0-9a-f]+)|#(\d+)|(quot|lt|gt|amp));/gi,
      (_, hex?: string, dec?: string, name?: string) =>
        hex
          ? String.fromCodePoint(Number.parseInt(hex, 16))
          : dec
            ? String.fromCodePoint(Number(dec))
            : (NAMED[name ?? ''] ?? ''),
    )
    .trim();
}

const HOSTILE = [
  'evil@example.com',
  'www.evil.example',
  'https://evil.example/login',
  'WWW.EVIL.EXAMPLE',
  'ftp://evil.example/x',
  'mailto:admin@evil.example',
  'xmpp:admin@evil.example/desk',
  '[x](javascript:alert(1))',
  '[click](https://evil.example)',
  '<a href="https://evil.example">edge</a>',
  '<https://evil.example>',
  'edge|evil@example.com',
  'edge\\@evil.example',
  'edge`evil@example.com`',
  'ftd (see www.evil.example)',
] as const;

describe('the GFM renderer used here links what the old escapes let through (positive controls)', () => {
  it.each([
    ['admin\\@evil.example', 'mailto:admin@evil.example'],
    ['https\\://evil.example/x', 'https://evil.example/x'],
    ['www\\.evil.example', 'http://www.evil.example'],
    ['mailto:admin\\@evil.example', 'mailto:admin@evil.example'],
  ])('%s becomes a link', (markdown, href) => {
    expect(render(markdown)).toContain(`<a href="${href}">`);
  });

  it('links a bare address in a table cell too', () => {
    expect(render('| a |\n|---|\n| evil@example.com |')).toMatch(LINK);
  });
});

describe('mdText through remark-gfm', () => {
  it.each(HOSTILE)('%s: no link, no raw HTML, read as typed (cell, list item, heading)', (name) => {
    for (const markdown of [
      `| a | b |\n|---|---|\n| ${mdText(name, { cell: true })} | x |`,
      `- ${mdText(name)}`,
      `### ${mdText(name)}`,
    ]) {
      const html = render(markdown);
      expect(html, markdown).not.toMatch(LINK);
      expect(html, markdown).not.toMatch(/<(?:a|img|script)\b/i);
      expect(html, markdown).toContain(markdown.startsWith('|') ? '<td>' : '<');
    }
    const item = render(`- ${mdText(name)}`);
    expect(visibleText(item)).toBe(name);
  });

  it('holds for any text made of link-like pieces and Markdown syntax (property)', () => {
    const piece = fc.constantFrom(
      '@',
      'www.',
      'WwW.',
      '://',
      'http',
      'https',
      'mailto:',
      'xmpp:',
      'evil',
      'example.com',
      '.',
      '-',
      '_',
      '/',
      '\\',
      '`',
      '|',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '*',
      '~',
      '#',
      '!',
      '&lt;',
      '&',
      ' ',
      'a',
      '1',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), (pieces) => {
        const name = pieces.join('');
        const flat = name.replace(/\s+/g, ' ').trim();
        const html = render(`- ${mdText(name)}`);
        expect(html, mdText(name)).not.toMatch(LINK);
        expect(html).not.toMatch(/<(?:img|script)\b/i);
        if (flat !== '') expect(visibleText(html), mdText(name)).toBe(flat);
      }),
      { numRuns: 400 },
    );
  });
});

/** A complete `show network` whose free-text values (gateway, proxy address) carry link-like text. */
function hostileShowNetwork(value: string): DeviceInput['showNetwork'] {
  const label = (name: string) => name.padEnd(26);
  const text = [
    '===============[ System Information ]===============',
    `${label('Hostname')}: firepower`,
    `${label('DNS Servers')}: 10.0.0.53`,
    'IPv4 Default route',
    `  ${'Gateway'.padEnd(24)}: ${value}`,
    '',
    '==================[ management0 ]===================',
    `${label('Admin State')}: enabled`,
    '',
    '===============[ Proxy Information ]================',
    `${label('State')}: Enabled`,
    `${label('HTTP Proxy Address')}: ${value}`,
    `${label('Authentication')}: Disabled`,
    '',
  ].join('\n');
  return { ok: true, parsed: parseShowNetwork(text) };
}

/** An output cut inside a section whose name is link-like: the evidence names the section it stopped in. */
function cutInSection(name: string): DeviceInput['showNetwork'] {
  const text = [
    '===============[ System Information ]===============',
    'DNS Servers               : 10.0.0.53',
    '',
    `=====[ ${name} ]=====`,
    'Admin Sta',
  ].join('\n');
  return { ok: true, parsed: parseShowNetwork(text) };
}

describe('the whole export through remark-gfm', () => {
  const devices: DeviceInput[] = HOSTILE.flatMap((name, i) => [
    failing(`f-${i}`, i % 3 === 0 ? hostileShowNetwork(name) : i % 3 === 1 ? cutInSection(name) : shown(), {
      name,
      hostName: name,
      version: `7.2.5 ${name}`,
      alert: {
        status: i % 2 ? 'RED' : name,
        details: `Threat Data Updates - Cisco Cloud Configuration - Failure ${name}<br>${name} - Success`,
      },
    }),
    healthy(`h-${i}`, shown({ dns: ['10.0.0.53'] }), { name: `${name} peer` }),
  ]);
  const input = fleet(devices, { regionName: HOSTILE[0], regionHost: 'api-sse.cisco.com' });
  input.fmc.domain.name = HOSTILE[1];
  const diagnosis = diagnose(input);

  for (const lang of ['en', 'fr'] as const) {
    const markdown = toMarkdown(diagnosis, lang, new Date('2025-03-01T10:00:00Z'));
    const html = render(markdown);

    it(`${lang}: renders no link at all, and no raw HTML from the FMC`, () => {
      expect(html.match(/<a[\s>][^>]*>/gi) ?? []).toEqual([]);
      expect(html).not.toMatch(/<(?:img|script)\b/i);
    });

    it(`${lang}: every hostile name, alert text and show network value is there, as typed, in a code span or text`, () => {
      const text = visibleText(html);
      for (const name of HOSTILE) expect(text, name).toContain(name);
      // Device names are table cells and headings; the link-like parts of them are code spans.
      expect(html).toContain('<code>evil@example.com</code>');
      expect(html).toContain('<code>www.evil.example</code>');
      expect(html).toContain('<code>https://evil.example/login</code>');
      // The show network values (proxy address, gateway) and a section name of a cut output reach the evidence.
      expect(text).toMatch(/Gateway ?: WWW\.EVIL\.EXAMPLE/);
      expect(html).toMatch(/Gateway ?: <code>WWW\.EVIL\.EXAMPLE<\/code>/);
      expect(text).toMatch(
        /cut off in the www\.evil\.example section|s’interrompt dans la section www\.evil\.example/,
      );
    });

    it(`${lang}: one table row per failing device, eight cells each, the name first and as typed`, () => {
      const rows = html.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
      const failingCount = devices.filter((device) => device.alert !== null).length;
      expect(rows).toHaveLength(1 + failingCount);
      for (const row of rows) expect(row.match(/<t[dh][\s>]/g) ?? [], row).toHaveLength(8);
      const names = rows.slice(1).map((row) => visibleText(/<td>([\s\S]*?)<\/td>/.exec(row)?.[1] ?? ''));
      expect(names).toEqual([...HOSTILE]);
    });
  }
});
