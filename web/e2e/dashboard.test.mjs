// End-to-end test of the Dyad web UI on the fixture corpora: Debian's Chromium (headless, via
// playwright-core) loads the dashboard served by `dyad serve`, picks the RUS–UKR dyad, opens a
// document, and exercises the analyst's tools (issue 21): map, time axis, sorting, CSV, URLs.
//
// Environment: DYAD_URL (required, e.g. http://127.0.0.1:8931/), CHROMIUM (default
// /usr/bin/chromium). Run by scripts/e2e.sh, which builds dyad, ingests the fixture corpora and
// starts the server; screenshots are taken by corpus.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { URL, withPage, changed } from './browser.mjs';

test('dashboard: timeline, dyad picker, document view', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(URL, { waitUntil: 'load' });

    // Dashboard: stats, timeline bars, network edges, events rows.
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#timeline svg .bucket');
    assert.match(await page.textContent('#stats'), /\d+ documents · \d+ events/);
    assert.ok((await page.locator('#network svg path.edge').count()) > 0, 'network has edges');
    const allRows = await page.locator('#events tbody tr').count();
    assert.ok(allRows > 0, 'events table has rows');

    // Pick the RUS–UKR dyad: every row in the table must be between them.
    const before = await page.getAttribute('body', 'data-ready');
    await page.selectOption('#dyad', 'RUS-UKR');
    await page.waitForFunction((b) => document.body.dataset.ready !== b, before);
    const pairs = await page.$$eval('#events tbody tr', (rows) => rows.map((r) => `${r.dataset.source}-${r.dataset.target}`));
    assert.ok(pairs.length > 0, 'dyad has events');
    for (const p of pairs) assert.ok(p === 'RUS-UKR' || p === 'UKR-RUS', `row ${p} outside the dyad`);
    assert.match(page.url(), /dyad=RUS-UKR/);
    assert.ok((await page.locator('#timeline svg .bucket').count()) > 0, 'dyad timeline drawn');

    // Hovering an event code shows its CAMEO name.
    const codeTitle = await page.getAttribute('#events tbody tr:first-child .code', 'title');
    assert.match(codeTitle, /^CAMEO \d{2,4} \S+/);

    // Oldest first (the table starts newest first), then open the first document: highlighted
    // text with events, entities and a quote.
    const ready = await page.getAttribute('body', 'data-ready');
    const first = await page.$('#events tbody tr');
    await page.click('#events th[data-sort="day"] button');
    await page.waitForFunction((o) => document.querySelector('#events tbody tr') !== o, first);
    assert.equal(await page.getAttribute('body', 'data-ready'), ready, 'sorting reloads only the table');
    await page.click('#events tbody tr:first-child a.doclink');
    await page.waitForSelector('#docview:not([hidden])');
    await page.waitForSelector('#doc-text .ev');
    assert.ok((await page.locator('#doc-text .ent').count()) > 0, 'entities highlighted');
    assert.ok((await page.locator('#doc-text .quote').count()) > 0, 'quote highlighted');
    assert.ok((await page.locator('#doc-text .speaker').count()) > 0, 'speaker marked');
    const evTitle = await page.getAttribute('#doc-text .ev', 'title');
    assert.match(evTitle, /CAMEO \d{2,4} [A-Za-z]/, 'event evidence names its CAMEO code');
    assert.ok((await page.locator('#doc-events li').count()) > 0);
    await page.click('#doc-close');
    await page.waitForSelector('#docview', { state: 'hidden' });
}));

