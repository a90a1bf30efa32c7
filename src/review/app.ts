/**
 * The review web app (Hono): the queue, the filing view and its JSON API, page images, login.
 * `createReviewApp` builds it for a store; `serve-command.ts` listens; tests call `app.request`.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { FormdError } from '../errors.js';
import { DEFAULT_CONFIDENCE_THRESHOLD, MISREAD_RULE, RULES } from '../rules/index.js';
import { ConcurrentEditError, type FilingStore, pageImagePath } from '../store/index.js';
import {
  type AuthOptions,
  endSession,
  type ReviewEnv,
  requireLogin,
  Sessions,
  sameOriginOnly,
  startSession,
  tokensEqual,
} from './auth.js';
import { reviewClient } from './client.js';
import { applyChanges, BadCorrectionError, changeRequestSchema } from './corrections.js';
import { filingView } from './filing-view.js';
import { errorPage, filingPage, loginPage, type QueueRow, queuePage } from './pages.js';
import { REVIEW_CSS } from './styles.js';

export interface ReviewAppOptions {
  store: FilingStore;
  dataDir: string;
  /** FORMD_TOKEN: when set, every page and API call needs a signed-in session. */
  token?: string;
  /** Who changes are recorded as when there is no login. */
  localReviewer?: string;
  confidenceThreshold?: number;
  /** Where server errors are logged (with their stack); standard error by default. */
  log?: (line: string) => void;
  /** Mounts the queue dashboard at /queues, behind the same login. */
  mount?: (app: Hono<ReviewEnv>) => void;
}

/** Request bodies above this are refused before they are read. */
export const MAX_BODY_BYTES = 64 * 1024;

const FILING_ID = /^[0-9a-f]{64}$/;

const SEVERITY = new Map<string, string>([...RULES, MISREAD_RULE].map((r) => [r.id, r.severity]));

/** Served as a script: the client function's own source (esbuild's __name helper stubbed, see client.ts). */
const CLIENT_JS = `"use strict";var __name=(f)=>f;(${reviewClient.toString()})();\n`;

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function safeNext(next: string | undefined): string {
  // Only a path on this server: never an absolute URL or a protocol-relative one.
  return next && /^\/(?!\/)[\w\-/.?=&%]*$/.test(next) ? next : '/';
}

