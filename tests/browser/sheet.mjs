// A monitor brings her list in from a spreadsheet, in a real browser and in Belarusian:
// she logs in, opens the import page, chooses the XLSX file, reads it, sees how each
// column is read and what it would store, and confirms; the public count goes up by the
// rows that are held, and the directory finds a new name. The preview and the result
// fit a 390 px phone. Prints the number of actions it took.
// usage: node sheet.mjs BASE_URL SCREENSHOT_DIR SHEET.xlsx HOW_MANY_HELD  (editor eda exists)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const [base, shots, sheet, heldRows] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
let actions = 0;
const act = async (f) => { actions += 1; return f(); };
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  await page.goto(`${base}/`);
  const before = Number(await page.getAttribute('#headline', 'data-held'));

  await page.goto(`${base}/login?lang=be`);
  await page.fill('#login input[name=name]', 'eda');
  await page.fill('#login input[name=password]', 'eda password 123');
  await Promise.all([page.waitForNavigation(), page.click('#login button')]);

  // What she does: open the page, choose the file, say the country, read, confirm.
  await act(() => page.goto(`${base}/edit/sheet?lang=be`));
  assert.equal(await page.getAttribute('html', 'lang'), 'be');
  await act(() => page.setInputFiles('#sheet-file', sheet));
  await act(() => page.fill('#sheet-country', 'BY'));
  await act(() => Promise.all([page.waitForNavigation(), page.click('#sheet-form button[type=submit]')]));
  const summary = await page.textContent('#sheet-summary');
  assert.match(summary, /Будзе захавана людзей: 3/, summary);
  // The notes column is not a field vigil knows: shown as not read, the rest recognised.
  assert.equal(await page.inputValue('#map-0'), 'name');
  assert.equal(await page.inputValue('#map-4'), 'ignore');
  await page.screenshot({ path: `${shots}/sheet-preview.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  // What sticks out, to say so when it does.
  const out = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.scroll'))
    .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px`));
  assert.ok(wide <= 390, `the preview scrolls sideways on a phone: ${wide} px: ${out.join(', ')}`);
  await page.screenshot({ path: `${shots}/sheet-preview-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1024, height: 900 });
  await act(() => Promise.all([page.waitForNavigation(), page.click('#sheet-import')]));
  assert.ok(await page.isVisible('#stored'), 'the result page says it is stored');
  const result = await page.textContent('#sheet-result');
  assert.match(result, /Людзей: 3/, result);
  await page.screenshot({ path: `${shots}/sheet-stored.png`, fullPage: true });

  await page.goto(`${base}/`);
  const after = Number(await page.getAttribute('#headline', 'data-held'));
  assert.equal(after, before + Number(heldRows), `public count ${before} -> ${after}`);
  await page.goto(`${base}/persons?q=${encodeURIComponent('Лявонава')}`);
  assert.match(await page.textContent('#directory'), /Лявонава/);
  assert.deepEqual(problems, []);
  console.log(`ok: public count ${before} -> ${after}; ${actions} actions from the page to stored`);
} finally {
  await browser.close();
}
