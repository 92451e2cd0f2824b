import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFmcLimiter, KeyedSemaphore, RateLimiter, type Release } from '../../lib/fmc/limiter';
import { rateForVersion } from '../../lib/fmc/version';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` requests that each hold their slot for `holdMs`; returns the start times. */
async function runRequests(
  limiter: RateLimiter,
  count: number,
  holdMs: (i: number) => number,
): Promise<number[]> {
  const starts: number[] = [];
  const all = Array.from({ length: count }, async (_, i) => {
    const release = await limiter.acquire();
    starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, holdMs(i)));
    release();
  });
  await vi.runAllTimersAsync();
  await Promise.all(all);
  return starts.sort((a, b) => a - b);
}

function maxInAnyWindow(starts: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0; i < starts.length; i++) {
    const first = starts[i] ?? 0;
    const inWindow = starts.filter((t) => t >= first && t < first + windowMs).length;
    max = Math.max(max, inWindow);
  }
  return max;
}

describe('RateLimiter', () => {
  it('starts at most perMinute requests in any rolling window, margin included', async () => {
    const limiter = new RateLimiter({ perMinute: 5, windowMs: 1_000, maxInFlight: 10, safetyMarginMs: 50 });
    const starts = await runRequests(limiter, 17, () => 10);
    expect(maxInAnyWindow(starts, 1_050)).toBe(5);
    // Not slower than it must be: 17 requests at 5 per 1.05 s start within 3 windows.
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeLessThanOrEqual(3 * 1_050);
  });

  it('keeps at most maxInFlight requests running', async () => {
    const limiter = new RateLimiter({ perMinute: 1_000, windowMs: 60_000, maxInFlight: 3 });
    let running = 0;
    let peak = 0;
    const all = Array.from({ length: 12 }, async () => {
      const release = await limiter.acquire();
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 25));
      running--;
      release();
    });
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(peak).toBe(3);
  });

  it('holds both limits for any mix of request durations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        async (perWindow, maxInFlight, holds) => {
          vi.setSystemTime(0);
          const limiter = new RateLimiter({
            perMinute: perWindow,
            windowMs: 200,
            maxInFlight,
            safetyMarginMs: 10,
          });
          let running = 0;
          let peak = 0;
          const starts: number[] = [];
          const all = holds.map(async (hold) => {
            const release = await limiter.acquire();
            starts.push(Date.now());
            running++;
            peak = Math.max(peak, running);
            await new Promise((resolve) => setTimeout(resolve, hold));
            running--;
            release();
          });
          await vi.runAllTimersAsync();
          await Promise.all(all);
          expect(peak).toBeLessThanOrEqual(maxInFlight);
          expect(
            maxInAnyWindow(
              starts.sort((a, b) => a - b),
              210,
            ),
          ).toBeLessThanOrEqual(perWindow);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('serves waiters in arrival order', async () => {
    const limiter = new RateLimiter({ perMinute: 100, windowMs: 1_000, maxInFlight: 1 });
    const order: number[] = [];
    const all = [0, 1, 2, 3].map(async (i) => {
      const release = await limiter.acquire();
      order.push(i);
      await new Promise((resolve) => setTimeout(resolve, 5));
      release();
    });
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('starts nothing during a pause (after a 429)', async () => {
    const limiter = new RateLimiter({ perMinute: 100, windowMs: 1_000, maxInFlight: 10 });
    vi.setSystemTime(1_000);
    limiter.pause(500);
    let startedAt = 0;
    const started = limiter.acquire().then((release) => {
      startedAt = Date.now();
      release();
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(startedAt).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await started;
    expect(startedAt).toBe(1_500);
  });

  it('a pause longer than setTimeout can hold does not spin: the waiter sleeps, with few timer wake-ups (issue 17)', async () => {
    const limiter = new RateLimiter({ perMinute: 100, windowMs: 1_000, maxInFlight: 10 });
    vi.setSystemTime(1_000);
    const fourWeeks = 28 * 24 * 3_600_000; // above 2^31 - 1 ms (24.8 days)
    limiter.pause(fourWeeks);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    let startedAt = 0;
    const started = limiter.acquire().then((release) => {
      startedAt = Date.now();
      release();
    });
    await vi.advanceTimersByTimeAsync(60_000);
    // Positive control first: the waiter is queued and a timer is set; then, nothing started and no spin.
    expect(timers).toHaveBeenCalled();
    expect(startedAt).toBe(0);
    expect(timers.mock.calls.length).toBeLessThan(5);
    await vi.advanceTimersByTimeAsync(fourWeeks);
    await started;
    expect(startedAt).toBe(1_000 + fourWeeks);
    expect(timers.mock.calls.length).toBeLessThan(10);
  });

  it('ignores a pause that is not a finite, positive wait', async () => {
    const limiter = new RateLimiter({ perMinute: 100, windowMs: 1_000, maxInFlight: 10 });
    for (const wait of [Number.POSITIVE_INFINITY, Number.NaN, -5]) limiter.pause(wait);
    const release = await limiter.acquire();
    release();
    expect(limiter.inFlight).toBe(0);
  });

  it('rejects a waiter whose signal aborts, and serves the next one', async () => {
    const limiter = new RateLimiter({ perMinute: 100, windowMs: 1_000, maxInFlight: 1 });
    const first = await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort(new Error('user cancelled'));
    await expect(aborted).rejects.toThrow('user cancelled');
    first();
    const release = await next;
    expect(limiter.inFlight).toBe(1);
    release();
    release();
    expect(limiter.inFlight).toBe(0);
  });

  it('applies a raised rate to requests already waiting', async () => {
    const limiter = new RateLimiter({ perMinute: 1, windowMs: 60_000, maxInFlight: 10 });
    (await limiter.acquire())();
    let second: Release | undefined;
    const waiting = limiter.acquire().then((release) => {
      second = release;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(second).toBeUndefined();
    limiter.setRate(300);
    await waiting;
    expect(second).toBeDefined();
  });
});

describe('KeyedSemaphore (device command API)', () => {
  it('serves one request per device and at most maxKeys devices at once', async () => {
    const lanes = new KeyedSemaphore(2);
    const active = new Map<string, number>();
    let peakDevices = 0;
    let peakPerDevice = 0;
    const keys = ['a', 'a', 'b', 'c', 'a', 'b', 'd', 'c'];
    const all = keys.map(async (key) => {
      const release = await lanes.acquire(key);
      active.set(key, (active.get(key) ?? 0) + 1);
      peakPerDevice = Math.max(peakPerDevice, active.get(key) ?? 0);
      peakDevices = Math.max(peakDevices, [...active.values()].filter((n) => n > 0).length);
      await new Promise((resolve) => setTimeout(resolve, 10));
      active.set(key, (active.get(key) ?? 1) - 1);
      release();
    });
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(peakPerDevice).toBe(1);
    expect(peakDevices).toBe(2);
  });

  it('lets another device pass while the head of the queue waits for its busy device', async () => {
    const lanes = new KeyedSemaphore(3);
    const a1 = await lanes.acquire('a');
    let a2 = false;
    let b = false;
    void lanes.acquire('a').then(() => {
      a2 = true;
    });
    void lanes.acquire('b').then(() => {
      b = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect([a2, b]).toEqual([false, true]);
    a1();
    await vi.advanceTimersByTimeAsync(0);
    expect(a2).toBe(true);
  });
});

describe('rates', () => {
  it('allows 300 per minute from FMC 7.4.1 on, 120 before', () => {
    expect(rateForVersion('7.4.1')).toBe(300);
    expect(rateForVersion('7.6.0 (build 113)')).toBe(300);
    expect(rateForVersion('7.4.0')).toBe(120);
    expect(rateForVersion('7.2.5')).toBe(120);
    expect(rateForVersion('6.4.0')).toBe(120);
  });

  it('marks a user-set rate as fixed', () => {
    expect(createFmcLimiter({ perMinute: 60 }).rateFixedByUser).toBe(true);
    expect(createFmcLimiter().rateFixedByUser).toBe(false);
    expect(createFmcLimiter().requests.perWindow).toBe(120);
  });
});
