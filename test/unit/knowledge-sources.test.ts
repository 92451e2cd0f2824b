import { describe, expect, it } from 'vitest';
import { diagnose } from '../../lib/diagnose/diagnose';
import { VERDICT_LABELS } from '../../lib/diagnose/labels';
import { RUNBOOKS, type StepTemplate } from '../../lib/diagnose/runbook-steps';
import { inferScenario } from '../../lib/diagnose/scenario';
import type { Verdict } from '../../lib/diagnose/types';
import { rateForVersion } from '../../lib/fmc/version';
import { entryById, knowledgeBase } from '../../lib/knowledge';
import { REGIONS } from '../../lib/knowledge/regions';
import { resolveLang } from '../../lib/knowledge/resolve';
import { Sourced as SourcedSchema, SourceSchema } from '../../lib/knowledge/schema';
import {
  CISCO_HOSTS,
  DOCS,
  SEED_URL,
  type Source,
  type Sourced,
  sourcesOf,
  sourceUrl,
} from '../../lib/knowledge/sources';
import { failing, fleet, healthy, INTEGRATION_OFF, notRead, shown } from '../fixtures/diagnose/build';

// Issue 18: every sentence of the knowledge base and of the runbooks carries its source, in the data.

/** Keys whose `{ en, fr }` value is a label (a title, a name, an address), not a sentence of advice. */
const LABEL_KEYS = new Set(['title', 'label', 'url', 'name']);

interface Found {
  path: string;
  value: Record<string, unknown>;
}

function isBilingual(value: unknown): value is Record<string, unknown> & { en: string; fr: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { en?: unknown }).en === 'string' &&
    typeof (value as { fr?: unknown }).fr === 'string'
  );
}

/** Every `{ en, fr }` in the data that is no label and has no valid source. */
function unsourced(value: unknown, path = '$', out: Found[] = []): Found[] {
  if (isBilingual(value)) {
    const key =
      path
        .replace(/\[\d+\]$/, '')
        .split('.')
        .pop() ?? '';
    const label =
      LABEL_KEYS.has(key) || /\.head\[\d+\]$/.test(path) || /\.rows\[\d+\]\[\d+\]\.text$/.test(path);
    if (!label && !SourcedSchema.safeParse(value).success) out.push({ path, value });
    return out;
  }
  if (Array.isArray(value))
    value.forEach((item, i) => {
      unsourced(item, `${path}[${i}]`, out);
    });
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) unsourced(item, `${path}.${key}`, out);
  return out;
}

/** Every sourced sentence in the data, with its path. */
function sourced(value: unknown, path = '$', out: { path: string; sentence: Sourced }[] = []) {
  if (isBilingual(value) && 'source' in value) {
    out.push({ path, sentence: value as unknown as Sourced });
    return out;
  }
  if (Array.isArray(value))
    value.forEach((item, i) => {
      sourced(item, `${path}[${i}]`, out);
    });
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) sourced(item, `${path}.${key}`, out);
  return out;
}

const INFERRED_EN = /\binfer(?:red|ence|s)?\b/i;
const INFERRED_FR = /dédui|déduction/i;

const isInferred = (sentence: Sourced) => sourcesOf(sentence).some((source) => source.kind === 'inferred');

function templateSentences(): { path: string; sentence: Sourced }[] {
  return (Object.entries(RUNBOOKS) as [Verdict, readonly StepTemplate[]][]).flatMap(([verdict, steps]) =>
    steps.flatMap((step, i) => [
      { path: `${verdict}[${i}] ${step.id}`, sentence: step.text },
      ...(step.commands ?? []).flatMap((command) =>
        command.expect ? [{ path: `${verdict}[${i}] ${command.command}`, sentence: command.expect }] : [],
      ),
    ]),
  );
}

const allText = (value: unknown) => JSON.stringify(value);

