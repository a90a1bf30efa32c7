/**
 * The filing view in the browser. This function is served as /assets/review.js by its source text
 * (`reviewClient.toString()`), so it must not use anything from outside its own body. Every value
 * from a scan reaches the page through textContent, never as HTML.
 */

interface Provenance {
  confidence: number;
  page: number | null;
  bbox: [number, number, number, number] | null;
  source: string;
  raw: string;
  line?: number;
}

interface ViewFlag {
  rule: string;
  severity: string;
  paths: string[];
  message: string;
  explanation?: string | null;
  suggestion?: { path: string; value: number; reason: string };
}

interface ViewField {
  path: string;
  label: string;
  kind: string;
  text: string;
  value: string | number | boolean | null;
  provenance: Provenance | null;
  attention: boolean;
  lowConfidence: boolean;
  flags: ViewFlag[];
}

interface View {
  id: string;
  version: number;
  title: string;
  status: string;
  threshold: number;
  kind: string;
  pages: number[];
  lines: string[] | null;
  linesProblem: string | null;
  fields: ViewField[];
  flags: ViewFlag[];
  suggestions: Record<string, string>;
  history: Array<{ who: string; at: string; path: string; oldValue: unknown; newValue: unknown }>;
}

export function reviewClient(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const id = app.dataset.filingId ?? '';
  const $ = (sel: string) => document.getElementById(sel) as HTMLElement;
  let view: View | null = null;
  let selected = -1;
  let editing = false;
  const pageSizes = new Map<number, { w: number; h: number }>();

  function el(tag: string, cls?: string, text?: string): HTMLElement {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function confClass(c: number | undefined, threshold: number): string {
    if (c === undefined) return '';
    return c >= 0.9 ? 'hi' : c >= threshold ? 'mid' : 'lo';
  }

  function notice(text: string, kind: 'ok' | 'error') {
    const n = $('notice');
    n.textContent = text;
    n.className = kind;
  }

  async function load() {
    const res = await fetch(`/api/filings/${id}`, { headers: { accept: 'application/json' } });
    if (!res.ok) {
      notice((await res.json().catch(() => ({ error: res.statusText }))).error, 'error');
      return;
    }
    view = (await res.json()) as View;
    renderSource();
    render();
    if (selected < 0) move(1);
  }

  async function send(changes: unknown[]) {
    if (!view) return;
    const res = await fetch(`/api/filings/${id}/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'formd' },
      body: JSON.stringify({ version: view.version, changes }),
    });
    const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
    if (!res.ok) {
      notice(body.error ?? 'The change was not saved.', 'error');
      return false;
    }
    view = body as View;
    render();
    notice(`Saved (version ${view.version}).`, 'ok');
    return true;
  }

  function renderSource() {
    if (!view) return;
    const source = $('source');
    source.replaceChildren();
    if (view.pages.length) {
      for (const page of view.pages) {
        const wrap = el('div', 'page');
        wrap.dataset.page = String(page);
        const img = document.createElement('img');
        img.alt = `page ${page}`;
        img.addEventListener('load', () => {
          pageSizes.set(page, { w: img.naturalWidth, h: img.naturalHeight });
          render();
        });
        img.src = `/filings/${id}/pages/${page}`;
        wrap.append(img);
        source.append(wrap);
      }
    } else if (view.lines) {
      const list = el('ol', 'lines');
      view.lines.forEach((text, i) => {
        const li = el('li', 'line');
        li.dataset.line = String(i + 1);
        li.append(el('span', 'no', String(i + 1)), el('span', 'text', text));
        li.addEventListener('click', () => {
          const at = view?.fields.findIndex((f) => f.provenance?.line === i + 1) ?? -1;
          if (at >= 0) select(at, 'fields');
        });
        list.append(li);
      });
      source.append(list);
    } else {
      source.append(
        el('p', 'empty', view.linesProblem ?? 'There is no page image or transcription for this filing.'),
      );
    }
  }

  function crop(f: ViewField): HTMLElement | null {
    const p = f.provenance;
    if (!p?.bbox || p.page === null || !view) return null;
    const size = pageSizes.get(p.page);
    if (!size) return null;
    const [x0, y0, x1, y1] = p.bbox;
    const scale = Math.min(1, 220 / Math.max(1, x1 - x0 + 16));
    const c = el('div', 'crop');
    c.style.backgroundImage = `url(/filings/${id}/pages/${p.page})`;
    c.style.backgroundSize = `${size.w * scale}px ${size.h * scale}px`;
    c.style.backgroundPosition = `${-(x0 - 8) * scale}px ${-(y0 - 4) * scale}px`;
    c.style.width = `${(x1 - x0 + 16) * scale}px`;
    c.style.height = `${(y1 - y0 + 8) * scale}px`;
    return c;
  }

  function render() {
    if (!view) return;
    const v = view;
    $('title').textContent = v.title;
    $('status').textContent = `${v.status.replace('_', ' ')} · version ${v.version}`;
    $('status').className = `status ${v.status}`;

    const flags = $('flags');
    flags.replaceChildren();
    for (const f of v.flags) {
      const box = el('div', `flag ${f.severity}`);
      box.dataset.rule = f.rule;
      box.append(el('strong', '', `${f.severity.toUpperCase()} ${f.rule}`), el('p', 'message', f.message));
      if (f.explanation) box.append(el('p', 'explanation', f.explanation));
      if (f.suggestion)
        box.append(el('p', 'suggestion', `Suggested: ${v.suggestions[f.suggestion.path] ?? ''} (a)`));
      flags.append(box);
    }
    if (!v.flags.length) flags.append(el('p', 'clear', 'No flags: the form agrees with itself.'));

    const list = $('fields');
    list.replaceChildren();
    v.fields.forEach((f, i) => {
      const row = el('div', `field${f.attention ? ' attention' : ''}${i === selected ? ' selected' : ''}`);
      row.dataset.path = f.path;
      row.tabIndex = -1;
      const p = f.provenance;
      const conf = el(
        'span',
        `conf ${confClass(p?.confidence, v.threshold)}`,
        p ? p.confidence.toFixed(2) : '',
      );
      const label = el('span', 'label', f.label);
      let value: HTMLElement;
      if (f.kind === 'bool') {
        value = el('span', 'value check', f.value === null ? '—' : f.value ? '☒ yes' : '☐ no');
      } else {
        value = el('span', 'value', f.text);
      }
      const src = el('span', `source ${p?.source ?? ''}`, p?.source ?? '');
      row.append(label, value, conf, src);
      const c = crop(f);
      if (c) row.append(c);
      for (const flag of f.flags) {
        const msg = el('p', `field-flag ${flag.severity}`, flag.message);
        msg.dataset.rule = flag.rule;
        row.append(msg);
      }
      row.addEventListener('click', () => select(i, 'source'));
      list.append(row);
    });

    document.querySelectorAll('.box').forEach((b) => {
      b.remove();
    });
    v.fields.forEach((f, i) => {
      const p = f.provenance;
      if (!p?.bbox || p.page === null) return;
      const size = pageSizes.get(p.page);
      const wrap = document.querySelector(`.page[data-page="${p.page}"]`);
      if (!size || !wrap) return;
      const [x0, y0, x1, y1] = p.bbox;
      const box = el(
        'div',
        `box ${confClass(p.confidence, v.threshold)}${i === selected ? ' selected' : ''}`,
      );
      box.dataset.path = f.path;
      box.title = `${f.label}: ${f.text}`;
      box.style.left = `${(x0 / size.w) * 100}%`;
      box.style.top = `${(y0 / size.h) * 100}%`;
      box.style.width = `${((x1 - x0) / size.w) * 100}%`;
      box.style.height = `${((y1 - y0) / size.h) * 100}%`;
      box.addEventListener('click', () => select(i, 'fields'));
      wrap.append(box);
    });

    document.querySelectorAll('.line.hit, .line.read').forEach((l) => {
      l.classList.remove('hit', 'read');
    });
    for (const f of v.fields) {
      if (f.provenance?.line)
        document.querySelector(`.line[data-line="${f.provenance.line}"]`)?.classList.add('read');
    }
    const current = v.fields[selected];
    if (current?.provenance?.line) {
      document.querySelector(`.line[data-line="${current.provenance.line}"]`)?.classList.add('hit');
    }

    const history = $('history');
    history.replaceChildren();
    for (const h of v.history) {
      const li = el('li', 'change');
      li.textContent = `${h.at} ${h.who}: ${h.path} ${JSON.stringify(h.oldValue)} → ${JSON.stringify(h.newValue)}`;
      history.append(li);
    }
    $('history-box').querySelector('summary')!.textContent = `History (${v.history.length})`;
  }

  /** Selects a field and scrolls the other side (the page or the field list) to it. */
  function select(i: number, scroll: 'source' | 'fields' | 'both') {
    if (!view || i < 0 || i >= view.fields.length) return;
    editing = false;
    selected = i;
    render();
    const f = view.fields[i]!;
    const row = document.querySelector(`.field[data-path="${f.path}"]`) as HTMLElement | null;
    row?.focus({ preventScroll: true });
    if (scroll !== 'source') row?.scrollIntoView({ block: 'nearest' });
    if (scroll !== 'fields') {
      const target =
        document.querySelector(`.box[data-path="${f.path}"]`) ??
        (f.provenance?.line ? document.querySelector(`.line[data-line="${f.provenance.line}"]`) : null);
      target?.scrollIntoView({ block: 'center' });
    }
  }

  function move(step: 1 | -1) {
    if (!view) return;
    const n = view.fields.length;
    for (let k = 1; k <= n; k++) {
      const i = (((selected + step * k) % n) + n) % n;
      if (view.fields[i]?.attention) return select(i, 'both');
    }
  }

  function startEdit(initial: string) {
    if (!view) return;
    const f = view.fields[selected];
    if (!f || f.kind === 'bool') return;
    const row = document.querySelector(`.field[data-path="${f.path}"]`);
    const value = row?.querySelector('.value');
    if (!row || !value) return;
    editing = true;
    const input = document.createElement('input');
    input.className = 'value editing';
    input.value = initial;
    input.setAttribute('aria-label', f.label);
    value.replaceWith(input);
    input.focus();
    input.addEventListener('keydown', async (e) => {
      e.stopPropagation();
      if (e.key === 'Escape') {
        editing = false;
        render();
        document.querySelector<HTMLElement>(`.field[data-path="${f.path}"]`)?.focus();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        const ok = await send([{ action: 'set', path: f.path, value: input.value }]);
        if (ok) {
          editing = false;
          render();
          document.querySelector<HTMLElement>(`.field[data-path="${f.path}"]`)?.focus();
        } else {
          input.focus();
        }
      }
    });
  }

  document.addEventListener('keydown', (e) => {
    if (!view || editing || e.ctrlKey || e.metaKey || e.altKey) return;
    const help = document.getElementById('help') as HTMLDialogElement;
    if (help.open) return;
    const f = view.fields[selected];
    if (e.key === 'j') move(1);
    else if (e.key === 'k') move(-1);
    else if (e.key === '?') help.showModal();
    else if (e.key === 'r') void send([{ action: 'markReviewed' }]);
    else if (e.key === 'a') {
      const target = f && view.suggestions[f.path] !== undefined ? f.path : Object.keys(view.suggestions)[0];
      if (target) void send([{ action: 'suggestion', path: target }]);
      else notice('There is no suggested repair on this filing.', 'error');
    } else if (e.key === 'Enter' && f) void send([{ action: 'accept', path: f.path }]);
    else if (e.key === ' ' && f?.kind === 'bool')
      void send([{ action: 'set', path: f.path, value: f.value !== true }]);
    else if (e.key.length === 1 && e.key !== ' ' && f) startEdit(e.key);
    else return;
    e.preventDefault();
  });

  document.getElementById('help-button')?.addEventListener('click', () => {
    (document.getElementById('help') as HTMLDialogElement).showModal();
  });
  void load();
}
