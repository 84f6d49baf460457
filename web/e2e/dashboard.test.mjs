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

test('dashboard: timeline, dyad picker, document view', { timeout: 120_000 }, async () => {
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

    assert.deepEqual(errors, [], 'no errors in the page');
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
