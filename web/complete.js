// Completion for the actor and country filters: as the analyst types, the matching codes (with
// their names and event counts) fill the input's <datalist>, for the side chosen next to it.

import { api } from './api.js';

// Attach completion to `input` (with `list` = datalist id) for `field` ('actor' or 'country');
// `side()` gives the side select's value.
export function attachCompletion(input, field, side) {
  const list = document.getElementById(input.getAttribute('list'));
  let timer;
  let asked = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    timer = setTimeout(async () => {
      const my = ++asked;
      let items = [];
      try {
        items = await api.complete({ field, q, side: side(), limit: 15 });
      } catch {
        return; // completion is a convenience: a failed look-up leaves the list as it was
      }
      if (my !== asked) return;
      list.replaceChildren(...items.map((s) => {
        const o = document.createElement('option');
        o.value = s.value;
        o.label = `${s.label ? s.label + ' · ' : ''}${s.count} events`;
        return o;
      }));
    }, 150);
  });
}
