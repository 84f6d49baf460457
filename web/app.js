// The dashboard: filters → timeline, map, network, speakers/quotes, thread, events table;
// document view.
//
// All state lives in state.js and is mirrored in the URL hash (a view can be bookmarked and
// shared); every change re-runs `refresh`, which asks the API for each panel in parallel.

import { api } from './api.js';
import { state, readHash, writeHash, resetState, filterParams } from './state.js';
import { fillMenus, syncForm, bindForm } from './filters.js';
import { timeline } from './timeline.js';
import { network } from './network.js';
import { eventMap } from './map.js';
import { loadTable, sortHeaders, keyboardRows, csvUrl } from './table.js';
import { renderText, focusKey, eventTitle } from './docview.js';
import { showCopies } from './canonical.js';
import { loadThread } from './thread.js';
import { showUnresolved } from './speakers.js';
import { modal } from './dialog.js';

const $ = (sel) => document.querySelector(sel);
const PAGE = 25;
let cameo = {};
let seq = 0;
let dialog;

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

async function loadEvents(my) {
  const params = { ...filterParams(), sort: state.sort };
  const { page, draw } = await loadTable($('#events tbody'), { ...params, limit: PAGE, offset: state.offset }, { cameo, openDoc });
  if (my !== seq) return;
  draw();
  sortHeaders($('#events'), state.sort, (sort) => { state.sort = sort; state.offset = 0; writeHash(); loadEvents(seq); }, state.time);
  $('#csv').href = csvUrl(params);
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
    a.addEventListener('click', (ev) => { ev.preventDefault(); openDoc(q.doc_id, `q${q.idx}`, a); });
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
    a.href = '#';
    a.title = `${s.quotes} quotes in ${s.documents} documents${s.code ? ' · ' + s.code : ''}`;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      state.speaker = state.speaker === s.name ? '' : s.name;
      writeHash(); loadSpeakers(); loadQuotes(seq);
    });
    li.append(a, ` (${s.quotes})`);
    ol.appendChild(li);
  }
  await showUnresolved(ol);
}

function pick(changes) {
  Object.assign(state, changes, { offset: 0 });
  syncForm();
  refresh();
}

async function loadMap(my) {
  const data = await api.map(filterParams(['place', 'place_country']));
  if (my !== seq) return;
  $('#map-note').textContent = `${data.placed} events with a place` + (data.unplaced ? `, ${data.unplaced} without` : '');
  await eventMap($('#map'), data, {
    selected: { place: state.place, place_country: state.place_country },
    colour: state.colour,
    onCountry: (iso) => pick(state.place_country === iso && !state.place ? { place: '', place_country: '' } : { place: '', place_country: iso }),
    onPoint: (p) => pick({ place: p.name || '', place_country: p.country || '' }),
  });
}

async function refresh() {
  const my = ++seq;
  writeHash();
  const f = filterParams();
  const basis = state.time === 'event' ? 'event date (within the publication range)' : 'publication date';
  $('#timeline-note').textContent = `by ${basis}; cooperation above the axis, conflict below; ` +
    'line = mean Goldstein (−10…+10), drawn where a bucket has enough events';
  const jobs = [
    api.timeline({ ...f, interval: state.interval }).then((pts) => {
      if (my === seq) timeline($('#timeline'), pts, {
        basis: state.time,
        onPick: (p) => pick({ from: p.bucket, to: bucketEnd(p.bucket) }),
      });
    }).catch((e) => showError($('#timeline'), e)),
    loadMap(my).catch((e) => showError($('#map'), e)),
    api.network({ ...f, dyad: '', limit: 60 }).then((net) => {
      if (my === seq) network($('#network'), net, { onEdge: (e) => setDyad(`${e.source}-${e.target}`) });
    }).catch((e) => showError($('#network'), e)),
    loadEvents(my).catch((e) => showError($('#events tbody'), e)),
    loadThread($('#thread'), { dyad: state.dyad, from: state.from, to: state.to, issue: state.issue }, openDoc)
      .catch((e) => showError($('#thread'), e)),
    loadQuotes(my).catch((e) => showError($('#quotes'), e)),
  ];
  await Promise.all(jobs);
  if (my === seq) document.body.dataset.ready = String(my);
}

function bucketEnd(start) {
  const d = new Date(start + 'T00:00:00Z');
  if (state.interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else if (state.interval === 'month') { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function setDyad(v) {
  const [a, b] = v.split('-');
  const opt = [...$('#dyad').options].find((o) => o.value === v || o.value === `${b}-${a}`);
  pick({ dyad: opt ? opt.value : v });
}

async function openDoc(id, focus, from) {
  state.doc = id;
  writeHash();
  let doc;
  try {
    doc = await api.document(id);
  } catch (e) {
    dialog.open(from);
    showError($('#doc-text'), e);
    return;
  }
  $('#doc-title').textContent = doc.title || doc.id;
  $('#doc-meta').textContent = [doc.date, doc.source, doc.id, `${doc.events.length} events, ${doc.quotes.length} quotes, ${doc.entities.length} entities`]
    .filter(Boolean).join(' · ');
  showCopies($('#doc-copies'), doc.id, openDoc);
  const box = $('#doc-text');
  renderText(box, doc, cameo);
  const list = (ul, items, label, key) => {
    ul.replaceChildren();
    items.forEach((it, i) => {
      const li = document.createElement('li');
      const b = text('button', '', 'linklike');
      b.type = 'button';
      b.append(...label(it));
      b.addEventListener('click', () => focusKey(box, `${key}${i}`));
      li.appendChild(b);
      ul.appendChild(li);
    });
  };
  list($('#doc-events'), doc.events, (ev) => {
    const code = text('span', ev.cameo, `code q${ev.quad}`);
    code.title = eventTitle(ev, cameo);
    return [code, ` ${ev.source?.name || ev.source?.text || '—'} → ${ev.target?.name || ev.target?.text || '—'}: ${cameo[ev.cameo]?.name || ''}` +
      `${ev.negated ? ' (negated)' : ''}${ev.modality !== 'actual' ? ` [${ev.modality}]` : ''}`];
  }, 'e');
  list($('#doc-quotes'), doc.quotes, (q) => [`${q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown'} (${q.kind}): “${q.text}”`], 'q');
  dialog.open(from);
  if (focus) focusKey(box, focus);
}

async function init() {
  readHash();
  dialog = modal($('#docview'), $('#docview .docpanel'), { onClose: () => { state.doc = ''; writeHash(); } });
  $('#doc-close').addEventListener('click', () => dialog.close());
  const [stats, cam, dyads, facets] = await Promise.all([api.stats(), api.cameo(), api.dyads({ limit: 40 }), api.facets()]);
  cameo = cam;
  $('#stats').textContent = `${stats.documents} documents · ${stats.canonical_events} events (${stats.events} mentions) · ${stats.quotes} quotes` +
    (stats.first_published ? ` · published ${stats.first_published} – ${stats.last_published}` : '');
  fillMenus({ dyads, cameo, facets });
  syncForm();
  bindForm((k) => { if (k === 'colour') { writeHash(); loadMap(seq); } else refresh(); });
  $('#reset').addEventListener('click', () => { resetState(); syncForm(); loadSpeakers(); refresh(); });
  $('#prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(seq); writeHash(); });
  $('#next').addEventListener('click', () => { state.offset += PAGE; loadEvents(seq); writeHash(); });
  keyboardRows($('#events tbody'));
  await loadSpeakers();
  await refresh();
  if (state.doc) openDoc(state.doc);
}

init().catch((e) => showError($('main'), e));
