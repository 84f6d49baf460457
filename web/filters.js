// The filter form: fills its menus (dyads, CAMEO roots, PLOVER types, modalities), mirrors the
// state into the controls, and turns every change into a state change plus a refresh.

import { state } from './state.js';
import { attachCompletion } from './complete.js';

const $ = (sel) => document.querySelector(sel);

// Controls whose id is the state key; text inputs apply on `change` (Enter, blur or a picked
// completion), the search box while typing.
const SELECTS = ['dyad', 'from', 'to', 'time', 'root', 'plover', 'quad', 'negated', 'modality', 'interval', 'count', 'issue',
  'actor_side', 'country_side', 'colour'];
const TEXTS = ['actor', 'country'];

// Fill the menus from the corpus: `dyads` from /api/dyads, `cameo` from /api/cameo, `facets`
// from /api/facets.
export function fillMenus({ dyads, cameo, facets }) {
  const dsel = $('#dyad');
  for (const d of dyads) dsel.add(new Option(`${d.a} – ${d.b} (${d.count})`, `${d.a}-${d.b}`));
  const rsel = $('#root');
  for (const [code, c] of Object.entries(cameo)) if (code.length === 2) rsel.add(new Option(`${code} ${c.name.toLowerCase()}`, code));
  for (const f of facets.plover) $('#plover').add(new Option(`${f.value} (${f.count})`, f.value));
  for (const f of facets.modality) $('#modality').add(new Option(`${f.value} (${f.count})`, f.value));
}

// Make sure a select can show `value` (a dyad or PLOVER type from a shared URL not in the menu).
function ensureOption(sel, value) {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.add(new Option(value, value));
}

export function syncForm() {
  for (const k of [...SELECTS, ...TEXTS, 'q']) {
    const c = $(`#${k}`);
    if (c.tagName === 'SELECT') ensureOption(c, state[k]);
    c.value = state[k];
  }
  const chip = $('#place-chip');
  chip.hidden = !state.place && !state.place_country;
  $('#place-label').textContent = `Place: ${[state.place, state.place_country].filter(Boolean).join(', ')}`;
}

// Wire the form: `apply()` after every change (the state already updated, page reset).
export function bindForm(apply) {
  const set = (k, v) => { state[k] = v; if (k !== 'colour') state.offset = 0; apply(k); };
  for (const k of SELECTS) $(`#${k}`).addEventListener('change', (e) => set(k, e.target.value));
  for (const k of TEXTS) $(`#${k}`).addEventListener('change', (e) => set(k, e.target.value.trim()));
  attachCompletion($('#actor'), 'actor', () => $('#actor_side').value);
  attachCompletion($('#country'), 'country', () => $('#country_side').value);
  let timer;
  $('#q').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => set('q', e.target.value.trim()), 300);
  });
  $('#place-clear').addEventListener('click', () => { state.place = ''; state.place_country = ''; state.offset = 0; apply('place'); });
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
}
