import { randomUUID } from 'node:crypto';

/** One login: the FMC allows a fixed number of refreshes, each issuing new tokens and voiding the old ones. */
interface Grant {
  username: string;
  access: string;
  refresh: string;
  issuedAt: number;
  refreshes: number;
}

export type RefreshOutcome = { ok: true; grant: Grant } | { ok: false; reason: 'invalid' | 'exhausted' };

export class TokenBook {
  readonly #byAccess = new Map<string, Grant>();

  issue(username: string, now: number): Grant {
    const grant = { username, access: randomUUID(), refresh: randomUUID(), issuedAt: now, refreshes: 0 };
    this.#byAccess.set(grant.access, grant);
    return grant;
  }

  /** The grant of a live access token. */
  check(access: string | undefined, now: number, lifetimeMs: number): Grant | undefined {
    const grant = access ? this.#byAccess.get(access) : undefined;
    return grant && now - grant.issuedAt < lifetimeMs ? grant : undefined;
  }

  /** Refreshing works with an expired access token as long as the refresh token matches. */
  refresh(
    access: string | undefined,
    refresh: string | undefined,
    now: number,
    maxRefreshes: number,
  ): RefreshOutcome {
    const grant = access ? this.#byAccess.get(access) : undefined;
    if (!grant || grant.refresh !== refresh) return { ok: false, reason: 'invalid' };
    if (grant.refreshes >= maxRefreshes) return { ok: false, reason: 'exhausted' };
    this.#byAccess.delete(grant.access);
    const next = {
      ...grant,
      access: randomUUID(),
      refresh: randomUUID(),
      issuedAt: now,
      refreshes: grant.refreshes + 1,
    };
    this.#byAccess.set(next.access, next);
    return { ok: true, grant: next };
  }

  revoke(access: string | undefined): boolean {
    return access !== undefined && this.#byAccess.delete(access);
  }

  clear(): void {
    this.#byAccess.clear();
  }
}
