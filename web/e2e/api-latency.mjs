// Latency of the dashboard's main API calls (issue 21): timeline, events, network and map, each
// with the dashboard's default view and seven filtered views (a dyad, a country, a quad class,
// words, an actor as source, a PLOVER type, a place country), requested one at a time (one analyst),
// ROUNDS times each after one warm-up round. Prints p50, p95 and max per call in milliseconds.
//
// Usage: DYAD_URL=http://127.0.0.1:8080/ node web/e2e/api-latency.mjs [ROUNDS]   (default 25)
// scripts/api-latency.sh starts the server on a database and runs this.

const URL = process.env.DYAD_URL;
const ROUNDS = Number(process.argv[2] || 25);
if (!URL) throw new Error('set DYAD_URL');

const VIEWS = [
  '', 'dyad=RUS-USA', 'country=SYR', 'quad=4', 'q=missile', 'source_actor=USAGOV', 'plover=ASSAULT', 'place_country=UKR',
];
// What app.js asks for on each refresh (dates by publication, weeks, newest first, 25 rows).
const CALLS = {
  timeline: (v) => `api/timeline?time=published&interval=week&${v}`,
  events: (v) => `api/events?time=published&sort=-day&limit=25&offset=0&${v}`,
  network: (v) => `api/network?time=published&limit=60&${v}`,
  map: (v) => `api/map?time=published&${v}`,
};

async function timed(path) {
  const t0 = performance.now();
  const r = await fetch(URL + path);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return performance.now() - t0;
}

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

for (const [name, path] of Object.entries(CALLS)) {
  for (const v of VIEWS) await timed(path(v)); // warm-up: statement cache, page cache
  const ms = [];
  const byView = new Map(VIEWS.map((v) => [v, []]));
  for (let i = 0; i < ROUNDS; i++) {
    for (const v of VIEWS) { const t = await timed(path(v)); ms.push(t); byView.get(v).push(t); }
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(9)} n=${ms.length}  p50 ${pct(ms, 50).toFixed(1)} ms  p95 ${pct(ms, 95).toFixed(1)} ms  max ${ms[ms.length - 1].toFixed(1)} ms`);
  // Median per view: which filter costs what.
  const med = [...byView].map(([v, xs]) => `${v || '(none)'} ${pct(xs.sort((a, b) => a - b), 50).toFixed(0)}`);
  console.log(`          median per view (ms): ${med.join(', ')}`);
}
