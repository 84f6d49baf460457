// The speaker panel's count of quotes whose speaker is not resolved (issue 17).
//
// `/api/speakers` ranks only resolved speakers (named actors, roles with a country). Pronouns
// without an antecedent, unnamed sources ("a source close to the talks") and quotes with no
// speaker are never ranked among people: they are one count under the list, from
// `/api/speakers/unresolved`.

import { get } from './api.js';

// Write the count into `#speakers-unresolved`, created right after `list` when missing.
export async function showUnresolved(list) {
  const u = await get('/api/speakers/unresolved');
  let p = document.getElementById('speakers-unresolved');
  if (!p) {
    p = document.createElement('p');
    p.id = 'speakers-unresolved';
    p.className = 'muted small';
    list.after(p);
  }
  p.dataset.quotes = String(u.quotes);
  if (!u.quotes) {
    p.textContent = 'Every quote has a resolved speaker.';
    return;
  }
  const none = u.without_speaker ? `, ${u.without_speaker} of them with no speaker at all` : '';
  p.textContent = `Not ranked: ${u.quotes} quotes with an unresolved speaker (pronoun or unnamed source)${none}, in ${u.documents} documents.`;
}
