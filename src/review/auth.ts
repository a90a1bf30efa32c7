/**
 * The login of the review page: with FORMD_TOKEN set, a person signs in with their name and the
 * token (compared in constant time) and gets an http-only, same-site session cookie. Without a
 * token (only allowed on a loopback address) every request is the local reviewer.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'formd_session';

export type ReviewEnv = { Variables: { who: string } };

/** Equal strings, in time that does not depend on where they differ (hashing evens out the lengths). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export class Sessions {
  private readonly byId = new Map<string, { who: string; expires: number }>();
  constructor(private readonly ttlMs = 12 * 3600 * 1000) {}

  create(who: string): string {
    const id = randomBytes(32).toString('base64url');
    this.byId.set(id, { who, expires: Date.now() + this.ttlMs });
    return id;
  }

  who(id: string | undefined): string | null {
    if (!id) return null;
    const s = this.byId.get(id);
    if (!s) return null;
    if (s.expires < Date.now()) {
      this.byId.delete(id);
      return null;
    }
    return s.who;
  }

  end(id: string | undefined): void {
    if (id) this.byId.delete(id);
  }
}

export interface AuthOptions {
  /** FORMD_TOKEN; undefined means no login (loopback only). */
  token: string | undefined;
  /** Who a change is recorded as when there is no login. */
  localReviewer: string;
  sessions: Sessions;
}

/** Pages without a session go to the login page; API calls get 401. */
export function requireLogin(options: AuthOptions): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    if (options.token === undefined) {
      c.set('who', options.localReviewer);
      return next();
    }
    const who = options.sessions.who(getCookie(c, SESSION_COOKIE));
    if (!who) {
      if (c.req.path.startsWith('/api/')) return c.json({ error: 'Sign in first.' }, 401);
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    c.set('who', who);
    return next();
  };
}

export function startSession(c: Context, options: AuthOptions, who: string): void {
  setCookie(c, SESSION_COOKIE, options.sessions.create(who), {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: c.req.url.startsWith('https:'),
  });
}

export function endSession(c: Context, options: AuthOptions): void {
  options.sessions.end(getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/**
 * Cross-site request protection for every request that changes something: a browser sends Origin
 * on those, and it must be this server; API calls must also carry a header a cross-site form cannot set.
 */
export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin !== undefined && originHost(origin) !== host) {
      return c.json({ error: 'Cross-site request refused.' }, 403);
    }
    if (c.req.path.startsWith('/api/') && c.req.header('x-requested-with') !== 'formd') {
      return c.json({ error: 'Cross-site request refused.' }, 403);
    }
    return next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
