// The negotiation thread of the selected dyad: its lines ("UKR proposes de-escalation →
// RUS rejection → …") and every move with its date, evidence sentence and issue tags. Kept apart
// from app.js, which calls `loadThread` on each refresh.

import { api } from './api.js';

function el(tag, content, cls) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  e.textContent = content ?? '';
  return e;
}

function sideName(t, item) {
  return (item.side === 'a' ? t.a : t.b).join('+');
}

// Fill `box` with the thread between the two sides of `dyad` ("UKR-RUS"), within `from`/`to`,
// only moves tagged `issue` when given. Without a dyad, a hint.
export async function loadThread(box, { dyad, from, to, issue }, openDoc) {
  box.replaceChildren();
  if (!dyad) { box.appendChild(el('p', 'Pick a dyad to follow its negotiation thread.', 'muted')); return; }
  const [a, b] = dyad.split('-');
  const t = await api.thread({ a, b, from, to, issue });
  if (!t.items.length) { box.appendChild(el('p', 'No proposals, demands or responses between them.', 'muted')); return; }
  const lines = el('ol', '', 'thread-lines');
  for (const line of t.lines.filter((l) => l.length > 1)) {
    const li = el('li', '', 'thread-line');
    line.forEach((i, k) => {
      const it = t.items[i];
      if (k) li.appendChild(el('span', ' → ', 'arrow'));
      const reads = k ? t.items[line[k - 1]].response_reads : it.move;
      const step = el('span', `${sideName(t, it)} ${reads} (${it.day})`, `step q${it.quad}`);
      step.title = it.sentence;
      li.appendChild(step);
    });
    lines.appendChild(li);
  }
  box.appendChild(lines);
  const list = el('ul', '', 'thread-items');
  t.items.forEach((it, i) => {
    const li = el('li', '', 'thread-item');
    li.dataset.idx = String(i);
    li.appendChild(el('span', it.day, 'muted'));
    li.appendChild(el('span', ` ${sideName(t, it)} `, 'side'));
    li.appendChild(el('span', it.move, `code q${it.quad}`));
    for (const tag of it.issues) li.appendChild(el('span', tag, 'issue'));
    li.appendChild(el('span', ` ${it.sentence} `));
    const a = el('a', it.title || it.doc_id, 'doclink');
    a.href = '#';
    a.addEventListener('click', (x) => { x.preventDefault(); openDoc(it.doc_id, `e${it.idx}`); });
    li.appendChild(a);
    if (it.response != null) li.appendChild(el('span', ` ⇒ ${it.response_reads} (${t.items[it.response].day})`, 'muted'));
    list.appendChild(li);
  });
  box.appendChild(list);
}
