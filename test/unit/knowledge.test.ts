import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import { uiLang } from '../../lib/i18n';
import {
  bugUrl,
  type Command,
  entryById,
  type KnowledgeEntry,
  knowledgeBase,
  type Section,
  TAC_NOTE,
} from '../../lib/knowledge';
import { REGIONS, regionByApiHost } from '../../lib/knowledge/regions';
import { KnowledgeEntrySchema } from '../../lib/knowledge/schema';

interface Found {
  path: string;
  en: string;
  fr: string;
}

function isLocalized(value: unknown): value is { en: string; fr: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    ['en,fr', 'en,fr,source'].includes(Object.keys(value).sort().join())
  );
}

/** Every `{en, fr}` pair anywhere in the data, whatever the nesting. */
function localizedIn(value: unknown, path = '$', out: Found[] = []): Found[] {
  if (isLocalized(value)) {
    out.push({ path, en: value.en, fr: value.fr });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      localizedIn(item, `${path}[${i}]`, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) localizedIn(item, `${path}.${key}`, out);
  }
  return out;
}

// A host name, URL or command has no spaces; any real sentence does and must then differ between languages.
function untranslated(found: Found[]): string[] {
  return found.filter(({ en, fr }) => en === fr && /\s/.test(en)).map(({ path }) => path);
}

function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((section) => [section, ...allSections(section.sections ?? [])]);
}

function commandsOf(sections: readonly Section[]): Command[] {
  return allSections(sections).flatMap((section) =>
    (section.steps ?? []).flatMap((step) => step.commands ?? []),
  );
}

