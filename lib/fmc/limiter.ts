/**
 * Client-side limits for one FMC. The FMC enforces its budget per client IP over a rolling window and answers
 * 429 beyond it; other API clients share that budget, so we never spend more than our own share and let the
 * HTTP layer back off when a 429 still comes.
 */

export type Release = () => void;

export interface RateLimitOptions {
  /** Requests allowed to start per rolling window. */
  perMinute: number;
  /** Length of the window; the FMC's is a minute, tests shorten it. */
  windowMs?: number;
  maxInFlight?: number;
  /**
   * Added to the window. We count a request when it leaves; the FMC counts it when it arrives, and a request
   * delayed on the way would otherwise share the FMC's window with one sent a full window later.
   */
  safetyMarginMs?: number;
  now?: () => number;
}

interface Waiter {
  resolve(release: Release): void;
  reject(reason: unknown): void;
  detach(): void;
}

export const DEFAULT_WINDOW_MS = 60_000;
/** setTimeout's largest delay (a signed 32-bit count of ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
export const DEFAULT_MAX_IN_FLIGHT = 10;

function defaultSafetyMargin(windowMs: number): number {
  return Math.max(50, Math.ceil(windowMs * 0.02));
}

export class RateLimiter {
  #perWindow: number;
  readonly #windowMs: number;
  readonly #maxInFlight: number;
  readonly #margin: number;
  readonly #now: () => number;
  /** Start times still inside the (window + margin), oldest first. */
  readonly #starts: number[] = [];
  readonly #queue: Waiter[] = [];
  #inFlight = 0;
  #pausedUntil = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  constructor(options: RateLimitOptions) {
    this.#perWindow = positive(options.perMinute, 'perMinute');
    this.#windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.#maxInFlight = positive(options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT, 'maxInFlight');
    this.#margin = options.safetyMarginMs ?? defaultSafetyMargin(this.#windowMs);
    this.#now = options.now ?? Date.now;
  }

  get perWindow(): number {
    return this.#perWindow;
  }

  get windowMs(): number {
    return this.#windowMs;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  setRate(perMinute: number): void {
    this.#perWindow = positive(perMinute, 'perMinute');
    this.#pump();
  }

  /**
   * A 429 means the shared budget is spent: nobody starts before the wait is over. A wait that is not a finite,
   * positive number is ignored (the HTTP layer caps `Retry-After` before it gets here, `MAX_RETRY_AFTER_MS`).
   */
  pause(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + ms);
  }

  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #pump(): void {
    const now = this.#now();
    const horizon = now - this.#windowMs - this.#margin;
    while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= horizon) this.#starts.shift();
    while (this.#queue.length > 0) {
      const wait = this.#waitMs(now);
      if (wait > 0) {
        if (Number.isFinite(wait)) this.#wakeAt(now + wait);
        return;
      }
      const waiter = this.#queue.shift() as Waiter;
      waiter.detach();
      this.#starts.push(now);
      this.#inFlight++;
      waiter.resolve(this.#releaser());
    }
  }

  #waitMs(now: number): number {
    // A release pumps again, so a full house needs no timer.
    if (this.#inFlight >= this.#maxInFlight) return Number.POSITIVE_INFINITY;
    const excess = this.#starts.length - this.#perWindow;
    const windowWait = excess >= 0 ? (this.#starts[excess] ?? now) + this.#windowMs + this.#margin - now : 0;
    return Math.max(this.#pausedUntil - now, windowWait, 0);
  }

  #wakeAt(at: number): void {
    if (this.#timer !== undefined && this.#timerAt <= at) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = at;
    // setTimeout fires at once past 2^31 - 1 ms, which would pump in a loop: a longer wait wakes at that
    // bound and sets itself again.
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#pump();
      },
      Math.min(Math.max(0, at - this.#now()), MAX_TIMER_MS),
    );
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#pump();
    };
  }
}

/**
 * At most one holder per key and `maxKeys` keys at once: the FMC's device command API serves one request per
 * device and ten devices at a time.
 */
export class KeyedSemaphore {
  readonly #maxKeys: number;
  readonly #busy = new Set<string>();
  readonly #queue: Array<Waiter & { key: string }> = [];

  constructor(maxKeys: number) {
    this.#maxKeys = positive(maxKeys, 'maxKeys');
  }

  acquire(key: string, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Release>((resolve, reject) => {
      const onAbort = () => {
        const index = this.#queue.indexOf(waiter);
        if (index >= 0) this.#queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter = { key, resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
  }

  #pump(): void {
    for (let i = 0; i < this.#queue.length && this.#busy.size < this.#maxKeys; ) {
      const waiter = this.#queue[i] as Waiter & { key: string };
      if (this.#busy.has(waiter.key)) {
        i++;
        continue;
      }
      this.#queue.splice(i, 1);
      waiter.detach();
      this.#busy.add(waiter.key);
      let released = false;
      waiter.resolve(() => {
        if (released) return;
        released = true;
        this.#busy.delete(waiter.key);
        this.#pump();
      });
    }
  }
}

export interface FmcLimits {
  /** The user's setting; when absent the rate follows the FMC version (see `rateForVersion`). */
  perMinute?: number;
  windowMs?: number;
  maxInFlight?: number;
  safetyMarginMs?: number;
  /** Devices the command API may work on at once. */
  commandDevices?: number;
  now?: () => number;
}

export interface FmcLimiter {
  readonly requests: RateLimiter;
  readonly commands: KeyedSemaphore;
  /** True when the user fixed the rate, so the FMC version must not change it (`FmcClient.setRateOverride`). */
  rateFixedByUser: boolean;
}

export const BASE_RATE_PER_MINUTE = 120;
export const RAISED_RATE_PER_MINUTE = 300;
/**
 * A cdFMC's default, our choice (issue 20): Cisco publishes no rate limit for the cdFMC API (SCC's error codes
 * include TOO_MANY_REQUESTS, with no number; ../shared/docs/cdfmc.md, "Endpoints"), and go-fmc throttles the
 * cdFMC like an on-prem FMC, about 2 requests a second. Half that, 60 a minute, leaves room for the tenant's other
 * API clients; the options page's rate setting overrides it like the on-prem one.
 */
export const CDFMC_RATE_PER_MINUTE = 60;
export const COMMAND_API_DEVICES = 10;

export function createFmcLimiter(limits: FmcLimits = {}): FmcLimiter {
  return {
    requests: new RateLimiter({
      perMinute: limits.perMinute ?? BASE_RATE_PER_MINUTE,
      windowMs: limits.windowMs ?? DEFAULT_WINDOW_MS,
      maxInFlight: limits.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      ...(limits.safetyMarginMs === undefined ? {} : { safetyMarginMs: limits.safetyMarginMs }),
      ...(limits.now === undefined ? {} : { now: limits.now }),
    }),
    commands: new KeyedSemaphore(limits.commandDevices ?? COMMAND_API_DEVICES),
    rateFixedByUser: limits.perMinute !== undefined,
  };
}

const shared = new Map<string, FmcLimiter>();

/** One limiter per FMC origin for everything this page or worker sends to it. */
export function sharedFmcLimiter(origin: string, limits: FmcLimits = {}): FmcLimiter {
  let limiter = shared.get(origin);
  if (!limiter) {
    limiter = createFmcLimiter(limits);
    shared.set(origin, limiter);
  }
  return limiter;
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value < 1) throw new RangeError(`${name} must be at least 1, got ${value}`);
  return Math.floor(value);
}