// The dedup fixture (crates/dyad-store/tests/fixtures/make_dedup.py): in May 2025, USA–RUS has
// Monday's call (3 reports, one a reprint), Thursday's call (2 reports) and a denied call (1).
test('canonical events: count toggle, expanded mentions, copies', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(`${URL}#dyad=USA-RUS&from=2025-05-01&to=2025-05-31`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    const rows = () => page.locator('#events tbody tr:not(.mention)').count();
    assert.equal(await rows(), 3, 'three real-world events');
    assert.equal(await page.textContent('#events-count'), '3 events');
    const timelineTotal = async () => {
      const r = await fetch(`${URL}api/timeline?dyad=USA-RUS&from=2025-05-01&to=2025-05-31${await page.inputValue('#count') ? '&count=mentions' : ''}`);
      return (await r.json()).reduce((n, p) => n + p.count, 0);
    };
    assert.equal(await timelineTotal(), 2, 'timeline counts the two calls that happened');

    // Expand Monday's call: its three mentions, one per article.
    const monday = page.locator('#events tbody tr', { hasText: '2025-05-05' }).first();
    const button = monday.locator('button.expand');
    assert.equal((await button.textContent()).trim(), '3 ▸');
    assert.match(await button.getAttribute('title'), /3 mentions in 3 articles from 3 outlets/);
    await button.click();
    await page.waitForSelector('#events tbody tr.mention');
    const docs = await page.$$eval('#events tbody tr.mention', (rs) => rs.map((r) => r.dataset.doc));
    assert.deepEqual(docs, ['dd-001', 'dd-002', 'dd-003']);
    await button.click();
    assert.equal(await page.locator('#events tbody tr.mention').count(), 0, 'collapsed again');

    // Toggle to mentions: every report is a row; the toggle is in the URL.
    const before = await page.getAttribute('body', 'data-ready');
    await page.selectOption('#count', 'mentions');
    await page.waitForFunction((b) => document.body.dataset.ready !== b, before);
    assert.equal(await rows(), 6);
    assert.equal(await page.textContent('#events-count'), '6 mentions');
    assert.match(page.url(), /count=mentions/);
    assert.equal(await timelineTotal(), 5);

    // A reprint's document view links the original.
    await page.click('#events a.doclink:has-text("Leaders hold lengthy call")');
    await page.waitForSelector('#docview:not([hidden])');
    await page.waitForSelector('#doc-copies a.copylink');
    assert.equal(await page.getAttribute('#doc-copies a.copylink', 'data-doc'), 'dd-001');
    assert.match(await page.textContent('#doc-copies'), /wire\.example\.com/);
}));

// The thread fixture (crates/dyad-store/tests/fixtures/make_threads.py): UKR–RUS in June 2025.
test('negotiation thread: one line, issue filter', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(`${URL}#dyad=RUS-UKR&from=2025-06-01&to=2025-06-30`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#thread .thread-line');
    const first = await page.textContent('#thread .thread-line');
    // Side a is the dyad's first code (RUS): the line starts at Ukraine's ceasefire proposal.
    assert.equal(first.replace(/\s+/g, ' ').trim(),
      'UKR proposes de-escalation (2025-06-02) → RUS rejection (2025-06-03) → UKR proposes talks (2025-06-05) → ' +
      'RUS accepts (2025-06-06) → UKR signs agreement (2025-06-09) → RUS threat (2025-06-10)');
    assert.equal(await page.locator('#thread .thread-item').count(), 7);
    assert.ok(!(await page.textContent('#thread')).includes('European Union'), 'third parties stay out');
    const before = await page.getAttribute('body', 'data-ready');
    await page.selectOption('#issue', 'prisoner-exchange');
    await page.waitForFunction((b) => document.body.dataset.ready !== b, before);
    assert.equal(await page.locator('#thread .thread-item').count(), 2);
    assert.match(page.url(), /issue=prisoner-exchange/);
    // A move's document opens at its evidence.
    await page.click('#thread .thread-item a.doclink');
    await page.waitForSelector('#docview:not([hidden])');
    await page.waitForSelector('#doc-text .ev');
}));

