// Fetching from the Dyad JSON API. Every call goes through `get`, which builds the query string
// from an object (skipping empty values) and turns {"error": ...} answers into exceptions.

export async function get(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.append(k, String(v));
  }
  const url = q.toString() ? `${path}?${q}` : path;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

export const api = {
  stats: () => get('/api/stats'),
  cameo: () => get('/api/cameo'),
  dyads: (p) => get('/api/dyads', p),
  events: (p) => get('/api/events', p),
  map: (p) => get('/api/map', p),
  complete: (p) => get('/api/complete', p),
  facets: () => get('/api/facets'),
  timeline: (p) => get('/api/timeline', p),
  network: (p) => get('/api/network', p),
  speakers: (p) => get('/api/speakers', p),
  quotes: (p) => get('/api/quotes', p),
  document: (id) => get(`/api/documents/${encodeURIComponent(id)}`),
  canonical: (n) => get(`/api/canonical/${encodeURIComponent(n)}`),
  thread: (p) => get('/api/thread', p),
  copies: (id) => get(`/api/copies/${encodeURIComponent(id)}`),
};