function section(sections: readonly Section[], id: string): Section {
  const found = allSections(sections).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

function cloudEntry(): KnowledgeEntry {
  const entry = entryById('cloud-configuration');
  if (!entry) throw new Error('cloud-configuration entry missing');
  return entry;
}

describe('knowledge base data', () => {
  it.each(knowledgeBase.map((entry) => [entry.id, entry] as const))('%s matches the schema', (_id, entry) => {
    const result = KnowledgeEntrySchema.safeParse(entry);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
  });

  it('has unique entry ids and unique section ids among siblings', () => {
    const ids = knowledgeBase.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    const check = (sections: readonly Section[]) => {
      const siblingIds = sections.map((s) => s.id);
      expect(new Set(siblingIds).size, siblingIds.join()).toBe(siblingIds.length);
      for (const s of sections) check(s.sections ?? []);
    };
    for (const entry of knowledgeBase) check(entry.sections);
  });

  it('has every text in both languages, trimmed and translated', () => {
    const found = localizedIn(knowledgeBase);
    expect(found.length).toBeGreaterThan(150);
    for (const { path, en, fr } of found) {
      expect(en.trim(), path).not.toBe('');
      expect(fr.trim(), path).not.toBe('');
      expect(en, path).toBe(en.trim());
      expect(fr, path).toBe(fr.trim());
    }
    expect(untranslated(found)).toEqual([]);
  });

  it('flags a sentence left untranslated but accepts a language-neutral string', () => {
    const data = {
      url: { en: 'https://example.com/a', fr: 'https://example.com/a' },
      text: { en: 'Check the DNS.', fr: 'Check the DNS.' },
    };
    expect(untranslated(localizedIn(data))).toEqual(['$.text']);
  });

  it('words the hedged entries with care and lets each silence its alert', () => {
    const hedged = knowledgeBase.filter((entry) => entry.confidence === 'hedged');
    expect(hedged.map((entry) => entry.id).sort()).toEqual([
      'amp-dynamic-analysis',
      'local-malware-signatures',
      'si-dns-feeds',
      'si-network-feeds',
      'si-url-feeds',
      'url-category-reputation',
    ]);
    for (const entry of hedged) {
      expect(entry.meaning[0]?.en, entry.id).toMatch(/^Usually\b/);
      expect(entry.meaning[0]?.fr, entry.id).toMatch(/^Le plus souvent\b/);
      expect(
        allSections(entry.sections).some((s) => s.action === 'open-health-policy'),
        entry.id,
      ).toBe(true);
    }
  });

  it('names the documented hosts in the hedged entries', () => {
    const text = (id: string) => JSON.stringify(entryById(id));
    expect(text('local-malware-signatures')).toContain('nslookup amp.updates.vrt.sourcefire.com');
    expect(text('amp-dynamic-analysis')).toContain('curl -v -k https://fmc.api.threatgrid.com');
    expect(text('url-category-reputation')).toContain('CSCwo63951');
    expect(text('si-dns-feeds')).toContain('FN72332');
  });
});

describe('cloud-configuration entry', () => {
  it('is the documented explanation of the alert', () => {
    const entry = cloudEntry();
    expect(entry.confidence).toBe('documented');
    expect(entry.match).toEqual({
      modules: ['Threat Data Updates on Devices', 'Threat Data Updates'],
      dataType: 'Cisco Cloud Configuration',
      results: ['Failure', 'Failed'],
    });
    expect(JSON.stringify(entry.meaning)).toContain('api-sse.cisco.com');
    expect(JSON.stringify(entry.meaning)).toContain('CSCvr46845');
  });

  it('has both scenarios, scenario 1 offering the health-policy action', () => {
    const entry = cloudEntry();
    expect(entry.sections.map((s) => s.id)).toEqual(['scenario-1', 'scenario-2', 'regions', 'known-bugs']);
    const scenario1 = section(entry.sections, 'scenario-1');
    expect(scenario1.action).toBe('open-health-policy');
    expect(scenario1.when).toBeDefined();
    expect(JSON.stringify(scenario1.steps)).toContain('Save Policy and Exit');
    expect(JSON.stringify(scenario1.paragraphs)).toContain('Blacklist');
    const scenario2 = section(entry.sections, 'scenario-2');
    expect(scenario2.action).toBeUndefined();
    expect(scenario2.sections?.map((s) => s.id)).toEqual([
      'option-1',
      'option-2',
      'connector',
      'proxy',
      'routing',
      'tls-inspection',
      'after-the-fix',
    ]);
  });

  it('gives the TAC note commands, with their shells', () => {
    const commands = commandsOf(cloudEntry().sections);
    const shellOf = (command: string) => commands.find((c) => c.command === command)?.shell;
    expect(shellOf('show network')).toBe('cli');
    expect(commands.find((c) => c.command.startsWith('configure network dns servers'))?.shell).toBe('cli');
    expect(commands.some((c) => c.command.startsWith('configure network dns searchdomains'))).toBe(true);
    for (const command of [
      'nslookup api-sse.cisco.com',
      'curl -v -k https://api-sse.cisco.com',
      'cat /ngfw/etc/sf/connector.properties',
      'lsof -i | grep conn',
      'pmtool status | grep SSE',
      'telnet api-sse.cisco.com 443',
      'telnet api-sse.cisco.com 8989',
      'telnet cloud-sa.amp.cisco.com 443',
      'ping api-sse.cisco.com',
      'nslookup cloud-sa.amp.sourcefire.com',
      'nslookup cloud-sa.amp.cisco.com',
      'nslookup api.amp.sourcefire.com',
      'nslookup panacea.threatgrid.com',
    ]) {
      expect(shellOf(command), command).toBe('expert');
    }
  });

  it('shows what healthy and failing answers look like', () => {
    const options = section(cloudEntry().sections, 'option-2');
    const commands = commandsOf([options]);
    const curl = commands.find((c) => c.command === 'curl -v -k https://api-sse.cisco.com');
    expect(curl?.healthyOutput).toContain('HTTP/1.1 403 Forbidden');
    expect(curl?.lookFor?.en).toContain("Couldn't resolve host 'api-sse.cisco.com'");
    expect(curl?.lookFor?.en).toContain('exit code 6');
    const nslookup = commands.find((c) => c.command === 'nslookup api-sse.cisco.com');
    expect(nslookup?.healthyOutput).toContain('canonical name = api-sse.cisco.com.akadns.net.');
    const properties = commandsOf(cloudEntry().sections).find(
      (c) => c.command === 'cat /ngfw/etc/sf/connector.properties',
    );
    expect(properties?.healthyOutput?.split('\n')).toEqual([
      'registration_interval=180',
      'connector_port=8989',
      'region_discovery_endpoint=https://api-sse.cisco.com/providers/sse/api/v1/regions',
      'connector_fqdn=api-sse.cisco.com',
    ]);
  });

  it('attributes the 8989 claim to the TAC note', () => {
    const connector = section(cloudEntry().sections, 'connector');
    expect(JSON.stringify(connector.paragraphs)).toMatch(/The TAC note says[^"]*8989/);
  });

  it('lists the four known bugs', () => {
    const bugs = section(cloudEntry().sections, 'known-bugs').bugs ?? [];
    expect(bugs.map((bug) => bug.id)).toEqual(['CSCvs05084', 'CSCvp56922', 'CSCvu02123', 'CSCvr46845']);
  });

  it('builds the regions table from REGIONS', () => {
    const table = section(cloudEntry().sections, 'regions').table;
    expect(table?.rows).toHaveLength(REGIONS.length);
    REGIONS.forEach((region, i) => {
      const [name, api, others] = table?.rows[i] ?? [];
      expect(name && 'text' in name ? name.text.en : undefined).toContain(region.name.en);
      expect(name && 'text' in name ? name.text.fr : undefined).toContain(region.name.fr);
      if (region.hedged) expect(name && 'text' in name ? name.text.en : '').toMatch(/to be confirmed/);
      expect(api).toEqual({ code: [region.apiHost] });
      expect(others).toEqual({ code: [...region.otherHosts] });
    });
  });

  it('links the TAC note in English and French', () => {
    const entry = cloudEntry();
    expect(entry.links).toContainEqual(TAC_NOTE);
    expect(TAC_NOTE.url.en).toBe(
      'https://www.cisco.com/c/en/us/support/docs/security/firepower-ngfw/217616-troubleshoot-cisco-cloud-configuration.html',
    );
    expect(TAC_NOTE.url.fr).toBe(TAC_NOTE.url.en.replace('/c/en/us/', '/c/fr_ca/'));
  });
});

describe('regions', () => {
  it('covers the five SSE regions, India alone hedged', () => {
    expect(REGIONS.map((region) => region.id)).toEqual(['us', 'eu', 'apjc', 'aus', 'ind']);
    expect(REGIONS.filter((region) => region.hedged).map((region) => region.id)).toEqual(['ind']);
    expect(REGIONS[0]?.apiHost).toBe('api-sse.cisco.com');
  });

  it('finds a region by API host, tolerating case and a trailing dot', () => {
    expect(regionByApiHost('api-sse.cisco.com')?.id).toBe('us');
    expect(regionByApiHost('API.EU.SSE.ITD.CISCO.COM.')?.id).toBe('eu');
    expect(regionByApiHost('api.sse.cisco.com')).toBeUndefined();
    expect(regionByApiHost('dex.sse.itd.cisco.com')).toBeUndefined();
  });
});

describe('knowledge API', () => {
  it('derives one alert matcher per entry', () => {
    expect(alertMatchers).toEqual(knowledgeBase.map((entry) => ({ id: entry.id, ...entry.match })));
    expect(alertMatchers).toContainEqual({
      id: 'cloud-configuration',
      modules: ['Threat Data Updates on Devices', 'Threat Data Updates'],
      dataType: 'Cisco Cloud Configuration',
      results: ['Failure', 'Failed'],
    });
  });

  it('looks entries up by id', () => {
    expect(entryById('si-url-feeds')?.match.dataType).toBe('SI URL Lists and Feeds');
    expect(entryById('nope')).toBeUndefined();
  });

  it('picks the UI language', () => {
    expect(['fr', 'fr-CA', 'FR_fr', ' fr-BE'].map(uiLang)).toEqual(['fr', 'fr', 'fr', 'fr']);
    expect(['en-US', 'de', 'es-FR', ''].map(uiLang)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('builds Cisco Bug Search links', () => {
    expect(bugUrl('CSCvs05084')).toBe('https://bst.cloudapps.cisco.com/bugsearch/bug/CSCvs05084');
  });

  it('keeps zod out of the runtime imports', () => {
    const dir = join(import.meta.dirname, '../../lib/knowledge');
    const files = [
      'index.ts',
      'regions.ts',
      ...readdirSync(join(dir, 'entries')).map((name) => join('entries', name)),
    ];
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from 'zod'/);
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from '(\.\.?\/)+schema'/m);
    }
  });
});