// ---- Escaping (issue 20) ------------------------------------------------------------------------
// An article whose title, source and text hold HTML and script tags (web/e2e/fixtures/escaping.jsonl,
// coded by the pipeline in scripts/e2e.sh) shows them as text: no element from the article in the
// page, no script from it run.
test('markup in an article renders as text', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(`${URL}#q=Quillfeather&doc=esc-001`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#docview:not([hidden])');
    await page.waitForSelector('#doc-text .ev');
    const doc = await (await fetch(`${URL}api/documents/esc-001`)).json();
    assert.match(doc.text, /<script>/, 'the fixture keeps its tags through the pipeline');
    assert.equal(await page.textContent('#doc-title'), doc.title);
    assert.equal(await page.textContent('#doc-text'), doc.text);
    assert.match(await page.textContent('#doc-meta'), /Markup Daily <b>Wire<\/b>/);
    for (const sel of ['#docview script', '#docview img', '#docview b', '#docview em', '#docview i',
      '#doc-text a', '#events script', '#events i', '#quotes script', '#quotes em']) {
      assert.equal(await page.locator(sel).count(), 0, `no ${sel} element from the article`);
    }
    // The events table links the article by its literal title.
    assert.ok((await page.locator('#events a.doclink', { hasText: '<i>Leaders</i> meet <script>' }).count()) > 0,
      'events table shows the title as text');
    assert.equal(await page.evaluate(() => window.__dyadXss), undefined, 'no script from the article ran');
}));
// ---- end of escaping test ------------------------------------------------------------------------

// ---- Speaker list (issue 17) ----
// The speakers fixture (crates/dyad-store/tests/fixtures/make_speakers.py) adds quotes by "They",
// "A source close to the talks" (unresolved), one with no speaker, and "A Turkish diplomat" (a
// role with a country: resolved). The list ranks resolved speakers only; the rest is one count.
test('speaker list: resolved speakers ranked, unresolved counted apart', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(URL, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready]');
    const names = await page.$$eval('#speakers li a', (as) => as.map((a) => a.textContent));
    assert.ok(names.length > 0, 'speakers listed');
    for (const bad of ['They', 'A source close to the talks', 'unknown']) assert.ok(!names.includes(bad), `${bad} ranked`);
    const all = await (await fetch(`${URL}api/speakers?limit=500`)).json();
    assert.ok(all.some((s) => s.name === 'A Turkish diplomat'), 'a role with a country is ranked');
    const u = await (await fetch(`${URL}api/speakers/unresolved`)).json();
    assert.ok(u.quotes >= 3 && u.without_speaker >= 1, JSON.stringify(u));
    const shown = page.locator('#speakers-unresolved');
    assert.equal(await shown.getAttribute('data-quotes'), String(u.quotes));
    assert.match(await shown.textContent(), new RegExp(`${u.quotes} quotes with an unresolved speaker`));
}));

