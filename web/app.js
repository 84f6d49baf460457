// The dashboard: filters → timeline, network, speakers/quotes, events table; document view.
//
// All state lives in `state` and is mirrored in the URL hash (so a view can be bookmarked);
// every change re-runs `refresh`, which asks the API for each panel in parallel.

import { api } from './api.js';
import { timeline, network } from './charts.js';
import { renderText, focusKey, cameoLabel, eventTitle } from './docview.js';
import { reportsCell, showCopies } from './canonical.js';
import { loadThread } from './thread.js';
import { showUnresolved } from './speakers.js';

const $ = (sel) => document.querySelector(sel);
const PAGE = 25;
const state = { dyad: '', from: '', to: '', root: '', q: '', interval: 'week', count: '', issue: '', offset: 0, speaker: '', doc: '' };
let cameo = {};
let seq = 0;

function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const k of Object.keys(state)) {
    if (h.has(k)) state[k] = k === 'offset' ? Number(h.get(k)) || 0 : h.get(k);
  }
}

function writeHash() {
  const h = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v && !(k === 'interval' && v === 'week')) h.set(k, v);
  history.replaceState(null, '', `#${h}`);
}

function filter() {
  return { dyad: state.dyad, from: state.from, to: state.to, root: state.root, q: state.q, count: state.count };
}

function showError(where, err) {
  where.replaceChildren();
  const p = document.createElement('p');
  p.className = 'muted';
  p.textContent = `Error: ${err.message}`;
  where.appendChild(p);
}

function text(tag, content, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = content ?? '';
  return e;
}

function actorCell(name, code, country) {
  const td = text('td', name || code || country || '—');
  td.title = [code, country].filter(Boolean).join(' · ');
  return td;
}

async function loadEvents(my) {
  const page = await api.events({ ...filter(), limit: PAGE, offset: state.offset, sort: 'day' });
  if (my !== seq) return;
  const tbody = $('#events tbody');
  tbody.replaceChildren();
  for (const e of page.items) {
    const tr = document.createElement('tr');
    if (e.negated) tr.className = 'negated';
    tr.dataset.source = e.source_country || '';
    tr.dataset.target = e.target_country || '';
    tr.appendChild(text('td', e.day || e.date || ''));
    tr.appendChild(actorCell(e.source_name || e.source_text, e.source_code, e.source_country));
    const ev = document.createElement('td');
    const code = text('span', e.cameo, `code q${e.quad}`);
    code.title = `CAMEO ${cameoLabel(cameo, e.cameo)}` + (e.plover_type ? ` · PLOVER ${e.plover_type}` : '') +
      (e.modality !== 'actual' ? ` · ${e.modality}` : '') + (e.negated ? ' · negated' : '');
    ev.appendChild(code);
    ev.appendChild(document.createTextNode(' ' + (cameo[e.cameo]?.name || '')));
    tr.appendChild(ev);
    tr.appendChild(actorCell(e.target_name || e.target_text, e.target_code, e.target_country));
    tr.appendChild(text('td', e.goldstein.toFixed(1), 'num'));
    tr.appendChild(reportsCell(tr, e, openDoc));
    tr.appendChild(text('td', e.evidence_text));
    const td = document.createElement('td');
    const a = text('a', e.title || e.doc_id, 'doclink');
    a.href = '#';
    a.dataset.doc = e.doc_id;
    a.addEventListener('click', (ev2) => { ev2.preventDefault(); openDoc(e.doc_id, `e${e.idx}`); });
    td.appendChild(a);
    tr.appendChild(td);
    tbody.appendChild(tr);
  }
  const last = Math.min(page.offset + page.items.length, page.total);
  $('#events-count').textContent = `${page.total} ${state.count === 'mentions' ? 'mentions' : 'events'}`;
  $('#page').textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : 'none';
  $('#prev').disabled = page.offset === 0;
  $('#next').disabled = last >= page.total;
}

async function loadQuotes(my) {
  const box = $('#quotes');
  if (!state.speaker) { box.replaceChildren(text('p', 'Pick a speaker to read their quotes.', 'muted')); return; }
  const page = await api.quotes({ speaker: state.speaker, q: state.q, limit: 50 });
  if (my !== seq) return;
  box.replaceChildren(text('h3', `${state.speaker}: ${page.total} quotes`));
  for (const q of page.items) {
    const b = text('blockquote', `“${q.text}”`);
    const src = text('div', '', 'muted small');
    const a = text('a', q.title || q.doc_id, 'doclink');
    a.href = '#';
    a.addEventListener('click', (ev) => { ev.preventDefault(); openDoc(q.doc_id, `q${q.idx}`); });
    src.append(`${q.kind}, ${q.cue || ''} — ${q.date || ''} `, a);
    b.appendChild(src);
    box.appendChild(b);
  }
}

async function loadSpeakers() {
  const list = await api.speakers({ limit: 20 });
  const ol = $('#speakers');
  ol.replaceChildren();
  for (const s of list) {
    const li = document.createElement('li');
    const a = text('a', s.name, s.name === state.speaker ? 'active' : '');
    a.title = `${s.quotes} quotes in ${s.documents} documents${s.code ? ' · ' + s.code : ''}`;
    a.addEventListener('click', () => { state.speaker = state.speaker === s.name ? '' : s.name; writeHash(); loadSpeakers(); loadQuotes(seq); });
    li.append(a, ` (${s.quotes})`);
    ol.appendChild(li);
  }
  await showUnresolved(ol);
}

