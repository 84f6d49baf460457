// The events table: one page of events in the chosen order, sortable headers (the server sorts),
// paging, and keyboard navigation (↑/↓ move between rows, Enter opens the row's document).

import { api } from './api.js';
import { cameoLabel } from './docview.js';
import { reportsCell } from './canonical.js';

// Columns that sort, by the API's sort name.
export const SORTABLE = { day: 'Day', source: 'Source', code: 'Event', target: 'Target', goldstein: 'Goldstein' };

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

// Turn the header cells with `data-sort` into buttons that call `onSort(name)`; show `sort`
// ("-day") with aria-sort and an arrow.
export function sortHeaders(table, sort, onSort, basis = 'published') {
  const key = sort.replace(/^-/, '');
  const desc = sort.startsWith('-');
  for (const th of table.querySelectorAll('th[data-sort]')) {
    const name = th.dataset.sort;
    let b = th.querySelector('button');
    if (!b) {
      b = text('button', '', 'sort');
      b.type = 'button';
      th.replaceChildren(b);
      // Same column: flip the direction; a new column starts newest/highest first for day and
      // Goldstein, A→Z for names and codes.
      b.addEventListener('click', () => {
        const cur = th.closest('table').dataset.sort || '';
        const first = name === 'day' || name === 'goldstein' ? `-${name}` : name;
        onSort(cur === name ? `-${name}` : cur === `-${name}` ? name : first);
      });
    }
    const on = name === key;
    th.setAttribute('aria-sort', on ? (desc ? 'descending' : 'ascending') : 'none');
    b.textContent = `${SORTABLE[name]}${on ? (desc ? ' ▼' : ' ▲') : ''}`;
    b.title = name === 'day' ? `Sort by ${basis === 'event' ? 'event day' : 'publication day (then event day)'}` : `Sort by ${SORTABLE[name].toLowerCase()}`;
  }
  table.dataset.sort = sort;
}

// Rows of the table body are focusable; arrows move, Enter opens the document.
export function keyboardRows(tbody) {
  tbody.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr');
    if (!tr || e.target !== tr) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      let next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      while (next && !next.hasAttribute('tabindex')) next = e.key === 'ArrowDown' ? next.nextElementSibling : next.previousElementSibling;
      if (next) next.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      tr.querySelector('a.doclink')?.click();
    }
  });
}

// Load and draw one page: `params` is the API filter with sort, limit and offset. Returns the
// page (total, offset, items) for the pager.
export async function loadTable(tbody, params, { cameo, openDoc }) {
  const page = await api.events(params);
  return { page, draw: () => drawRows(tbody, page.items, cameo, openDoc) };
}

function drawRows(tbody, items, cameo, openDoc) {
  tbody.replaceChildren();
  for (const e of items) {
    const tr = document.createElement('tr');
    tr.tabIndex = 0;
    if (e.negated) tr.className = 'negated';
    tr.dataset.source = e.source_country || '';
    tr.dataset.target = e.target_country || '';
    tr.dataset.day = e.day || '';
    tr.dataset.published = (e.published || '').slice(0, 10);
    tr.dataset.goldstein = String(e.goldstein);
    tr.dataset.place = e.place_name || '';
    tr.dataset.placeCountry = e.place_country || '';
    const day = text('td', e.day || e.date || '');
    // The event's own day, and the article's when it differs (the order with Dates by publication).
    if (tr.dataset.published && tr.dataset.published !== e.day) day.appendChild(text('div', `publ. ${tr.dataset.published}`, 'muted small'));
    tr.appendChild(day);
    tr.appendChild(actorCell(e.source_name || e.source_text, e.source_code, e.source_country));
    const ev = document.createElement('td');
    const code = text('span', e.cameo, `code q${e.quad}`);
    code.title = `CAMEO ${cameoLabel(cameo, e.cameo)}` + (e.plover_type ? ` · PLOVER ${e.plover_type}` : '') +
      (e.modality !== 'actual' ? ` · ${e.modality}` : '') + (e.negated ? ' · negated' : '');
    ev.appendChild(code);
    ev.appendChild(document.createTextNode(' ' + (cameo[e.cameo]?.name || '')));
    if (e.negated) ev.appendChild(text('span', ' (negated)', 'sr-only'));
    tr.appendChild(ev);
    tr.appendChild(actorCell(e.target_name || e.target_text, e.target_code, e.target_country));
    tr.appendChild(text('td', e.goldstein.toFixed(1), 'num'));
    tr.appendChild(reportsCell(tr, e, openDoc));
    tr.appendChild(text('td', e.evidence_text));
    const td = document.createElement('td');
    const a = text('a', e.title || e.doc_id, 'doclink');
    a.href = '#';
    a.dataset.doc = e.doc_id;
    a.addEventListener('click', (x) => { x.preventDefault(); openDoc(e.doc_id, `e${e.idx}`, a); });
    td.appendChild(a);
    tr.appendChild(td);
    tbody.appendChild(tr);
  }
}

// The URL of the CSV download of every event matching `params` (sorted as the table).
export function csvUrl(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.append(k, String(v));
  return `/api/events.csv?${q}`;
}