// Issue 21. The combined fixture database: corpus.jsonl (February–April 2025; fx-001 recalls two
// events of 2 February, the day before the first article), dedup.jsonl (May) and threads.jsonl
// (June). Places: Kharkiv (UKR) in fx-001 and the dedup stories, Kyiv, Odesa, Istanbul, …
const rowsData = (page, key) => page.$$eval('#events tbody tr:not(.mention)', (rs, k) => rs.map((r) => r.dataset[k]), key);
const bucketCounts = (page) => page.$$eval('#timeline svg .bucket', (gs) => gs.map((g) => Number(g.dataset.count)));
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// RFC 4180 CSV (quoted fields may hold commas, quotes and newlines) → rows of cells.
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('table: newest first, server-side sorting, keyboard, CSV download', { timeout: 120_000 }, () => withPage(async (page) => {
  await page.goto(URL, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  // Newest articles first (dates by publication by default), by event day with the switch.
  const published = await rowsData(page, 'published');
  assert.ok(published.length > 1);
  assert.deepEqual(published, [...published].sort().reverse(), 'newest first by default');
  await changed(page, () => page.selectOption('#time', 'event'));
  const days = await rowsData(page, 'day');
  assert.deepEqual(days, [...days].sort().reverse(), 'newest event first');
  await changed(page, () => page.selectOption('#time', 'published'));
  assert.equal(await page.getAttribute('#events th[data-sort="day"]', 'aria-sort'), 'descending');

  // Goldstein: highest first, then lowest first; the sort is in the URL.
  await changed(page, () => page.click('#events th[data-sort="goldstein"] button'), '#events tbody tr');
  let g = (await rowsData(page, 'goldstein')).map(Number);
  assert.deepEqual(g, [...g].sort((a, b) => b - a));
  assert.match(page.url(), /sort=-goldstein/);
  await changed(page, () => page.click('#events th[data-sort="goldstein"] button'), '#events tbody tr');
  g = (await rowsData(page, 'goldstein')).map(Number);
  assert.deepEqual(g, [...g].sort((a, b) => a - b));
  assert.equal(await page.getAttribute('#events th[data-sort="goldstein"]', 'aria-sort'), 'ascending');
  // The server sorts across pages: the first page holds the corpus's lowest scores.
  const all = await (await fetch(`${URL}api/events?limit=500`)).json();
  const lowest = all.items.map((e) => e.goldstein).sort((a, b) => a - b).slice(0, g.length);
  assert.deepEqual(g, lowest);

  // Keyboard: ↓ moves to the next row, Enter opens its document, Escape closes and returns focus.
  await page.focus('#events tbody tr:first-child');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.rowIndex), 2, 'second body row focused');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#docview:not([hidden])');
  assert.ok(await page.evaluate(() => document.querySelector('#docview').contains(document.activeElement)), 'focus in the dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#docview', { state: 'hidden' });
  assert.ok(await page.evaluate(() => document.activeElement.closest('tr')?.rowIndex === 2), 'focus back on the row');

  // CSV: every filtered event (the table's total), the columns of `dyad code --format csv`, then
  // (counting canonical events, the default) how often each was reported.
  await changed(page, () => page.selectOption('#quad', '4'), '#events tbody tr');
  const total = Number((await page.textContent('#events-count')).split(' ')[0]);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
  assert.equal(csv[0].slice(0, 10).join(','), 'doc_id,title,idx,sentence,date,day,cameo,root,goldstein,quad');
  assert.equal(csv[0].length, 34, 'the 30 columns of `dyad code --format csv` and 4 counts');
  assert.equal(csv[0].slice(30).join(','), 'canonical,num_mentions,num_articles,num_sources');
  assert.equal(csv.length - 1, total, 'one CSV row per filtered event');
  const quadCol = csv[0].indexOf('quad');
  assert.ok(csv.slice(1).every((r) => r[quadCol] === '4'), 'only material conflict');
}));

