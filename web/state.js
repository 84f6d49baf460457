// The dashboard's view state and its URL: every filter, the sort, the page, the open document.
//
// The state is mirrored in the URL hash (`#actor=RUS&side=source&quad=4&sort=day`), so a view
// can be bookmarked and shared; values equal to their default are left out of the URL.

export const DEFAULTS = Object.freeze({
  dyad: '', from: '', to: '', root: '', q: '',
  actor: '', actor_side: 'either', country: '', country_side: 'either',
  plover: '', quad: '', negated: '', modality: '', place: '', place_country: '',
  time: 'published', interval: 'week', count: '', issue: '',
  sort: '-day', offset: 0, speaker: '', doc: '', colour: 'goldstein',
});

export const state = { ...DEFAULTS };

// Read the state from the URL hash (unknown names are ignored).
export function readHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  Object.assign(state, DEFAULTS);
  for (const k of Object.keys(DEFAULTS)) {
    if (h.has(k)) state[k] = k === 'offset' ? Math.max(0, Number(h.get(k)) || 0) : h.get(k);
  }
}

// The URL hash of the current state.
export function hashOf(s = state) {
  const h = new URLSearchParams();
  for (const [k, v] of Object.entries(s)) if (v !== DEFAULTS[k] && v !== '') h.set(k, v);
  return `#${h}`;
}

export function writeHash() {
  history.replaceState(null, '', hashOf());
}

// Back to the defaults, keeping the keys listed in `keep`.
export function resetState(keep = []) {
  for (const k of Object.keys(DEFAULTS)) if (!keep.includes(k)) state[k] = DEFAULTS[k];
}

// The API's event filter for the state (`/api/events`, timeline, network, map, CSV).
// `without` drops filters a view should not apply to itself (the map ignores its own place).
export function filterParams(without = []) {
  const p = {
    dyad: state.dyad, from: state.from, to: state.to, root: state.root, q: state.q,
    plover: state.plover, quad: state.quad, modality: state.modality,
    place: state.place, place_country: state.place_country, count: state.count, time: state.time,
  };
  if (state.negated) p.negated = state.negated;
  if (state.actor) {
    const key = { source: 'source_actor', target: 'target_actor' }[state.actor_side] || 'actor';
    p[key] = state.actor;
  }
  if (state.country) {
    const key = { source: 'source', target: 'target' }[state.country_side] || 'country';
    p[key] = state.country;
  }
  for (const k of without) delete p[k];
  return p;
}
