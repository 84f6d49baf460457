// Small SVG helpers shared by the charts (timeline, network, map) and the Goldstein colour scale.

export const NS = 'http://www.w3.org/2000/svg';

export function el(name, attrs = {}, parent = null) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (parent) parent.appendChild(e);
  return e;
}

// A fresh SVG of `w`×`h` user units filling `container`, described by `label` for screen readers.
export function svg(container, w, h, label) {
  container.replaceChildren();
  return el('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': label || '' }, container);
}

export function empty(s, w, h, msg) {
  const t = el('text', { x: w / 2, y: h / 2, 'text-anchor': 'middle', class: 'empty' }, s);
  t.textContent = msg;
}

export function title(node, text) {
  el('title', {}, node).textContent = text;
}

// Make an SVG element act as a button: focusable, named, activated by click, Enter or Space.
export function button(node, label, onActivate) {
  node.setAttribute('tabindex', '0');
  node.setAttribute('role', 'button');
  node.setAttribute('aria-label', label);
  node.addEventListener('click', onActivate);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onActivate(e); }
  });
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

// CSS colours of the quad classes (as in style.css).
export const QUAD_COLOURS = ['#2563eb', '#15803d', '#b45309', '#dc2626'];
export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