describe('every sentence carries its source', () => {
  it('the walker finds a sentence without a source, and accepts labels (positive control)', () => {
    const data = {
      title: { en: 'A title', fr: 'Un titre' },
      paragraphs: [
        { en: 'Sourced.', fr: 'Sourcé.', source: { kind: 'seed' } },
        { en: 'Not sourced.', fr: 'Sans source.' },
        {
          en: 'Bad source.',
          fr: 'Mauvaise source.',
          source: { kind: 'cisco', title: 'x', url: 'https://evil.example/' },
        },
      ],
      table: { head: [{ en: 'Region', fr: 'Région' }], rows: [[{ text: { en: 'US', fr: 'US' } }]] },
    };
    expect(unsourced(data).map((found) => found.path)).toEqual(['$.paragraphs[1]', '$.paragraphs[2]']);
  });

  it('in the whole knowledge base', () => {
    expect(unsourced(knowledgeBase).map((found) => found.path)).toEqual([]);
    // Far more sentences than labels: the walk did reach them.
    expect(sourced(knowledgeBase).length).toBeGreaterThan(120);
  });

  it('in every runbook template: each step text and each expected output', () => {
    const sentences = templateSentences();
    expect(sentences.length).toBeGreaterThan(40);
    for (const { path, sentence } of sentences)
      expect(SourcedSchema.safeParse(sentence).success, path).toBe(true);
    expect(unsourced(RUNBOOKS).map((found) => found.path)).toEqual([]);
  });

  it('inferred sentences say so, in English and in French', () => {
    const sentences = [...sourced(knowledgeBase), ...templateSentences()].filter(({ sentence }) =>
      isInferred(sentence),
    );
    expect(sentences.length).toBeGreaterThan(25);
    for (const { path, sentence } of sentences) {
      expect(sentence.en, path).toMatch(INFERRED_EN);
      expect(sentence.fr, path).toMatch(INFERRED_FR);
    }
  });

  it('the seed and Cisco’s documents are both cited, and every Cisco source is one of DOCS, on a Cisco host', () => {
    const sources = [...sourced(knowledgeBase), ...templateSentences()].flatMap(({ sentence }) =>
      sourcesOf(sentence),
    );
    const kinds = new Set(sources.map((source) => source.kind));
    expect([...kinds].sort()).toEqual(['cisco', 'inferred', 'seed']);
    const docs = Object.values(DOCS);
    for (const source of sources.filter((s) => s.kind === 'cisco')) {
      expect(docs).toContainEqual(source);
      expect(SourceSchema.safeParse(source).success).toBe(true);
      const url = new URL((source as { url: string }).url);
      expect(url.protocol).toBe('https:');
      expect(CISCO_HOSTS).toContain(url.hostname);
    }
  });
});

