// `npm run bench`: every benchmark the issues ask for, printed as one table. The figures go to BENCHMARKS.md.
import os from 'node:os';
import type { Bench, BenchFigure } from './types';

const suites: Array<[string, () => Promise<{ default: Bench }>]> = [
  ['content script on a 5,000-row Health Monitor', () => import('./content-script')],
  ['REST collection against the simulator', () => import('./fmc-collect')],
  ['full-page fleet report, 1,000 devices, in Chromium', () => import('./report')],
  ['popup', () => import('./popup')],
  ['the loop in the page: re-check, watch, verdicts after a diagnosis', () => import('./loop')],
  [
    'the loop: requests per watch tick (1, 10, 100 watched devices)',
    () => import('./loop').then((loop) => ({ default: loop.watchTickBench })),
  ],
  ['storage.session size of a diagnosis', () => import('./storage-session')],
  ['REST faults: requests = minimum + one retry per fault', () => import('./faults')],
  ['soak: 1,000 devices, random faults, about 3 minutes', () => import('./soak')],
];

const only = process.argv[2];
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
let failures = 0;
for (const [title, load] of suites) {
  if (only && !title.includes(only)) continue;
  console.log(`\n## ${title}`);
  let figures: BenchFigure[];
  try {
    figures = await (await load()).default();
  } catch (error) {
    console.log(`  could not run: ${error instanceof Error ? error.message : String(error)}`);
    failures++;
    continue;
  }
  for (const figure of figures) {
    const verdict = figure.pass === undefined ? '' : figure.pass ? '  ok' : '  OVER BUDGET';
    const budget = figure.budget ? `  (budget ${figure.budget})` : '';
    console.log(
      `  ${figure.name}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''}${budget}${verdict}`,
    );
    if (figure.pass === false) failures++;
  }
}
process.exit(failures === 0 ? 0 : 1);
