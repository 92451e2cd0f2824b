import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('store zips', () => {
  // The script zips one snapshot of the working tree twice (edits made meanwhile cannot interfere). Firefox's
  // run makes both kinds of zip (the extension and the sources Mozilla asks for) through the same normalising
  // hook as Chromium's; `node scripts/check-reproducible-zip.mjs` without arguments checks all three.
  it('are byte for byte the same when built twice from the same sources', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/check-reproducible-zip.mjs', '--browsers', 'firefox'],
      { cwd: root },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`not reproducible:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    expect(stdout).toMatch(/^same +[0-9a-f]{64} fmc-cloud-doctor-[\d.]+-firefox\.zip$/m);
    expect(stdout).toMatch(/^same +[0-9a-f]{64} fmc-cloud-doctor-[\d.]+-sources\.zip$/m);
    expect(stdout).not.toContain('DIFFERENT');
  }, 120_000);
});
