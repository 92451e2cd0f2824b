/** What the simulated FMC saw, for tests and the bench to assert on. */
export interface RestStats {
  /** `/api` requests received, refused ones included. */
  requests: number;
  /** Per endpoint key, e.g. `GET devices/devicerecords`. */
  byEndpoint: Record<string, number>;
  byStatus: Record<string, number>;
  /** 429s the client earned by exceeding the rate, the in-flight cap or the command API's limits. */
  overshoot429: number;
  /** 429s injected on purpose (other clients spending the shared budget). */
  injected429: number;
  logins: number;
  failedLogins: number;
  refreshes: number;
  failedRefreshes: number;
  revokes: number;
  maxInFlight: number;
  /** Most devices the command API worked on at once. */
  maxCommandDevices: number;
  /** Most requests that arrived within any one rate window. */
  maxInWindow: number;
  /** Injected redirects served (a client that follows one shows up as a request on the other host). */
  redirects: number;
  /** cdFMC mode (issue 20): `/api` requests per door (`host`, `gateway`, `legacy`). */
  byDoor: Record<string, number>;
  /** cdFMC mode: requests refused for their token, per case (`revoked`, `wrongKind`, `missing`…). */
  tokenRefusals: Record<string, number>;
}

export function emptyStats(): RestStats {
  return {
    requests: 0,
    byEndpoint: {},
    byStatus: {},
    overshoot429: 0,
    injected429: 0,
    logins: 0,
    failedLogins: 0,
    refreshes: 0,
    failedRefreshes: 0,
    revokes: 0,
    maxInFlight: 0,
    maxCommandDevices: 0,
    maxInWindow: 0,
    redirects: 0,
    byDoor: {},
    tokenRefusals: {},
  };
}

export function count(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}
