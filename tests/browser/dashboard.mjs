// The dashboard in a real browser (Debian's Chromium, headless), as a reader meets it.
// usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR
// Exits non-zero with a message on the first expectation that fails.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const [base, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
const outside = [];
const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page error: ${e}`));
page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });

try {
  // The dashboard loads, and its headline is the API's number.
  const response = await page.goto(`${base}/`);
  assert.equal(response.status(), 200);
  const shown = Number(await page.getAttribute('#headline', 'data-held'));
  const api = await (await fetch(`${base}/api/v1/stats/held`)).json();
  assert.equal(shown, api.held, 'headline differs from /api/v1/stats/held');
  assert.ok(shown > 0, 'the demo registry holds someone');
  assert.equal((await page.textContent('#headline')).trim(), api.held.toLocaleString('en-US'));

  // The chart is drawn: a line through many points, visibly wide, with wave markers.
  const points = await page.$eval('#held-chart polyline.line', (e) => e.getAttribute('points').trim().split(/\s+/).length);
  assert.ok(points > 20, `chart has ${points} points`);
  const box = await page.locator('#held-chart').boundingBox();
  assert.ok(box.width > 500 && box.height > 100, `chart box ${JSON.stringify(box)}`);
  const markers = await page.locator('#held-chart a.wave').count();
  assert.ok(markers > 3, `chart has ${markers} announcement markers`);
  await page.screenshot({ path: `${shots}/dashboard-1024.png`, fullPage: true });

  // A click on a wave in the chart opens its announcement.
  const wave = page.locator('#held-chart a.wave').last();
  const href = await wave.getAttribute('href');
  const mark = await wave.locator('path.wave-mark').boundingBox();
  await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
  await page.waitForURL(`${base}${href}`);
  // The date in words, as the English page writes it ("Pardon of 14 July 2026").
  assert.match(await page.textContent('h1#announcement'), /of \d{1,2} \p{L}+ \d{4}/u);
  assert.match(await page.textContent('main'), /Identified so far/);
  await page.screenshot({ path: `${shots}/announcement.png`, fullPage: true });

  // A click on a wave in the waves table does too.
  await page.goto(`${base}/`);
  const tableWave = page.locator('table.waves a.wave-link').first();
  const tableHref = await tableWave.getAttribute('href');
  await tableWave.click();
  await page.waitForURL(`${base}${tableHref}`);

  // The directory's filter finds a person by part of a name, and opens them.
  await page.goto(`${base}/persons?status=held`);
  const someone = (await page.textContent('#directory tbody tr:first-child td:first-child a')).trim();
  const fragment = someone.split(' ').pop().toLowerCase();
  await page.fill('input[name=q]', fragment);
  await page.click('form.filters button[type=submit]');
  await page.waitForURL(/q=/);
  const names = await page.$$eval('#directory tbody td:first-child a', (as) => as.map((a) => a.textContent.toLowerCase()));
  assert.ok(names.length > 0 && names.every((n) => n.includes(fragment)), `filter '${fragment}' gave ${names.slice(0, 5)}`);
  await page.click('#directory tbody tr:first-child td:first-child a');
  await page.waitForURL(/\/persons\/[^?]+$/);
  assert.match(await page.textContent('main'), /Timeline/);
  await page.screenshot({ path: `${shots}/person.png`, fullPage: true });

  // On a phone: nothing wider than the screen, the headline readable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 390, `page is ${overflow}px wide at 390px`);
  const headline = await page.locator('#headline').boundingBox();
  assert.ok(headline.x >= 0 && headline.x + headline.width <= 390, `headline box ${JSON.stringify(headline)}`);
  await page.screenshot({ path: `${shots}/dashboard-390.png`, fullPage: true });

  assert.deepEqual(outside, [], 'requests to other hosts');
  assert.deepEqual(problems, [], 'console errors or warnings');
  console.log(`ok: headline ${shown}, ${points} chart points, ${markers} markers; screenshots in ${shots}`);
} finally {
  await browser.close();
}
