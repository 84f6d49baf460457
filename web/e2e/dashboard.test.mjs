// End-to-end test of the Dyad web UI: Debian's Chromium (headless, via playwright-core) loads the
// dashboard served by `dyad serve`, picks the RUS–UKR dyad and opens a document.
//
// Environment: DYAD_URL (required, e.g. http://127.0.0.1:8931/), CHROMIUM (default
// /usr/bin/chromium), SCREENSHOT_DIR (optional: saves dashboard.png and document.png there).
// Run by scripts/e2e.sh, which builds dyad, ingests the fixture corpus and starts the server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const URL = process.env.DYAD_URL;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOT_DIR;

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Run `body(page)` in a fresh headless Chromium profile; fails on any error logged by the page.
async function withPage(body) {
  assert.ok(URL, 'set DYAD_URL to the running `dyad serve`');
  const profile = mkdtempSync(join(tmpdir(), 'dyad-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 1000 },
  });
  const errors = [];
  try {
    const page = ctx.pages()[0] || (await ctx.newPage());
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await body(page);
    assert.deepEqual(errors, [], 'no errors in the page');
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

test('dashboard: timeline, dyad picker, document view', { timeout: 120_000 }, () => withPage(async (page) => {
    await page.goto(URL, { waitUntil: 'load' });

    // Dashboard: stats, timeline bars, network edges, events rows.
    await page.waitForSelector('body[data-ready]');
    await page.waitForSelector('#timeline svg .bucket');
    assert.match(await page.textContent('#stats'), /\d+ documents · \d+ events/);
    assert.ok((await page.locator('#network svg path.edge').count()) > 0, 'network has edges');
    const allRows = await page.locator('#events tbody tr').count();
    assert.ok(allRows > 0, 'events table has rows');
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });

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

    // Open the first document: highlighted text with events, entities and a quote.
    await page.click('#events tbody tr:first-child a.doclink');
    await page.waitForSelector('#docview:not([hidden])');
    await page.waitForSelector('#doc-text .ev');
    assert.ok((await page.locator('#doc-text .ent').count()) > 0, 'entities highlighted');
    assert.ok((await page.locator('#doc-text .quote').count()) > 0, 'quote highlighted');
    assert.ok((await page.locator('#doc-text .speaker').count()) > 0, 'speaker marked');
    const evTitle = await page.getAttribute('#doc-text .ev', 'title');
    assert.match(evTitle, /CAMEO \d{2,4} [A-Za-z]/, 'event evidence names its CAMEO code');
    assert.ok((await page.locator('#doc-events li').count()) > 0);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'document.png'), fullPage: false });
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
