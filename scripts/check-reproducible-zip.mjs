// Reproducible store zips: builds and zips the extension twice for each browser (as `npm run zip` does) and
// compares the zips byte for byte (sha256). Exit 0 when every pair is identical, 1 otherwise, naming the
// entries that differ.
//
//   node scripts/check-reproducible-zip.mjs [--browsers chrome,firefox] [--keep]
//
// Same input: both runs zip one snapshot of the working tree (the files git tracks or would track, copied to a
// temporary folder, node_modules linked), so an edit or a build made meanwhile in the project cannot make the
// zips differ, and the project's own `.output` and `.wxt` are left alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const browsersArg = args[args.indexOf('--browsers') + 1];
const browsers = args.includes('--browsers') && browsersArg ? browsersArg.split(',') : ['chrome', 'firefox'];
const root = mkdtempSync(path.join(tmpdir(), 'fmc-cloud-doctor-zip-'));
const scratch = 'reproducible-check';
const scratchDir = path.join(root, '.output', scratch);

/** Tracked and untracked-but-not-ignored files, as `npm run zip` would see them in a clean checkout. */
function snapshot() {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: project,
    encoding: 'utf8',
  });
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(project, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    cpSync(from, path.join(root, file));
  }
  symlinkSync(path.join(project, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}

/** `wxt zip -b <browser>` with the output redirected under `.output/<scratch>/<run>`. */
function zipOnce(browser, run) {
  const dir = `${scratch}/${run}`;
  const config = {
    browser,
    outDirTemplate: `${dir}/{{browser}}-mv{{manifestVersion}}`,
    zip: {
      artifactTemplate: `${dir}/{{name}}-{{version}}-{{browser}}.zip`,
      sourcesTemplate: `${dir}/{{name}}-{{version}}-sources.zip`,
    },
  };
  const program = `import { zip } from 'wxt'; await zip(${JSON.stringify(config)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', program], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`wxt zip -b ${browser} failed (${run})`);
  }
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Entry names whose content or metadata differ between two zips, for a readable failure. */
async function differingEntries(a, b) {
  const [za, zb] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = [...new Set([...Object.keys(za.files), ...Object.keys(zb.files)])].sort();
  const out = [];
  for (const name of names) {
    const ea = za.files[name];
    const eb = zb.files[name];
    if (!ea || !eb) out.push(`${name} (only in run ${ea ? 1 : 2})`);
    else if (ea.date.getTime() !== eb.date.getTime()) out.push(`${name} (date)`);
    else if (!ea.dir && sha256(await ea.async('uint8array')) !== sha256(await eb.async('uint8array')))
      out.push(`${name} (content)`);
  }
  return out.length ? out : ['(same entries: order or header fields differ)'];
}

let failed = false;
try {
  snapshot();
  for (const run of ['run-1', 'run-2']) for (const browser of browsers) zipOnce(browser, run);
  const zips = readdirSync(path.join(scratchDir, 'run-1')).filter((name) => name.endsWith('.zip'));
  if (zips.length === 0) throw new Error('no zip was written');
  for (const name of zips.sort()) {
    const first = readFileSync(path.join(scratchDir, 'run-1', name));
    const secondPath = path.join(scratchDir, 'run-2', name);
    const second = existsSync(secondPath) ? readFileSync(secondPath) : Buffer.alloc(0);
    const same = sha256(first) === sha256(second);
    console.log(`${same ? 'same     ' : 'DIFFERENT'} ${sha256(first)} ${name}`);
    if (!same) {
      failed = true;
      for (const entry of await differingEntries(first, second)) console.log(`  ${entry}`);
    }
  }
} finally {
  if (!keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${scratchDir}`);
}
console.log(failed ? 'The zips are not reproducible.' : 'The zips are reproducible.');
process.exit(failed ? 1 : 0);
