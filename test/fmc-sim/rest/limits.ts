/**
 * The FMC's limits as the simulator enforces them: requests per rolling window counted on arrival, requests in
 * flight, and the device command API's one request per device and ten devices at once.
 */
export class ArrivalWindow {
  readonly #arrivals: number[] = [];

  /** Admits an arrival unless the window already holds `limit`; refused ones do not count. */
  admit(now: number, windowMs: number, limit: number): boolean {
    while (this.#arrivals.length > 0 && (this.#arrivals[0] ?? 0) <= now - windowMs) this.#arrivals.shift();
    if (this.#arrivals.length >= limit) return false;
    this.#arrivals.push(now);
    return true;
  }

  get size(): number {
    return this.#arrivals.length;
  }

  clear(): void {
    this.#arrivals.length = 0;
  }
}

export class Occupancy {
  #count = 0;
  readonly #keys = new Set<string>();

  get count(): number {
    return this.#count;
  }

  get keys(): number {
    return this.#keys.size;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Holds a place until `release` runs (once, however many times it is called). */
  enter(key?: string): () => void {
    this.#count++;
    if (key !== undefined) this.#keys.add(key);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.#count--;
      if (key !== undefined) this.#keys.delete(key);
    };
  }
}
