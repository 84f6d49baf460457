// Shared by the browser tests: a fresh headless Chromium profile per test, failing on any error
// the page logs, and a helper that waits for the dashboard to finish a refresh.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const URL = process.env.DYAD_URL;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Run `body(page)` in a fresh headless Chromium profile; fails on any error logged by the page.
export async function withPage(body, { width = 1280, height = 1000 } = {}) {
  assert.ok(URL, 'set DYAD_URL to the running `dyad serve`');
  const profile = mkdtempSync(join(tmpdir(), 'dyad-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width, height }, acceptDownloads: true,
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

// Do `action` and wait until the dashboard has redrawn: a full refresh (body[data-ready]
// changes) or, with `selector`, until the first element matching it is replaced.
export async function changed(page, action, selector) {
  if (selector) {
    const old = await page.$(selector);
    await action();
    await page.waitForFunction(({ sel, o }) => document.querySelector(sel) !== o, { sel: selector, o: old });
    await page.waitForLoadState('networkidle');
    return;
  }
  const before = await page.getAttribute('body', 'data-ready');
  await action();
  await page.waitForFunction((b) => document.body.dataset.ready !== b, before);
}
