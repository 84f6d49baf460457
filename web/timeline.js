// The timeline: per bucket, cooperation (quad 1–2) above the axis and conflict (quad 3–4) below,
// with the mean Goldstein score as a line on the right axis (−10…+10). The API returns every
// bucket of the range, empty or not, so the axis is even; the line is drawn only through buckets
// the API marks `reliable` (at least GOLDSTEIN_MIN_EVENTS events, docs/ui.md) and breaks elsewhere.

import { el, svg, empty, title, button } from './svg.js';

// points: [{bucket, count, goldstein, reliable, quad:[..4], cooperation, conflict}]
export function timeline(container, points, { onPick, basis = 'published' } = {}) {
  const W = 960, H = 260, L = 40, R = 40, T = 12, B = 28;
  const what = basis === 'event' ? 'event date' : 'publication date';
  const s = svg(container, W, H, `Timeline of events by ${what}: cooperation above the axis, conflict below, mean Goldstein line`);
  if (!points.some((p) => p.count)) return empty(s, W, H, 'No dated events for this filter');
  const maxUp = Math.max(1, ...points.map((p) => p.cooperation));
  const maxDown = Math.max(1, ...points.map((p) => p.conflict));
  const span = maxUp + maxDown;
  const plotH = H - T - B;
  const zero = T + (plotH * maxUp) / span;
  const y = (v) => zero - (v / span) * plotH;
  const bw = (W - L - R) / points.length;
  const gx = (i) => L + bw * (i + 0.5);
  const gy = (g) => T + ((10 - g) / 20) * plotH;
  points.forEach((p, i) => {
    const x = L + bw * i + bw * 0.1, w = Math.max(1, bw * 0.8);
    const g = el('g', { class: p.count ? 'bucket' : 'bucket empty-bucket', 'data-bucket': p.bucket, 'data-count': p.count }, s);
    if (p.cooperation) el('rect', { class: 'bar coop', x, y: y(p.cooperation), width: w, height: zero - y(p.cooperation) }, g);
    if (p.conflict) el('rect', { class: 'bar conf', x, y: zero, width: w, height: y(-p.conflict) - zero }, g);
    el('rect', { x: L + bw * i, y: T, width: bw, height: plotH, fill: 'transparent', class: 'hit' }, g);
    const mean = p.goldstein == null ? 'no events' :
      `mean Goldstein ${p.goldstein.toFixed(2)}${p.reliable ? '' : ' (too few events for the line)'}`;
    title(g, `${p.bucket}: ${p.count} events\ncooperation ${p.cooperation} (verbal ${p.quad[0]}, material ${p.quad[1]})\n` +
      `conflict ${p.conflict} (verbal ${p.quad[2]}, material ${p.quad[3]})\n${mean}`);
    // Only buckets with events are tab stops: a year of empty days is not worth 300 key presses.
    if (onPick && p.count) button(g, `${p.bucket}: ${p.count} events; zoom into this period`, () => onPick(p));
    else if (onPick) g.addEventListener('click', () => onPick(p));
  });
  el('line', { class: 'axis', x1: L, x2: W - R, y1: zero, y2: zero }, s);
  let d = '';
  let prev = false;
  points.forEach((p, i) => {
    if (!p.reliable) { prev = false; return; }
    d += `${prev ? 'L' : 'M'}${gx(i).toFixed(1)},${gy(p.goldstein).toFixed(1)}`;
    prev = true;
  });
  if (d) el('path', { class: 'gline', d }, s);
  points.forEach((p, i) => { if (p.reliable) el('circle', { class: 'gdot', cx: gx(i), cy: gy(p.goldstein), r: 2.2 }, s); });
  for (const [v, lab] of [[maxUp, `+${maxUp}`], [0, '0'], [-maxDown, `−${maxDown}`]]) {
    el('text', { x: L - 6, y: y(v) + 3, 'text-anchor': 'end' }, s).textContent = lab;
  }
  for (const g of [10, 0, -10]) {
    el('text', { x: W - R + 6, y: gy(g) + 3 }, s).textContent = g > 0 ? `+${g}` : `${g}`;
  }
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % every) return;
    el('text', { x: gx(i), y: H - 8, 'text-anchor': 'middle' }, s).textContent = p.bucket;
  });
}