describe('sources survive resolution and reach the runbooks', () => {
  it('a resolved entry keeps each sentence’s sources beside its text, in the language asked', () => {
    const entry = entryById('cloud-configuration');
    if (!entry) throw new Error('cloud-configuration missing');
    const fr = resolveLang(entry, 'fr');
    expect(fr.summary).toEqual({ text: entry.summary.fr, sources: [{ kind: 'seed' }], lang: 'fr' });
    expect(fr.title).toBe(entry.title.fr);
    const connector = fr.sections[1]?.sections?.find((section) => section.id === 'connector');
    const lsof = connector?.steps
      ?.flatMap((step) => step.commands ?? [])
      .find((c) => c.command.startsWith('lsof'));
    expect(lsof?.lookFor?.sources.map((source) => source.kind)).toEqual(['seed', 'cisco', 'inferred']);
  });

  it('every built runbook step has its sources, and every expected output too', () => {
    const input = fleet(
      [
        failing('dns', shown({ dns: [] })),
        failing('proxy', shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.9.9', port: 3128 } })),
        failing('conn', shown({ dns: ['10.0.0.99'], gateway: 'data-interfaces' })),
        failing('unk', notRead()),
        healthy('ok', shown({ dns: ['10.0.0.53'] })),
      ],
      { regionHost: 'api.aus.sse.itd.cisco.com' },
    );
    const devices = diagnose(input).devices.filter((d) => d.runbook.length > 0);
    expect(devices.length).toBe(4);
    for (const device of devices)
      for (const step of device.runbook) {
        expect(step.sources.length, `${device.id} ${step.id}`).toBeGreaterThan(0);
        for (const command of step.commands)
          if (command.expect)
            expect(command.sources?.length, `${device.id} ${command.command}`).toBeGreaterThan(0);
      }
  });
});

describe('sourceUrl links only to Cisco’s documentation', () => {
  it('gives the seed in the language asked', () => {
    expect(sourceUrl({ kind: 'seed' }, 'en')).toBe(SEED_URL.en);
    expect(sourceUrl({ kind: 'seed' }, 'fr')).toBe(SEED_URL.fr);
    expect(SEED_URL.fr).toContain('/c/fr_ca/');
    expect(sourceUrl({ kind: 'inferred' }, 'en')).toBeNull();
    expect(sourceUrl(DOCS.nacHealthPolicy, 'en')).toBe(
      'https://netascode.cisco.com/docs/data_models/fmc/policies/health_policy',
    );
  });

  it.each([
    'javascript:alert(1)',
    'http://www.cisco.com/c/en/us/index.html',
    'https://www.cisco.com.evil.example/',
    'https://evil.example/www.cisco.com/',
    'https://user@www.cisco.com/',
    'data:text/html,<b>x</b>',
    'not a url',
  ])('refuses %s', (url) => {
    const source: Source = { kind: 'cisco', title: 'x', url };
    expect(sourceUrl(source, 'en')).toBeNull();
  });
});

describe('the corrected advice (issue 18, fixes 1-6)', () => {
  const cloud = entryById('cloud-configuration');
  const kb = allText(cloud);
  const runbooks = allText(RUNBOOKS);

  it('1. becomes root in expert mode, and reads lsof as root', () => {
    const expert = RUNBOOKS.connectivity.find((step) => step.id === 'expert');
    expect(expert?.commands?.map((c) => [c.command, c.shell])).toEqual([
      ['expert', 'cli'],
      ['sudo su -', 'expert'],
    ]);
    expect(expert?.text.en).toMatch(/become root/);
    expect(expert?.text.fr).toMatch(/devenez root/);
    for (const verdict of ['dns-missing', 'proxy', 'connectivity', 'unknown'] as const)
      expect(
        RUNBOOKS[verdict].some((step) => step.id === 'expert'),
        verdict,
      ).toBe(true);
    const lsof = RUNBOOKS.connectivity
      .flatMap((s) => s.commands ?? [])
      .find((c) => c.command.startsWith('lsof'));
    expect(lsof?.expect?.en).toMatch(
      /^As root, the TAC note expects a connection to port 8989\/tcp in the ESTABLISHED state; an ESTABLISHED connection to port 443/,
    );
    expect(lsof?.expect?.fr).toMatch(
      /^En tant que root, la note TAC attend une connexion vers le port 8989\/tcp à l’état ESTABLISHED ; une connexion ESTABLISHED vers le port 443/,
    );
    expect(lsof?.expect?.en).toContain('run as admin, the command prints nothing even on a healthy device');
    expect(lsof?.expect?.en).not.toContain('means the connector cannot reach the cloud');
    // The hint's connector section too.
    expect(kb).toContain('"command":"sudo su -"');
    expect(kb).toContain('Check the connector’s connection, as root.');
    expect(kb).toContain('Vérifiez la connexion du connecteur, en tant que root.');
  });

  it('2. lists mx* hosts for Australia and India, India still hedged', () => {
    const aus = REGIONS.find((r) => r.id === 'aus');
    const ind = REGIONS.find((r) => r.id === 'ind');
    expect(aus?.otherHosts).toContain('mx*.aus.sse.itd.cisco.com');
    expect(ind?.otherHosts).toContain('mx*.in.sse.itd.cisco.com');
    expect(ind?.hedged).toBe(true);
    expect(aus?.hedged).toBe(false);
    expect(kb).toContain('mx*.aus.sse.itd.cisco.com');
    // They feed the proxy allow-list step.
    const input = fleet(
      [failing('p', shown({ dns: ['10.0.0.53'], proxy: { address: '10.9.9.9', port: 3128 } }))],
      { regionHost: 'api.aus.sse.itd.cisco.com' },
    );
    const allow = diagnose(input).devices[0]?.runbook.find((step) => step.id === 'allow-hosts');
    expect(allow?.text.en).toContain('mx*.aus.sse.itd.cisco.com');
    expect(allow?.text.fr).toContain('mx*.aus.sse.itd.cisco.com');
  });

  it('3. hedges or sources what was stated without a source', () => {
    for (const text of [kb, runbooks]) {
      expect(text).not.toMatch(/30 minutes|trentaine de minutes/);
      expect(text).not.toContain('most failures come down to DNS');
      expect(text).not.toContain('la plupart des échecs viennent du DNS');
      expect(text).not.toContain('covers this case');
    }
    expect(kb).toContain('DNS is the first thing the TAC note checks');
    expect(kb).toContain('le DNS est la première chose que vérifie la note TAC');
    expect(runbooks).toContain('it usually clears at the next run of the Threat Data Updates module');
    expect(runbooks).toContain('elle disparaît en général à la prochaine exécution du module');
    expect(VERDICT_LABELS.proxy).toEqual({
      en: 'Proxy (may be CSCvs05084)',
      fr: 'Proxy (peut-être CSCvs05084)',
    });
    // NTLM: the FMC's own proxy, and only as an inference for the device's.
    const ntlm = sourced(cloud).find(({ sentence }) => sentence.en.includes('NTLM'));
    expect(ntlm?.sentence.en).toContain('the FMC’s own proxy settings do not support NTLM');
    expect(ntlm?.sentence.en).toContain(
      'whether the device’s management proxy has the same limit is not documented',
    );
    expect(ntlm?.sentence.fr).toContain(
      'rien ne dit si le proxy de gestion de l’équipement a la même limite',
    );
    expect(runbooks).not.toContain('NTLM');
    // Port 443 comes from the document that says it, not a table row nobody read.
    const feeds = allText(entryById('si-url-feeds'));
    expect(feeds).not.toContain('access-requirements table');
    expect(feeds).toContain('443/tcp (HTTPS) and 80/tcp (HTTP) by default');
    expect(feeds).toContain(DOCS.ports.kind === 'cisco' ? DOCS.ports.url : '');
  });

  it('3. applies 300 requests per minute exactly where the text says: 7.4.1 to 7.4.x and 7.6.0 on', () => {
    expect(rateForVersion('7.4.0')).toBe(120);
    expect(rateForVersion('7.4.1')).toBe(300);
    expect(rateForVersion('7.4.2 (build 172)')).toBe(300);
    expect(rateForVersion('7.5.0')).toBe(120);
    expect(rateForVersion('7.6.0')).toBe(300);
    expect(rateForVersion('7.7.10')).toBe(300);
    expect(rateForVersion('6.7.0')).toBe(120);
  });

  it('4. gives the health policy path per version: the seed’s 6.x path and Troubleshooting > Health > Policy', () => {
    const scenario1 = cloud?.sections.find((section) => section.id === 'scenario-1');
    const steps = scenario1?.steps ?? [];
    expect(steps[0]?.text.en).toContain('System > Health > Policy on 6.x, as in the TAC note');
    expect(steps[0]?.text.source).toEqual({ kind: 'seed' });
    expect(steps[1]?.text.en).toContain('Troubleshooting > Health > Policy');
    expect(steps[1]?.text.fr).toContain('Troubleshooting > Health > Policy');
    expect(sourcesOf(steps[1]?.text)).toContainEqual(DOCS.nacHealthPolicy);
    expect(isInferred(steps[1]?.text as Sourced)).toBe(true);
    const silence = RUNBOOKS['expected-integration-off'].find((step) => step.id === 'silence');
    expect(silence?.text.en).toMatch(
      /System > Health > Policy on 6\.x.*Troubleshooting > Health > Policy on current/,
    );
    expect(sourcesOf(silence?.text)).toContainEqual(DOCS.nacHealthPolicy);
  });

  it('5. names the 7.2+ Cisco Security Cloud integration page where it says to switch the integration on', () => {
    const enable = RUNBOOKS['expected-integration-off'].find((step) => step.id === 'enable-integration');
    expect(enable?.text.en).toContain('on FMC 7.2 and later');
    expect(enable?.text.en).toContain('Cisco Security Cloud integration page');
    expect(enable?.text.fr).toContain('page d’intégration Cisco Security Cloud');
    expect(sourcesOf(enable?.text)).toContainEqual(DOCS.securityCloud);
    const off = inferScenario(INTEGRATION_OFF);
    expect(off.scenario).toBe(1);
    expect(off.note.en).toContain('Cisco Security Cloud integration page');
    expect(off.note.fr).toContain('page d’intégration Cisco Security Cloud');
    const assumed = inferScenario({ cloudEvents: 'error', securex: null, regionHost: null });
    expect(assumed.note.en).toContain('Cisco Security Cloud integration page');
    expect(kb).toContain('from the FMC’s Cisco Security Cloud integration page');
  });

  it('6. says the "self signed certificate in certificate chain" line is normal, and adds the seed’s further checks', () => {
    const tls = cloud?.sections[1]?.sections?.find((section) => section.id === 'tls-inspection');
    const issuer = tls?.steps?.[0]?.commands?.[0]?.lookFor;
    expect(issuer?.en).toContain('self signed certificate in certificate chain (19), continuing anyway');
    expect(issuer?.en).toContain('it is normal and does not mean decryption');
    expect(issuer?.fr).toContain('elle est normale et ne signale pas de déchiffrement');
    expect(kb).toContain('SSL certificate verify result: self signed certificate in certificate chain (19)');
    expect(runbooks).toContain('self signed certificate in certificate chain (19), continuing anyway');
    expect(kb).toContain('"command":"curl -v -k https://cloud-sa.amp.cisco.com"');
    for (const host of [
      'cloud-sa.amp.sourcefire.com',
      'cloud-sa.amp.cisco.com',
      'api.amp.sourcefire.com',
      'panacea.threatgrid.com',
    ])
      expect(kb).toContain(`"command":"nslookup ${host}"`);
  });
});