async function refresh() {
  const my = ++seq;
  writeHash();
  const f = filter();
  const jobs = [
    api.timeline({ ...f, interval: state.interval }).then((pts) => {
      if (my === seq) timeline($('#timeline'), pts, {
        onPick: (p) => { /* drill into one bucket */ state.from = p.bucket; state.to = bucketEnd(p.bucket); state.offset = 0; syncForm(); refresh(); },
      });
    }).catch((e) => showError($('#timeline'), e)),
    api.network({ ...f, dyad: '', limit: 60 }).then((net) => {
      if (my === seq) network($('#network'), net, {
        onEdge: (e) => setDyad(`${e.source}-${e.target}`),
      });
    }).catch((e) => showError($('#network'), e)),
    loadEvents(my).catch((e) => showError($('#events tbody'), e)),
    loadThread($('#thread'), { dyad: state.dyad, from: state.from, to: state.to, issue: state.issue }, openDoc)
      .catch((e) => showError($('#thread'), e)),
    loadQuotes(my).catch((e) => showError($('#quotes'), e)),
  ];
  await Promise.all(jobs);
  document.body.dataset.ready = String(my);
}

function bucketEnd(start) {
  const d = new Date(start + 'T00:00:00Z');
  if (state.interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (state.interval === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function setDyad(v) {
  const [a, b] = v.split('-');
  const sel = $('#dyad');
  let opt = [...sel.options].find((o) => o.value === v || o.value === `${b}-${a}`);
  if (!opt) { opt = new Option(`${a} – ${b}`, v); sel.add(opt); }
  state.dyad = opt.value;
  state.offset = 0;
  syncForm();
  refresh();
}

function syncForm() {
  for (const k of ['dyad', 'from', 'to', 'root', 'q', 'interval', 'count', 'issue']) $(`#${k}`).value = state[k];
}

async function openDoc(id, focus) {
  const view = $('#docview');
  state.doc = id;
  writeHash();
  let doc;
  try {
    doc = await api.document(id);
  } catch (e) {
    view.hidden = false;
    showError($('#doc-text'), e);
    return;
  }
  $('#doc-title').textContent = doc.title || doc.id;
  $('#doc-meta').textContent = [doc.date, doc.source, doc.id, `${doc.events.length} events, ${doc.quotes.length} quotes, ${doc.entities.length} entities`]
    .filter(Boolean).join(' · ');
  showCopies($('#doc-copies'), doc.id, openDoc);
  const box = $('#doc-text');
  renderText(box, doc, cameo);
  const evs = $('#doc-events');
  evs.replaceChildren();
  doc.events.forEach((ev, i) => {
    const li = document.createElement('li');
    const code = text('span', ev.cameo, `code q${ev.quad}`);
    code.title = eventTitle(ev, cameo);
    li.append(code, ` ${ev.source?.name || ev.source?.text || '—'} → ${ev.target?.name || ev.target?.text || '—'}: ${cameo[ev.cameo]?.name || ''}` +
      `${ev.negated ? ' (negated)' : ''}${ev.modality !== 'actual' ? ` [${ev.modality}]` : ''}`);
    li.addEventListener('click', () => focusKey(box, `e${i}`));
    evs.appendChild(li);
  });
  const qs = $('#doc-quotes');
  qs.replaceChildren();
  doc.quotes.forEach((q, i) => {
    const li = text('li', `${q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown'} (${q.kind}): “${q.text}”`);
    li.addEventListener('click', () => focusKey(box, `q${i}`));
    qs.appendChild(li);
  });
  view.hidden = false;
  if (focus) focusKey(box, focus);
}

function closeDoc() {
  $('#docview').hidden = true;
  state.doc = '';
  writeHash();
}

async function init() {
  readHash();
  const [stats, cam, dyads] = await Promise.all([api.stats(), api.cameo(), api.dyads({ limit: 40 })]);
  cameo = cam;
  $('#stats').textContent = `${stats.documents} documents · ${stats.canonical_events} events (${stats.events} mentions) · ${stats.quotes} quotes` +
    (stats.first_day ? ` · ${stats.first_day} – ${stats.last_day}` : '');
  const dsel = $('#dyad');
  for (const d of dyads) dsel.add(new Option(`${d.a} – ${d.b} (${d.count})`, `${d.a}-${d.b}`));
  const rsel = $('#root');
  for (const [code, c] of Object.entries(cameo)) if (code.length === 2) rsel.add(new Option(`${code} ${c.name.toLowerCase()}`, code));
  if (state.dyad && ![...dsel.options].some((o) => o.value === state.dyad)) dsel.add(new Option(state.dyad, state.dyad));
  syncForm();
  for (const k of ['dyad', 'from', 'to', 'root', 'interval', 'count', 'issue']) {
    $(`#${k}`).addEventListener('change', (e) => { state[k] = e.target.value; state.offset = 0; refresh(); });
  }
  let timer;
  $('#q').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = e.target.value.trim(); state.offset = 0; refresh(); }, 300);
  });
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  $('#reset').addEventListener('click', () => {
    Object.assign(state, { dyad: '', from: '', to: '', root: '', q: '', interval: 'week', count: '', issue: '', offset: 0, speaker: '' });
    syncForm(); loadSpeakers(); refresh();
  });
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(seq); writeHash(); });
  $('#next').addEventListener('click', () => { state.offset += PAGE; loadEvents(seq); writeHash(); });
  $('#doc-close').addEventListener('click', closeDoc);
  $('#docview').addEventListener('click', (e) => { if (e.target.id === 'docview') closeDoc(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('#docview').hidden) closeDoc(); });
  await loadSpeakers();
  await refresh();
  if (state.doc) openDoc(state.doc);
}

init().catch((e) => showError($('main'), e));
