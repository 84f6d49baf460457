// The event map: country outlines (world-atlas 1:110m, bundled in /vendor, drawn with d3-geo),
// each country shaded by the events placed in it, and one circle per geocoded place, sized by
// its event count and coloured by mean Goldstein or by the quad class most of its events have.
// Clicking (or Enter on) a country or a point calls back, which filters the other views.
//
// d3-geo and topojson-client are the upstream UMD builds loaded by index.html (window.d3,
// window.topojson); nothing is fetched from outside hosts.

import { el, svg, title, button, goldsteinColour, QUAD_COLOURS, QUAD_NAMES } from './svg.js';

const W = 960, H = 470;
let outlines = null;

// The country features, fetched once from the bundled TopoJSON.
function countries() {
  if (!outlines) {
    outlines = fetch('/vendor/countries-110m.json')
      .then((r) => { if (!r.ok) throw new Error(`map outlines: HTTP ${r.status}`); return r.json(); })
      .then((topo) => window.topojson.feature(topo, topo.objects.countries).features);
  }
  return outlines;
}

function dominantQuad(q) {
  let best = 0;
  for (let i = 1; i < 4; i++) if (q[i] > q[best]) best = i;
  return best;
}

// data: {points:[{name,country,lat,lon,count,goldstein,quad}], countries:[{country,count,...}],
// placed, unplaced}; selected: {place, place_country}; colour: 'goldstein' | 'quad'.
export async function eventMap(container, data, { selected = {}, colour = 'goldstein', onCountry, onPoint } = {}) {
  const features = await countries();
  const d3 = window.d3;
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const s = svg(container, W, H, `Map of ${data.placed} events with a place; ${data.unplaced} events have none`);
  el('path', { class: 'sphere', d: path({ type: 'Sphere' }) }, s);
  const byCountry = new Map(data.countries.map((c) => [c.country, c]));
  const maxC = Math.max(1, ...data.countries.map((c) => c.count));
  const land = el('g', { class: 'countries' }, s);
  for (const f of features) {
    const iso = f.properties.iso3;
    const c = iso ? byCountry.get(iso) : null;
    const p = el('path', { class: 'country', d: path(f), 'data-iso3': iso || '' }, land);
    if (c) {
      p.classList.add('has-events');
      p.style.setProperty('--share', (0.15 + 0.6 * Math.sqrt(c.count / maxC)).toFixed(2));
      title(p, `${f.properties.name} (${iso}): ${c.count} events placed here, mean Goldstein ${c.goldstein.toFixed(2)}`);
    } else {
      title(p, f.properties.name);
    }
    if (iso && iso === selected.place_country) p.classList.add('selected');
    if (c && onCountry) button(p, `${f.properties.name}: ${c.count} events; filter by this country`, () => onCountry(iso, f.properties.name));
    else if (iso && onCountry) p.addEventListener('click', () => onCountry(iso, f.properties.name));
  }
  const maxP = Math.max(1, ...data.points.map((p) => p.count));
  const dots = el('g', { class: 'points' }, s);
  // Biggest first, so small places stay clickable on top.
  for (const pt of [...data.points].sort((a, b) => b.count - a.count)) {
    const xy = projection([pt.lon, pt.lat]);
    if (!xy) continue;
    const q = dominantQuad(pt.quad);
    const fill = colour === 'quad' ? QUAD_COLOURS[q] : goldsteinColour(pt.goldstein);
    const c = el('circle', {
      class: 'point', cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (2.5 + 12 * Math.sqrt(pt.count / maxP)).toFixed(1),
      fill, 'data-place': pt.name || '', 'data-country': pt.country || '', 'data-count': pt.count,
    }, dots);
    if (pt.name === selected.place && (pt.country || '') === (selected.place_country || '')) c.classList.add('selected');
    const label = `${pt.name || 'unnamed place'}${pt.country ? ', ' + pt.country : ''}: ${pt.count} events`;
    title(c, `${label}\nmean Goldstein ${pt.goldstein.toFixed(2)}; mostly ${QUAD_NAMES[q]}\n` +
      `quad classes ${pt.quad.join(' / ')}`);
    if (onPoint) button(c, `${label}; filter by this place`, () => onPoint(pt));
  }
}