export function createReviewApp(options: ReviewAppOptions): Hono<ReviewEnv> {
  const { store, dataDir } = options;
  const threshold = options.confidenceThreshold ?? DEFAULT_CONFIDENCE_THRESHOLD;
  const auth: AuthOptions = {
    token: options.token,
    localReviewer: options.localReviewer ?? 'reviewer',
    sessions: new Sessions(),
  };
  const log = options.log ?? ((line: string) => void process.stderr.write(line));
  const app = new Hono<ReviewEnv>();

  app.onError((error, c) => {
    // Details go to the server's log, never to the browser.
    log(`formd serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    const message = 'Something went wrong on the server; the change was not saved.';
    return c.req.path.startsWith('/api/')
      ? c.json({ error: message }, 500)
      : c.html(errorPage(500, message), 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: 'Not found.' }, 404)
      : c.html(errorPage(404, 'Not found.'), 404),
  );

  app.use('*', sameOriginOnly());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `The request is larger than ${MAX_BODY_BYTES / 1024} KiB.` }, 413),
    }),
  );

  app.get('/assets/review.js', (c) => {
    c.header('content-type', 'text/javascript; charset=utf-8');
    return c.body(CLIENT_JS);
  });
  app.get('/assets/review.css', (c) => {
    c.header('content-type', 'text/css; charset=utf-8');
    return c.body(REVIEW_CSS);
  });

  const pages = new Hono<ReviewEnv>();
  pages.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'same-origin' }));

  pages.get('/login', (c) => c.html(loginPage(safeNext(c.req.query('next')), null)));
  pages.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const who = typeof form.who === 'string' ? form.who.trim().slice(0, 80) : '';
    const token = typeof form.token === 'string' ? form.token : '';
    const next = safeNext(typeof form.next === 'string' ? form.next : undefined);
    if (auth.token === undefined) return c.redirect(next, 303);
    if (!who || !tokensEqual(token, auth.token)) {
      return c.html(loginPage(next, 'That name and token do not sign you in.'), 401);
    }
    startSession(c, auth, who);
    return c.redirect(next, 303);
  });
  pages.post('/logout', (c) => {
    endSession(c, auth);
    return c.redirect('/login', 303);
  });

  pages.use('*', requireLogin(auth));

  pages.get('/', async (c) => {
    const filters = {
      rule: c.req.query('rule') ?? '',
      field: (c.req.query('field') ?? '').trim(),
      confidence: (c.req.query('confidence') ?? '').trim(),
    };
    const maxConfidence = filters.confidence === '' ? null : Number(filters.confidence);
    const [counts, summaries, failures] = await Promise.all([
      store.counts(),
      store.list({ needsReview: true }),
      store.list({ status: 'failed', limit: 200 }),
    ]);
    const rules = [...new Set(summaries.flatMap((s) => s.flagRules))].sort();
    const rows: QueueRow[] = [];
    for (const s of summaries) {
      if (filters.rule && !s.flagRules.includes(filters.rule)) continue;
      if (maxConfidence !== null && Number.isFinite(maxConfidence)) {
        if (s.minConfidence === null || s.minConfidence >= maxConfidence) continue;
      }
      if (filters.field) {
        const record = (await store.get(s.id))?.record;
        const touches = (p: string) => p === filters.field || p.startsWith(`${filters.field}.`);
        const hit =
          record &&
          (record.flags.some((f) => f.paths.some(touches)) ||
            record.review.reasons.some((r) => r.startsWith('low_confidence:') && touches(r.slice(15))));
        if (!hit) continue;
      }
      rows.push({
        id: s.id,
        file: s.file,
        issuerName: s.issuerName,
        rules: s.flagRules,
        errors: s.flagRules.filter((r) => SEVERITY.get(r) === 'error').length,
        minConfidence: s.minConfidence,
        status: s.reviewStatus ?? '',
      });
    }
    // Errors first, then the lowest confidence.
    rows.sort(
      (a, b) =>
        Number(b.errors > 0) - Number(a.errors > 0) || (a.minConfidence ?? 1) - (b.minConfidence ?? 1),
    );
    const failed = failures.map((f) => ({
      id: f.id,
      file: f.file,
      errorCode: f.errorCode,
      errorMessage: f.errorMessage,
    }));
    return c.html(
      queuePage(counts, rows, failed, filters, rules, c.get('who'), threshold, options.mount !== undefined),
    );
  });

  pages.get('/filings/:id', async (c) => {
    const id = c.req.param('id');
    if (!FILING_ID.test(id)) return c.html(errorPage(404, 'Not a filing id.'), 404);
    return c.html(filingPage(id, c.get('who')));
  });

  pages.get('/filings/:id/pages/:page', async (c) => {
    const id = c.req.param('id');
    const page = c.req.param('page');
    // Only a sha256 and a page number reach the file system: no "..", no slashes.
    if (!FILING_ID.test(id) || !/^[1-9]\d{0,3}$/.test(page)) return c.text('Not found.', 404);
    try {
      const png = await readFile(pageImagePath(dataDir, id, Number(page)));
      c.header('content-type', 'image/png');
      c.header('cache-control', 'private, max-age=3600');
      return c.body(png);
    } catch {
      return c.text('Not found.', 404);
    }
  });

  const loadView = async (id: string) => {
    const filing = await store.get(id);
    if (!filing?.record) return null;
    return filingView(filing, await store.audit(id), dataDir, threshold);
  };

  pages.get('/api/filings/:id', async (c) => {
    const id = c.req.param('id');
    const view = FILING_ID.test(id) ? await loadView(id) : null;
    return view ? c.json(view) : c.json({ error: 'No such filing, or it failed and has no record.' }, 404);
  });

  pages.post('/api/filings/:id/changes', async (c) => {
    const id = c.req.param('id');
    if (!FILING_ID.test(id)) return c.json({ error: 'No such filing.' }, 404);
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
      return c.json({ error: 'Send the changes as JSON.' }, 415);
    }
    const body = await c.req.json().catch(() => undefined);
    const parsed = changeRequestSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return c.json({ error: `Bad request: ${issue?.path.join('.') || 'body'}: ${issue?.message}` }, 400);
    }
    const filing = await store.get(id);
    if (!filing?.record) return c.json({ error: 'No such filing, or it failed and has no record.' }, 404);
    if (filing.version !== parsed.data.version) {
      const e = new ConcurrentEditError(id, parsed.data.version, filing.version);
      return c.json({ error: `${e.message}. ${e.hint}` }, 409);
    }
    try {
      const applied = applyChanges(filing.record, parsed.data.changes, c.get('who'), threshold);
      await store.updateRecord(id, applied.record, {
        expectedVersion: parsed.data.version,
        audit: applied.audit,
      });
    } catch (error) {
      if (error instanceof ConcurrentEditError)
        return c.json({ error: `${error.message}. ${error.hint}` }, 409);
      if (error instanceof BadCorrectionError) return c.json({ error: error.message, path: error.path }, 400);
      if (error instanceof FormdError) return c.json({ error: error.message }, 400);
      throw error;
    }
    return c.json(await loadView(id));
  });

  if (options.mount) {
    app.use('/queues', requireLogin(auth));
    app.use('/queues/*', requireLogin(auth));
    options.mount(app);
  }
  app.route('/', pages);
  return app;
}
