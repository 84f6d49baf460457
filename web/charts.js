// Hand-written SVG charts: the diverging cooperation/conflict timeline with a Goldstein line,
// and a circular actor network. No library: a few hundred elements at most.

const NS = 'http://www.w3.org/2000/svg';

export function el(name, attrs = {}, parent = null) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

function svg(container, w, h) {
  container.replaceChildren();
  return el('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img' }, container);
}

function empty(s, w, h, msg) {
  const t = el('text', { x: w / 2, y: h / 2, 'text-anchor': 'middle', class: 'empty' }, s);
  t.textContent = msg;
}

function title(node, text) {
  el('title', {}, node).textContent = text;
}

// Colour of a mean Goldstein score: red (−10) … grey (0) … green (+10).
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [156, 163, 175];
  const end = t < 0 ? [220, 38, 38] : [22, 163, 74];
  const a = Math.abs(t) ** 0.6;
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c.join(',')})`;
}

// points: [{bucket, count, goldstein, quad:[..4], cooperation, conflict}]
export function timeline(container, points, { onPick } = {}) {
  const W = 960, H = 260, L = 40, R = 40, T = 12, B = 28;
  const s = svg(container, W, H);
  if (!points.length) return empty(s, W, H, 'No dated events for this filter');
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
    const g = el('g', { class: 'bucket', 'data-bucket': p.bucket }, s);
    if (p.cooperation) el('rect', { class: 'bar coop', x, y: y(p.cooperation), width: w, height: zero - y(p.cooperation) }, g);
    if (p.conflict) el('rect', { class: 'bar conf', x, y: zero, width: w, height: y(-p.conflict) - zero }, g);
    el('rect', { x: L + bw * i, y: T, width: bw, height: plotH, fill: 'transparent', class: 'hit' }, g);
    title(g, `${p.bucket}: ${p.count} events\ncooperation ${p.cooperation} (verbal ${p.quad[0]}, material ${p.quad[1]})\n` +
      `conflict ${p.conflict} (verbal ${p.quad[2]}, material ${p.quad[3]})\nmean Goldstein ${p.goldstein.toFixed(2)}`);
    if (onPick) g.addEventListener('click', () => onPick(p));
  });
  el('line', { class: 'axis', x1: L, x2: W - R, y1: zero, y2: zero }, s);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${gx(i).toFixed(1)},${gy(p.goldstein).toFixed(1)}`).join('');
  el('path', { class: 'gline', d: line }, s);
  points.forEach((p, i) => el('circle', { class: 'gdot', cx: gx(i), cy: gy(p.goldstein), r: 2.2 }, s));
  // Axes labels: counts left, Goldstein right, a few bucket labels below.
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

// net: {nodes:[{id,count}], edges:[{source,target,count,goldstein,cooperation,conflict}]}
export function network(container, net, { onEdge, onNode, maxNodes = 16 } = {}) {
  const W = 480, H = 360, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 34;
  const s = svg(container, W, H);
  const nodes = net.nodes.slice(0, maxNodes);
  if (!nodes.length) return empty(s, W, H, 'No dyadic events for this filter');
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  });
  const maxC = Math.max(...net.edges.map((e) => e.count), 1);
  el('defs', {}, s).innerHTML =
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#6b7280"/></marker>';
  for (const e of net.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    // Curve each direction to its own side so A→B and B→A do not overlap.
    const mx = (a[0] + b[0]) / 2, my = (a[1] + b[1]) / 2;
    const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy) || 1;
    const off = 0.12 * len;
    const qx = mx - (dy / len) * off, qy = my + (dx / len) * off;
    const r = 15;
    const ex = b[0] - ((b[0] - qx) / Math.hypot(b[0] - qx, b[1] - qy)) * r;
    const ey = b[1] - ((b[1] - qy) / Math.hypot(b[0] - qx, b[1] - qy)) * r;
    const p = el('path', {
      class: 'edge', d: `M${a[0]},${a[1]} Q${qx},${qy} ${ex},${ey}`, fill: 'none',
      stroke: goldsteinColour(e.goldstein), 'stroke-width': 1 + 7 * Math.sqrt(e.count / maxC),
      'stroke-opacity': 0.8, 'marker-end': 'url(#arrow)', 'data-source': e.source, 'data-target': e.target,
    }, s);
    title(p, `${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${e.goldstein.toFixed(2)}\n` +
      `cooperation ${e.cooperation}, conflict ${e.conflict}`);
    if (onEdge) p.addEventListener('click', () => onEdge(e));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const g = el('g', { class: 'node', 'data-id': n.id }, s);
    el('circle', { cx: x, cy: y, r: 15 }, g);
    el('text', { x, y }, g).textContent = n.id;
    title(g, `${n.id}: ${n.count} events`);
    if (onNode) g.addEventListener('click', () => onNode(n));
  }
}
