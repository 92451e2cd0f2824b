import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STORAGE } from '../../lib/platform/storage';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('one storage registry', () => {
  it('no code outside lib/platform/storage.ts touches browser storage directly', () => {
    const offenders = ['lib', 'components', 'entrypoints']
      .flatMap(sources)
      .filter((file) => !file.endsWith(join('lib', 'platform', 'storage.ts')))
      .filter((file) =>
        /\b(browser|chrome)\.storage\.|storage\.defineItem|wxt\/utils\/storage/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  it('lists every key with its area, and documents each one in its table', () => {
    const keys = [
      STORAGE.healthPolicyOverrides.key,
      STORAGE.requestsPerMinute.key,
      STORAGE.usernames.key,
      STORAGE.dnsResolver.key,
      STORAGE.managedOrigins.key,
      STORAGE.tokens('https://fmc.example').key,
      STORAGE.diagnosis('https://fmc.example').key,
      STORAGE.hintCounts(7).key,
      STORAGE.watchSchedule.key,
      STORAGE.watches('https://fmc.example').key,
    ];
    expect(keys).toEqual([
      'local:healthPolicyOverrides',
      'local:fmcRequestsPerMinute',
      'local:fmcUsernames',
      'local:dnsResolver',
      'managed:fmcOrigins',
      'session:fmc-session:https://fmc.example',
      'session:diagnosis:https://fmc.example',
      'session:hints:7',
      'local:watchSchedule',
      'local:watches:https://fmc.example',
    ]);
    const doc = readFileSync(join(ROOT, 'lib/platform/storage.ts'), 'utf8');
    for (const key of keys) {
      const [area, name] = [key.split(':')[0], key.split(':')[1]];
      expect(doc, key).toMatch(new RegExp(`\\| \`${name}[^|]*\` \\| ${area} \\|`));
    }
  });
});
