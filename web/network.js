// The actor network: the most active countries on a circle, directed edges curved per
// direction, width by event count, colour by mean Goldstein.

import { el, svg, empty, title, button, goldsteinColour } from './svg.js';

// net: {nodes:[{id,count}], edges:[{source,target,count,goldstein,cooperation,conflict}]}
export function network(container, net, { onEdge, onNode, maxNodes = 16 } = {}) {
  const W = 480, H = 360, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 34;
  const s = svg(container, W, H, 'Actor network: directed edges between the most active countries');
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
    if (onEdge) button(p, `${e.source} to ${e.target}: ${e.count} events; select this dyad`, () => onEdge(e));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const g = el('g', { class: 'node', 'data-id': n.id }, s);
    el('circle', { cx: x, cy: y, r: 15 }, g);
    el('text', { x, y }, g).textContent = n.id;
    title(g, `${n.id}: ${n.count} events`);
    if (onNode) button(g, `${n.id}: ${n.count} events`, () => onNode(n));
  }
}
