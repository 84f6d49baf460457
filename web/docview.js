// The document view: the article text with every annotation layer highlighted.
//
// Offsets in the API are Unicode code points (as Python counts them), not UTF-16 units, so the
// text is split with Array.from before slicing. Overlapping spans are handled by cutting the text
// at every span boundary; each piece carries the classes and hover titles of all spans covering it.

export function cameoLabel(cameo, code) {
  const c = cameo[code];
  return c ? `${code} ${c.name}` : code;
}

function actorLabel(a) {
  if (!a) return '—';
  return a.name || a.text || a.code || '—';
}

export function eventTitle(ev, cameo) {
  const neg = ev.negated ? ' (negated)' : '';
  const mod = ev.modality && ev.modality !== 'actual' ? ` [${ev.modality}]` : '';
  return `CAMEO ${cameoLabel(cameo, ev.cameo)}${neg}${mod}\n` +
    `${actorLabel(ev.source)} → ${actorLabel(ev.target)}\n` +
    `quad ${ev.quad}, Goldstein ${Number(ev.goldstein).toFixed(1)}` +
    (ev.plover ? `, PLOVER ${ev.plover.type}${ev.plover.mode ? '/' + ev.plover.mode : ''}` : '') +
    (ev.date ? `, ${ev.date}` : '');
}

// Collect the layers as [{start, end, cls, title, key}].
export function layers(doc, cameo) {
  const out = [];
  for (const e of doc.entities) {
    const a = e.actor;
    out.push({ start: e.start, end: e.end, cls: `ent ent-${e.type}`,
      title: `${e.type}: ${e.text}` + (a ? ` = ${a.name || ''} (${a.code})` : '') });
  }
  doc.quotes.forEach((q, i) => {
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown speaker';
    out.push({ start: q.start, end: q.end, cls: 'quote', title: `${q.kind} quote #${i + 1} by ${who}`, key: `q${i}` });
    if (q.speaker) out.push({ start: q.speaker.start, end: q.speaker.end, cls: 'speaker', title: `speaker of quote #${i + 1}: ${who}` });
    if (q.cue) out.push({ start: q.cue.start, end: q.cue.end, cls: 'cue', title: `cue of quote #${i + 1}` });
  });
  for (const t of doc.times) out.push({ start: t.start, end: t.end, cls: 'time', title: `${t.type} ${t.value}` });
  doc.events.forEach((ev, i) => {
    out.push({ start: ev.evidence.start, end: ev.evidence.end, cls: `ev q${ev.quad}`,
      title: eventTitle(ev, cameo), key: `e${i}` });
  });
  return out.filter((l) => l.end > l.start);
}

export function renderText(container, doc, cameo) {
  const chars = Array.from(doc.text);
  const ls = layers(doc, cameo);
  const cuts = new Set([0, chars.length]);
  for (const l of ls) { cuts.add(Math.min(l.start, chars.length)); cuts.add(Math.min(l.end, chars.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  container.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const text = chars.slice(a, b).join('');
    const on = ls.filter((l) => l.start <= a && l.end >= b);
    if (!on.length) { container.appendChild(document.createTextNode(text)); continue; }
    const span = document.createElement('span');
    span.textContent = text;
    span.className = [...new Set(on.flatMap((l) => l.cls.split(' ')))].join(' ');
    span.title = on.map((l) => l.title).join('\n\n');
    const keys = on.map((l) => l.key).filter(Boolean);
    if (keys.length) span.dataset.keys = keys.join(' ');
    container.appendChild(span);
  }
}

// Highlight all pieces of one annotation (e.g. `e0`) and scroll to the first.
export function focusKey(container, key) {
  let first = null;
  for (const s of container.querySelectorAll('span[data-keys]')) {
    const hit = s.dataset.keys.split(' ').includes(key);
    s.classList.toggle('active', hit);
    if (hit && !first) first = s;
  }
  if (first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
