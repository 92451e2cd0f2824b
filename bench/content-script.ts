import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from '@playwright/test';
import { startFmcSimulator } from '../test/fmc-sim/server';
import { buildE2eExtension, extensionWorker, launchBrowser, median } from './browser';
import type { BenchFigure } from './types';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Form 1 of fmc-ui.md (the seed's Data Type | Status tables), 500 devices × 10 rows, inserted after load. */
const PAGE = process.env.BENCH_PAGE ?? '/health/monitor/module?devices=500&failing=50&seed=5&late=1000';
const EXPECTED_HINTS = 50;
/** A busy page that is no health page: 10,000 rows, 200 of them re-rendered every 100 ms for 10 s. */
const BUSY = '/sim/busy?rows=10000&churn=200&every=100&duration=10000';

/** A fresh browser, with the extension (its content script registered) when given its folder. */
async function withBrowser<T>(
  extension: string | undefined,
  run: (context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await launchBrowser({ extension });
  try {
    if (extension) {
      const worker = await extensionWorker(context);
      await worker.evaluate(async () => {
        for (let i = 0; i < 100 && (await chrome.scripting.getRegisteredContentScripts()).length === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      });
    }
    return await run(context);
  } finally {
    await context.close();
  }
}

interface BenchWindow {
  __bench: { rowsAt?: number; lastHintAt?: number };
}

/** Records, in the page, when the rows arrive and when the last expected hint is in place. */
function watchInPage(expected: number) {
  const w = window as unknown as BenchWindow;
  w.__bench = {};
  new MutationObserver((records) => {
    // The rows arrive in one insertion of thousands of rows (in one container or in one section per device);
    // the page's help text, parsed earlier, also quotes the alert string, so the text alone cannot tell.
    if (w.__bench.rowsAt === undefined) {
      let rows = 0;
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          const element = node as Element;
          rows += element.localName === 'tr' ? 1 : element.getElementsByTagName('tr').length;
        }
      }
      if (rows >= 1000) w.__bench.rowsAt = performance.now();
    }
    if (
      w.__bench.lastHintAt === undefined &&
      document.querySelectorAll('[data-fmc-hint]').length >= expected
    ) {
      w.__bench.lastHintAt = performance.now();
    }
  }).observe(document, { childList: true, subtree: true });
}

interface Run {
  hintLatency: number;
  /** Everything the page's main thread did (Performance.getMetrics TaskDuration). */
  mainThread: number;
  /** Sampled time in the content script's own code, when profiled. */
  contentScript: number;
}

async function measure(
  context: BrowserContext,
  url: string,
  options: { hints: boolean; profile: boolean },
): Promise<Run> {
  const page = await context.newPage();
  await page.addInitScript(watchInPage, EXPECTED_HINTS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (options.profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  const mark: keyof BenchWindow['__bench'] = options.hints ? 'lastHintAt' : 'rowsAt';
  await page.waitForFunction((key) => (window as unknown as BenchWindow).__bench[key] !== undefined, mark, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500); // deferred work and the layout after it
  const { metrics } = await cdp.send('Performance.getMetrics');
  const profile = options.profile ? (await cdp.send('Profiler.stop')).profile : null;
  const marks = await page.evaluate(() => (window as unknown as BenchWindow).__bench);
  await page.close();
  return {
    hintLatency: (marks.lastHintAt ?? Number.NaN) - (marks.rowsAt ?? Number.NaN),
    mainThread: (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000,
    contentScript: profile ? scriptSelfTime(profile, '/content-scripts/content.js') : 0,
  };
}

/** The busy page's main-thread time and the content script's sampled share, until the page stops churning. */
async function measureBusy(context: BrowserContext, url: string, profile: boolean): Promise<Run> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.churnDone === '1', undefined, { timeout: 60_000 });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const cpu = profile ? (await cdp.send('Profiler.stop')).profile : null;
  const hints = await page.locator('[data-fmc-hint]').count();
  await page.close();
  if (hints !== 0) throw new Error(`the busy page got ${hints} hints`);
  return {
    hintLatency: Number.NaN,
    mainThread: (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000,
    contentScript: cpu ? scriptSelfTime(cpu, '/content-scripts/content.js') : 0,
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Milliseconds the sampled main thread spent in one script, DOM calls it made included (V8 charges a
 * native call to the JS frame that made it). The extension's content script runs on the page's own thread.
 */
function scriptSelfTime(profile: CpuProfile, urlPart: string): number {
  const ours = new Set(
    profile.nodes.filter((node) => node.callFrame.url.includes(urlPart)).map((node) => node.id),
  );
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let micros = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the delta to the next sample.
    if (ours.has(samples[i] ?? -1)) micros += deltas[i + 1] ?? 0;
  }
  return micros / 1000;
}

export default async function contentScriptBench(): Promise<BenchFigure[]> {
  execSync('npx wxt build', { stdio: 'ignore' });
  const extension = buildE2eExtension();
  const bundle = readFileSync(path.resolve('.output/chrome-mv3/content-scripts/content.js'));
  const gzipKb = gzipSync(bundle, { level: 9 }).length / 1024;

  const sim = await startFmcSimulator({ port: 0 });
  const latencies: number[] = [];
  const withTimes: number[] = [];
  const withoutTimes: number[] = [];
  const scriptTimes: number[] = [];
  const busyOwn: number[] = [];
  const busyOurs: number[] = [];
  try {
    // A fresh browser per measurement: a renderer reused after a profiled run stays slower, and runs
    // interleave so a slower moment of the machine weighs on both sides alike.
    for (let i = 0; i < RUNS; i++) {
      const plain = await withBrowser(extension, (context) =>
        measure(context, sim.url(PAGE), { hints: true, profile: false }),
      );
      latencies.push(plain.hintLatency);
      withTimes.push(plain.mainThread);
      const bare = await withBrowser(undefined, (context) =>
        measure(context, sim.url(PAGE), { hints: false, profile: false }),
      );
      withoutTimes.push(bare.mainThread);
      const profiled = await withBrowser(extension, (context) =>
        measure(context, sim.url(PAGE), { hints: true, profile: true }),
      );
      scriptTimes.push(profiled.contentScript);
      busyOwn.push(
        (await withBrowser(undefined, (context) => measureBusy(context, sim.url(BUSY), false))).mainThread,
      );
      busyOurs.push(
        (await withBrowser(extension, (context) => measureBusy(context, sim.url(BUSY), true))).contentScript,
      );
    }
  } finally {
    await sim.close();
  }
  if (process.env.BENCH_VERBOSE) {
    console.log({ latencies, withTimes, withoutTimes, scriptTimes, busyOwn, busyOurs });
  }
  const busyShare = (median(busyOurs) / median(busyOwn)) * 100;
  const pageOwn = median(withoutTimes);
  // The with − without difference sits inside the page's own run-to-run noise, so the budget is checked on
  // the direct measurement: the samples that land in the content script's code.
  const ours = median(scriptTimes);
  const share = (ours / pageOwn) * 100;
  const difference = median(withTimes) - pageOwn;
  return [
    {
      name: 'content script, gzipped',
      value: gzipKb.toFixed(1),
      unit: 'KB',
      budget: '≤ 20 KB',
      pass: gzipKb <= 20,
    },
    {
      name: `rows inserted → all ${EXPECTED_HINTS} hints (median of ${RUNS})`,
      value: median(latencies).toFixed(1),
      unit: 'ms',
      budget: '≤ 100 ms',
      pass: median(latencies) <= 100,
    },
    { name: 'page main-thread time without the extension (median)', value: pageOwn.toFixed(0), unit: 'ms' },
    {
      name: 'page main-thread time with the extension (median)',
      value: median(withTimes).toFixed(0),
      unit: 'ms',
    },
    {
      name: 'with − without (inside the run-to-run noise)',
      value: difference.toFixed(0),
      unit: 'ms',
    },
    {
      name: "content script's main-thread time, sampled every 1 ms (median)",
      value: `${ours.toFixed(1)} ms = ${share.toFixed(1)}`,
      unit: "% of the page's own",
      budget: '≤ 10 %',
      pass: share <= 10,
    },
    {
      name: 'busy non-health page (10,000 rows, 200 re-rendered every 100 ms for 10 s): page main-thread time',
      value: median(busyOwn).toFixed(0),
      unit: 'ms',
    },
    {
      name: "busy non-health page: content script's main-thread time, sampled (median)",
      value: `${median(busyOurs).toFixed(1)} ms = ${busyShare.toFixed(2)}`,
      unit: "% of the page's own",
      budget: '≤ 2 %',
      pass: busyShare <= 2,
    },
  ];
}
