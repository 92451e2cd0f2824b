import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import { toJson } from '../../lib/diagnose/json';
import { toMarkdown } from '../../lib/diagnose/markdown';
import { mdCode, mdFence, mdText } from '../../lib/diagnose/markdown-escape';
import { DiagnosisSchema } from '../../lib/diagnose/schema';
import { branchFleet, failing, fleet, healthy, INTEGRATION_OFF, shown } from '../fixtures/diagnose/build';

const AT = new Date('2025-03-01T10:00:00Z');
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  'edge|01 | injected cell',
  '# heading',
  'line one\nline two\r\n| --- |',
  '[link](javascript:alert(1))',
  'tick`s ```fence',
];

describe('toJson', () => {
  it('validates against DiagnosisSchema, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const parsed = DiagnosisSchema.safeParse(JSON.parse(toJson(diagnose(branchFleet()), lang)));
      expect(parsed.success, parsed.error?.message).toBe(true);
    }
  });

  it('the in-memory diagnosis validates too', () => {
    expect(DiagnosisSchema.safeParse(diagnose(branchFleet())).success).toBe(true);
  });

  it('DiagnosisSchema rejects a wrong verdict or schema id', () => {
    const json = JSON.parse(toJson(diagnose(branchFleet())));
    json.devices[0].verdict = 'broken';
    expect(DiagnosisSchema.safeParse(json).success).toBe(false);
    const other = JSON.parse(toJson(diagnose(branchFleet())));
    other.schema = 'something-else@1';
    expect(DiagnosisSchema.safeParse(other).success).toBe(false);
  });

  it('resolves runbooks, evidence and flags to the language asked, English by default', () => {
    const en = JSON.parse(toJson(diagnose(branchFleet())));
    const fr = JSON.parse(toJson(diagnose(branchFleet()), 'fr'));
    const nodns = (j: { devices: { id: string; runbook: { text: string }[] }[] }) =>
      j.devices.find((d) => d.id === 'branch-nodns')?.runbook[0]?.text;
    expect(nodns(en)).toMatch(/^Confirm that the device has no management DNS server: /);
    expect(nodns(fr)).toMatch(/^Vérifiez que l’équipement n’a aucun serveur DNS de gestion : /);
    expect(JSON.stringify(fr)).not.toMatch(/"en":/);
  });

  it('has a stable key order, whatever order the diagnosis was built in', () => {
    const d = diagnose(branchFleet());
    const shuffled = JSON.parse(JSON.stringify(d), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    );
    expect(toJson(shuffled)).toBe(toJson(d));
    expect(Object.keys(JSON.parse(toJson(d))).slice(0, 3)).toEqual(['schema', 'fmc', 'integration']);
    const device = JSON.parse(toJson(d)).devices[0];
    expect(Object.keys(device).slice(0, 3)).toEqual(['id', 'name', 'version']);
    expect(Object.keys(JSON.parse(toJson(d)).counts)).toEqual([
      'healthy',
      'expected-integration-off',
      'dns-missing',
      'proxy',
      'connectivity',
      'unknown',
    ]);
  });

  it('is pretty-printed', () => {
    expect(toJson(diagnose(branchFleet()))).toMatch(/^\{\n {2}"schema": "fmc-cloud-doctor\/diagnosis@1",\n/);
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(diagnose(branchFleet()), 'en', AT, { extensionVersion: '1.2.3' });

  it('has the title, a summary, the failing table, each failing device, the healthy count and the cross-checks', () => {
    expect(md).toMatch(/^# FMC Cloud Doctor: Cisco Cloud Configuration failure report\n\n## Summary\n/);
    expect(md).toContain(
      '- **FMC:** `https://fmc.example.net`, version 7.2.5, domain Global (`e276abec-e0f2-11e3-8169-6d9ed49b625f`)',
    );
    expect(md).toContain('- **Diagnosed:** 2025-03-01 10:00 UTC');
    expect(md).toContain('- **Cloud integration:** **on**, scenario 2 (inferred).');
    expect(md).toContain('  Inferred, not stated by the FMC');
    expect(md).toContain('- **Devices:** 7: 4 failing, 3 healthy');
    expect(md).toContain('- **Exported by:** FMC Cloud Doctor 1.2.3');
    expect(md).toContain(
      '| Name | Management address | Version | Verdict | Management DNS | Proxy | Gateway | Failing since |',
    );
    expect(md).toContain(
      '| branch-proxy | not given | 7.2.5 | Proxy (may be CSCvs05084) | 10.0.0.53 | enabled (10.99.0.8:3128) | 10.0.0.1 | 2023-11-14 22:13 UTC |',
    );
    expect(md).toContain('```\nconfigure network dns servers 10.0.0.53,10.0.0.54\n```');
    expect(md).toContain('### branch-resolver');
    expect(md).toContain('## Healthy devices\n\n3 devices report no Cloud Configuration failure.');
    expect(md).toContain('## Cross-checks across devices');
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Failing devices (4)'));
    expect(md.indexOf('## Failing devices (4)')).toBeLessThan(md.indexOf('## Healthy devices'));
  });

  it('lists only failing devices, in the table and in the per-device sections', () => {
    expect(md).not.toContain('hq-1');
    expect(md).toContain('### branch-old');
    expect(md.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(2 + 4);
  });

  it('shows the uncertain inference', () => {
    const unsure = toMarkdown(diagnose(fleet([], { cloudEvents: 'error' })), 'en', AT);
    expect(unsure).toContain('scenario 2 (inferred, uncertain)');
  });

  it('says when the date or the version is unknown, and never reads the clock', () => {
    const a = toMarkdown(diagnose(branchFleet()), 'en');
    expect(a).toContain('- **Diagnosed:** time not recorded');
    expect(a).toContain('- **Exported by:** FMC Cloud Doctor (version unknown)');
    expect(toMarkdown(diagnose(branchFleet()), 'en')).toBe(a);
  });

  it('in French, is French', () => {
    const fr = toMarkdown(diagnose(branchFleet()), 'fr', AT, { extensionVersion: '1.2.3' });
    expect(fr).toContain('# FMC Cloud Doctor : rapport sur l’échec Cisco Cloud Configuration');
    expect(fr).toContain('## Résumé');
    expect(fr).toContain(
      '| Nom | Adresse de gestion | Version | Verdict | DNS de gestion | Proxy | Passerelle | En échec depuis |',
    );
    expect(fr).toContain('## Équipements en échec (4)');
    expect(fr).toContain('- **Intégration cloud :** **activée**, scénario 2 (déduit).');
    expect(fr).toContain('- **Diagnostic :** 2025-03-01 10:00 UTC');
    expect(fr).toContain('- **Exporté par :** FMC Cloud Doctor 1.2.3');
    expect(fr).toMatch(/^\*\*Étape 1\*\* \(CLI\) : \S/m);
    for (const english of [
      'Failing devices',
      'Summary',
      'Why this verdict',
      'Step 1',
      'Confirm that',
      'Exported by',
      'not given',
    ])
      expect(fr).not.toContain(english);
  });

  it('scenario 1 report carries the silence steps, the menu as typed', () => {
    const off = toMarkdown(diagnose(fleet([failing('a', shown({ dns: [] }))], INTEGRATION_OFF)), 'en', AT);
    expect(off).toContain('Expected (cloud integration off)');
    expect(off).toContain('- **Cloud integration:** **off**, scenario 1 (inferred).');
    expect(off).toContain('System > Health > Policy');
  });
});

describe('toMarkdown with hostile device names and alert details', () => {
  const devices = HOSTILE.map((name, i) =>
    i % 2 === 0
      ? failing(`f${i}`, shown({ dns: [] }), {
          name,
          alert: { status: 'RED', details: `${name}<br>second line` },
        })
      : healthy(`h${i}`, shown({ dns: ['10.0.0.53'] }), { name }),
  );
  const md = toMarkdown(diagnose(fleet(devices)), 'en', AT);
  const tableRows = md.split('\n').filter((line) => line.startsWith('| '));

  it('stays one table row per failing device, each with eight cells', () => {
    expect(tableRows).toHaveLength(HOSTILE.length / 2 + 2);
    for (const row of tableRows.slice(2)) {
      const cells = row.slice(1, -1).split(/(?<!\\)\|/);
      expect(cells, row).toHaveLength(8);
    }
  });

  it('contains no heading or extra fence from a name; markup stays in code spans', () => {
    expect(md).not.toMatch(/^# heading/m);
    expect(md).not.toMatch(/^#+ #/m);
    expect(md).not.toContain('line one\nline two');
    expect(md).toContain('`<img` src=x onerror=alert(1)>');
    expect(md).toContain('`[link](javascript:alert(1))`');
    expect(md).toContain('### `#` heading');
  });

  it('never writes a raw <br>', () => {
    expect(md).not.toMatch(/<br>/i);
  });

  it('keeps every fenced block balanced', () => {
    const fences = md.split('\n').filter((line) => /^`{3,}$/.test(line));
    expect(fences.length % 2).toBe(0);
  });
});

describe('toMarkdown when pieces are missing', () => {
  const reason = {
    en: 'The FMC answered devices/devicerecords with a server error (500).',
    fr: 'Erreur 500.',
  };

  it('opens with an Incomplete section naming each piece and why', () => {
    const input = { ...fleet([healthy('h', shown({ dns: ['10.0.0.53'] }))]) };
    const md = toMarkdown(
      diagnose({ ...input, incomplete: [{ part: 'devices', reason }], failingComplete: true }),
      'en',
      AT,
    );
    const section = md.split('\n## ')[2] ?? '';
    expect(section).toMatch(/^Incomplete\n/);
    expect(section).toContain(
      '- **Device list:** The FMC answered devices/devicerecords with a server error (500).',
    );
    expect(md.indexOf('## Incomplete')).toBeLessThan(md.indexOf('## Failing devices'));
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Incomplete'));
  });

  it('never says that no device fails when the pieces that would show one are missing', () => {
    const none = diagnose({ ...fleet([]), incomplete: [{ part: 'alerts', reason }], failingComplete: false });
    const md = toMarkdown(none, 'en', AT);
    expect(md).not.toContain('No device reports a Cloud Configuration failure');
    expect(md).toContain('Whether a device reports the Cloud Configuration failure cannot be told');
    expect(toMarkdown(none, 'fr', AT)).toContain('Impossible de dire si un équipement signale');

    const some = diagnose({
      ...fleet([failing('a', shown({ dns: [] }))]),
      incomplete: [{ part: 'alerts', reason }],
      failingComplete: false,
    });
    expect(toMarkdown(some, 'en', AT)).toContain('Other devices may fail too');

    const withHealthy = diagnose({
      ...fleet([failing('a', shown({ dns: [] })), healthy('h', shown({ dns: ['10.0.0.53'] }))]),
      incomplete: [{ part: 'alerts', reason }],
      failingComplete: false,
    });
    const partial = toMarkdown(withHealthy, 'en', AT);
    expect(partial).toContain('1 device was not found failing; whether it fails cannot be told');
    expect(partial).not.toContain('report no Cloud Configuration failure');
    expect(toMarkdown(withHealthy, 'fr', AT)).toContain(
      '1 équipement n’a pas été trouvé en échec ; impossible de dire s’il échoue',
    );
  });

  it('says "no device reports" only when the failing set is complete', () => {
    const md = toMarkdown(diagnose(fleet([healthy('h', shown({ dns: ['10.0.0.53'] }))])), 'en', AT);
    expect(md).toContain('No device reports a Cloud Configuration failure.');
    expect(md).not.toContain('## Incomplete');
  });
});

describe('Markdown: words that would become links or formatting go in code spans, as typed', () => {
  it.each([
    // A word that could autolink or format goes in a code span (markdown-escape.ts; rendered in markdown-gfm.test.ts).
    ['https://evil.example/x', '`https://evil.example/x`'],
    ['see http://a.b and ftp://c.d', 'see `http://a.b` and `ftp://c.d`'],
    ['www.evil.example', '`www.evil.example`'],
    ['WWW.Evil.example', '`WWW.Evil.example`'],
    ['admin@evil.example', '`admin@evil.example`'],
    ['mailto:admin@evil.example', '`mailto:admin@evil.example`'],
    ['edge|admin@evil.example', '`edge|admin@evil.example`'],
    ['<b>admin@evil.example</b>', '`<b>admin@evil.example</b>`'],
    ['connector_port=8989', '`connector_port=8989`'],
    ['~~struck~~', '`~~struck~~`'],
    ['__bold__ *it*', '`__bold__` `*it*`'],
    ['$x^2$', '`$x^2$`'],
    ['- nested', '`-` nested'],
    ['+ nested', '`+` nested'],
    ['1. nested', '`1.` nested'],
    ['2) nested', '`2)` nested'],
    ['> quoted', '`>` quoted'],
    ['--- rule', '`---` rule'],
    ['![img](https://x.example/a.png)', '`![img](https://x.example/a.png)`'],
    ['(root@fp:~#).', '(`root@fp:~#`).'],
    ['tick`s', '``tick`s``'],
    ['`edge`', '`` `edge` ``'],
    [':smile:', '`:smile:`'],
    ['R&D &lt;b&gt;', 'R&D `&lt;b&gt;`'],
    ['C:\\path', '`C:\\path`'],
  ])('%s', (name, written) => {
    expect(mdText(name)).toBe(written);
  });

  it('keeps plain names, versions, addresses and punctuation as typed, with no backslash', () => {
    for (const plain of [
      'ftd-0001',
      '7.4.1',
      '10.20.0.53, 10.20.1.53',
      '-5 dB',
      'System > Health > Policy',
      'Proxy (may be CSCvs05084)',
      'R&D',
      'a|b',
    ])
      expect(mdText(plain)).toBe(plain);
  });

  it('escapes a pipe in a table cell, inside a code span too, and only there', () => {
    expect(mdText('a|b', { cell: true })).toBe('`a\\|b`');
    expect(mdText('edge|admin@evil.example', { cell: true })).toBe('`edge\\|admin@evil.example`');
    // A backslash before the pipe is doubled, so the pipe stays escaped for cmark-gfm and micromark.
    expect(mdText('a\\|b', { cell: true })).toBe('`a\\\\\\|b`');
    // A block start means nothing in a cell.
    expect(mdText('- 1.', { cell: true })).toBe('- 1.');
  });
});

describe('Markdown escaping primitives', () => {
  it('mdText collapses lines, drops control characters and <br>', () => {
    expect(mdText('one\n\ntwo\r\nthree\u2028four<br/>five\u0007six')).toBe('one two three four five six');
    expect(mdText(undefined)).toBe('');
    expect(mdText(7)).toBe('7');
  });

  it('mdCode always writes a code span, outlasting any backtick run', () => {
    expect(mdCode('10.0.0.1')).toBe('`10.0.0.1`');
    expect(mdCode('a``b')).toBe('`a``b`');
    expect(mdCode('')).toBe('');
  });

  it('mdFence outlasts any backtick run in the content and keeps it as typed', () => {
    expect(mdFence(['echo ```x```'])).toBe('````\necho ```x```\n````');
    expect(mdFence(['ls'])).toBe('```\nls\n```');
    expect(mdFence('a\r\nb\u0007')).toBe('```\na\nb\n```');
  });
});

describe('bundle hygiene', () => {
  it('only schema.ts imports zod at runtime; knowledge/schema is imported for types only', () => {
    const dir = join(__dirname, '../../lib/diagnose');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      if (file !== 'schema.ts') expect(source, file).not.toMatch(/from 'zod'/);
      expect(source, file).not.toMatch(/^import \{[^}]*\} from '\.\.\/knowledge\/schema'/m);
      expect(source, file).not.toMatch(/from '\.\.\/knowledge'/);
    }
  });
});
