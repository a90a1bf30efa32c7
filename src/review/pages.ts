/** The server-rendered pages: login, the queue, and the filing view's shell. Every interpolation is escaped. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { FilingCounts } from '../store/index.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

function layout(title: string, body: Html, script = false): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · formd review</title>
<link rel="stylesheet" href="/assets/review.css">
</head>
<body>
${body}
${script ? html`<script src="/assets/review.js"></script>` : ''}
</body>
</html>`;
}

export function loginPage(next: string, error: string | null): Html {
  return layout(
    'Sign in',
    html`<main class="login">
<h1>formd review</h1>
<form method="post" action="/login">
<input type="hidden" name="next" value="${next}">
<label>Your name <input name="who" required maxlength="80" autocomplete="name"></label>
<label>Token <input name="token" type="password" required autocomplete="current-password"></label>
<button type="submit">Sign in</button>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
</form>
</main>`,
  );
}

export interface QueueRow {
  id: string;
  file: string;
  issuerName: string | null;
  rules: string[];
  errors: number;
  minConfidence: number | null;
  status: string;
}

export interface FailedRow {
  id: string;
  file: string;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface QueueFilters {
  rule: string;
  field: string;
  confidence: string;
}

const confidenceClass = (c: number | null, threshold: number) =>
  c === null ? '' : c >= 0.9 ? 'hi' : c >= threshold ? 'mid' : 'lo';

export function queuePage(
  counts: FilingCounts,
  rows: QueueRow[],
  failed: FailedRow[],
  filters: QueueFilters,
  rules: readonly string[],
  who: string,
  threshold: number,
  board: boolean,
): Html {
  return layout(
    'Queue',
    html`<header class="top">
<h1>formd review</h1>
<ul class="counts" aria-label="counts">
<li data-count="auto">auto <b>${counts.auto}</b></li>
<li data-count="needs_review">needs review <b>${counts.needsReview}</b></li>
<li data-count="reviewed">reviewed <b>${counts.reviewed}</b></li>
<li data-count="failed">failed <b>${counts.failed}</b></li>
</ul>
<span class="who">${who}${board ? html` · <a href="/queues">queues</a>` : ''}</span>
</header>
<main class="queue">
<form class="filters" method="get" action="/">
<label>Rule <select name="rule"><option value="">any</option>${rules.map(
      (r) => html`<option value="${r}" ${r === filters.rule ? 'selected' : ''}>${r}</option>`,
    )}</select></label>
<label>Field <input name="field" value="${filters.field}" placeholder="offering.useOfProceeds"></label>
<label>Confidence below <input name="confidence" value="${filters.confidence}" inputmode="decimal" size="5" placeholder="0.8"></label>
<button type="submit">Filter</button>
</form>
<table class="filings">
<thead><tr><th>Issuer</th><th>File</th><th>Flags</th><th>Lowest confidence</th><th>Status</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr class="${r.errors ? 'has-errors' : ''}">
<td><a href="/filings/${r.id}">${r.issuerName ?? '(no name read)'}</a></td>
<td class="file">${r.file}</td>
<td>${r.rules.map((rule) => html`<span class="rule">${rule}</span> `)}</td>
<td class="conf ${confidenceClass(r.minConfidence, threshold)}">${r.minConfidence === null ? '' : r.minConfidence.toFixed(2)}</td>
<td>${r.status}</td>
</tr>`,
)}
</tbody>
</table>
${rows.length === 0 ? html`<p class="empty">Nothing needs review with these filters.</p>` : ''}
${
  failed.length
    ? html`<h2>Failed</h2><table class="failed"><thead><tr><th>File</th><th>Error</th></tr></thead><tbody>${failed.map(
        (f) => html`<tr><td class="file">${f.file}</td><td>${f.errorCode}: ${f.errorMessage}</td></tr>`,
      )}</tbody></table>`
    : ''
}
</main>`,
  );
}

export function filingPage(id: string, who: string): Html {
  return layout(
    'Filing',
    html`<header class="top">
<a href="/" class="back">← queue</a>
<h1 id="title">Filing</h1>
<span id="status" class="status"></span>
<span class="who">${who}</span>
<button type="button" id="help-button" title="Keys (?)">?</button>
</header>
<div id="notice" role="alert" aria-live="polite"></div>
<main class="filing" id="app" data-filing-id="${id}">
<section id="source" aria-label="source"></section>
<section id="side">
<div id="flags" aria-label="flags"></div>
<div id="fields" aria-label="fields"></div>
<details id="history-box"><summary>History</summary><ol id="history"></ol></details>
</section>
</main>
<dialog id="help">
<h2>Keys</h2>
<dl>
<dt>j / k</dt><dd>next / previous field needing attention</dd>
<dt>Enter</dt><dd>accept the value (or save what you typed)</dd>
<dt>typing</dt><dd>corrects the value; Esc cancels</dd>
<dt>space</dt><dd>toggles a check box</dd>
<dt>a</dt><dd>applies the suggested repair</dd>
<dt>r</dt><dd>marks the filing reviewed</dd>
<dt>?</dt><dd>shows these keys</dd>
</dl>
<form method="dialog"><button>Close</button></form>
</dialog>`,
    true,
  );
}

export function errorPage(status: number, message: string): Html {
  return layout(
    'Error',
    html`<main class="error-page"><h1>${status}</h1><p>${message}</p><p><a href="/">Queue</a></p></main>`,
  );
}