test('map: a click on a place or a country filters the table', { timeout: 120_000 }, () => withPage(async (page) => {
  await page.goto(URL, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  await page.waitForSelector('#map svg path.country[data-iso3="UKR"].has-events');
  const kharkiv = page.locator('#map svg circle.point[data-place="Kharkiv"]');
  assert.ok(Number(await kharkiv.getAttribute('data-count')) >= 1);
  await changed(page, () => kharkiv.click(), '#events tbody tr');
  assert.match(page.url(), /place=Kharkiv/);
  assert.deepEqual([...new Set(await rowsData(page, 'place'))], ['Kharkiv']);
  assert.match(await page.textContent('#place-label'), /Kharkiv, UKR/);
  // The point stays on the map, marked; other places stay clickable.
  assert.equal(await page.locator('#map circle.point.selected').count(), 1);

  // A country: every row placed in it; Enter on the keyboard does the same as a click.
  await changed(page, () => page.locator('#map path.country[data-iso3="TUR"]').dispatchEvent('click'), '#events tbody tr');
  assert.deepEqual([...new Set(await rowsData(page, 'placeCountry'))], ['TUR']);
  await page.focus('#map path.country[data-iso3="UKR"]');
  await changed(page, () => page.keyboard.press('Enter'), '#events tbody tr');
  assert.deepEqual([...new Set(await rowsData(page, 'placeCountry'))], ['UKR']);
  assert.ok((await rowsData(page, 'place')).includes('Kyiv'));
  await changed(page, () => page.click('#place-clear'), '#events tbody tr');
  assert.doesNotMatch(page.url(), /place/);
}));

test('time axis: publication date by default, event date within the publication range', { timeout: 120_000 }, () => withPage(async (page) => {
  await page.goto(`${URL}#interval=day`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  const pub = await bucketCounts(page);
  // From the first to the last publication day (3 February 2025 to the last fixture article):
  // every day is a bucket, empty or not.
  const stats = await (await fetch(`${URL}api/stats`)).json();
  const days = Math.round((Date.parse(stats.last_published) - Date.parse(stats.first_published)) / 86_400_000) + 1;
  assert.ok(days >= 128, `${stats.first_published} to ${stats.last_published}`);
  assert.equal(pub.length, days);
  assert.equal(await page.getAttribute('#timeline svg .bucket:first-child', 'data-bucket'), '2025-02-03');
  assert.ok(pub.filter((c) => c === 0).length > 50, 'empty days are drawn');
  assert.match(await page.textContent('#timeline-note'), /publication date/);
  await changed(page, () => page.selectOption('#time', 'event'));
  assert.match(page.url(), /time=event/);
  const ev = await bucketCounts(page);
  assert.equal(ev.length, pub.length, 'same axis: limited to the publication range');
  assert.equal(sum(pub) - sum(ev), 2, 'the two events of 2 February fall before the axis');
  // The Goldstein line is drawn only for buckets with enough events: none on these small days.
  const reliable = (await (await fetch(`${URL}api/timeline?interval=day&time=event`)).json()).filter((p) => p.reliable).length;
  assert.equal(await page.locator('#timeline svg circle.gdot').count(), reliable);
}));

test('a URL with filters restores the same view', { timeout: 120_000 }, () => withPage(async (page) => {
  await page.goto(URL, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  // Build a view by hand: actor as source with completion, PLOVER type, event dates, a sort.
  await page.selectOption('#actor_side', 'source');
  await page.fill('#actor', 'Russ');
  await page.waitForFunction(() => [...document.querySelectorAll('#actor-list option')].some((o) => o.value.startsWith('RUS')));
  await changed(page, async () => { await page.fill('#actor', 'RUS'); await page.press('#actor', 'Enter'); });
  await changed(page, () => page.selectOption('#plover', 'ASSAULT'));
  await changed(page, () => page.selectOption('#time', 'event'));
  await changed(page, () => page.click('#events th[data-sort="target"] button'), '#events tbody tr');
  const url = page.url();
  for (const k of ['actor=RUS', 'actor_side=source', 'plover=ASSAULT', 'time=event', 'sort=target']) assert.ok(url.includes(k), `${k} in ${url}`);
  const view = async (p) => ({
    rows: await p.$$eval('#events tbody tr', (rs) => rs.map((r) => r.textContent)),
    buckets: await bucketCounts(p),
    count: await p.textContent('#events-count'),
    form: await p.$$eval('#filters select, #filters input', (cs) => cs.map((c) => `${c.id}=${c.value}`)),
  });
  const built = await view(page);
  assert.ok(built.rows.length > 0);
  const sources = await rowsData(page, 'source');
  assert.ok(sources.every((c) => c === 'RUS'), `${sources}`);
  // Open the shared URL in a fresh browser: the same form, table and timeline.
  await withPage(async (other) => {
    await other.goto(url, { waitUntil: 'load' });
    await other.waitForSelector('body[data-ready]');
    assert.deepEqual(await view(other), built);
  });
}));
