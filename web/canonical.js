// Canonical events in the dashboard: the events table's "Reports" cell (how many mentions,
// articles and outlets one real-world event has, expandable to its mentions) and the document
// view's list of republished copies. Kept apart from app.js, which only calls these.

import { api } from './api.js';

function el(tag, content, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = content ?? '';
  return e;
}

// The "Reports" cell of an events-table row. In mentions mode (no counts) it is empty. With more
// than one mention, a button expands the mentions as rows under `tr`, each linking to its
// document through `openDoc(id, focus)`.
export function reportsCell(tr, e, openDoc) {
  const td = el('td', '', 'num reports');
  if (e.num_mentions == null) return td;
  if (e.num_mentions < 2) { td.textContent = '1'; return td; }
  const b = el('button', `${e.num_mentions} ▸`, 'expand');
  b.type = 'button';
  b.title = `${e.num_mentions} mentions in ${e.num_articles} articles from ${e.num_sources} outlets; click to list them`;
  b.setAttribute('aria-expanded', 'false');
  b.addEventListener('click', () => toggleMentions(tr, e, b, openDoc));
  td.appendChild(b);
  return td;
}

async function toggleMentions(tr, e, button, openDoc) {
  const open = button.getAttribute('aria-expanded') === 'true';
  let next = tr.nextElementSibling;
  while (next && next.classList.contains('mention')) {
    const n = next.nextElementSibling;
    next.remove();
    next = n;
  }
  button.setAttribute('aria-expanded', String(!open));
  button.textContent = `${e.num_mentions} ${open ? '▸' : '▾'}`;
  if (open) return;
  let ev;
  try {
    ev = await api.canonical(e.canonical);
  } catch (err) {
    const row = el('tr', '', 'mention');
    row.appendChild(el('td', `Error: ${err.message}`)).colSpan = tr.children.length;
    tr.after(row);
    return;
  }
  let at = tr;
  for (const m of ev.mentions) {
    const row = el('tr', '', 'mention');
    row.dataset.doc = m.doc_id;
    row.appendChild(el('td', m.day || m.date || ''));
    const what = el('td', `${m.source_text || m.source_name || '—'} · ${m.cameo} · ${m.target_text || m.target_name || '—'}`);
    what.colSpan = 4;
    row.appendChild(what);
    row.appendChild(el('td', ''));
    row.appendChild(el('td', m.evidence_text));
    const td = document.createElement('td');
    const a = el('a', m.title || m.doc_id, 'doclink');
    a.href = '#';
    a.addEventListener('click', (x) => { x.preventDefault(); openDoc(m.doc_id, `e${m.idx}`); });
    td.appendChild(a);
    row.appendChild(td);
    at.after(row);
    at = row;
  }
}

// Fill `box` with the other articles of document `id`'s story (republished copies).
export async function showCopies(box, id, openDoc) {
  box.replaceChildren();
  let copies;
  try {
    copies = await api.copies(id);
  } catch (err) {
    box.appendChild(el('span', `copies: ${err.message}`, 'muted'));
    return;
  }
  if (!copies.length) return;
  box.appendChild(el('span', 'Also published as: ', 'muted'));
  copies.forEach((c, i) => {
    if (i) box.appendChild(document.createTextNode(', '));
    const a = el('a', `${c.title || c.id} (${c.publisher || 'unknown outlet'}, ${Math.round(c.similarity * 100)}% similar)`, 'copylink');
    a.href = '#';
    a.dataset.doc = c.id;
    a.addEventListener('click', (x) => { x.preventDefault(); openDoc(c.id); });
    box.appendChild(a);
  });
}
