// The editors' pages in a real browser: an editor logs in, adds a person and a detention,
// and the public count changes; a second editor's stale save is refused with the conflict
// shown. usage: node editor.mjs BASE_URL SCREENSHOT_DIR  (editors eda and edb exist)
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
async function editor(name) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${name} ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${name} page error: ${e}`));
  page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
  await page.goto(`${base}/edit`);
  assert.ok(page.url().endsWith('/login'), `not sent to the login page: ${page.url()}`);
  await page.fill('#login input[name=name]', name);
  await page.fill('#login input[name=password]', `${name} password 123`);
  await Promise.all([page.waitForNavigation(), page.click('#login button')]);
  assert.equal(new URL(page.url()).pathname, '/edit', "a login lands on the editors' start page");
  return page;
}
const held = async (page) => { await page.goto(`${base}/`); return Number(await page.getAttribute('#headline', 'data-held')); };
const submit = async (page, form) => {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  return response.status();
};

try {
  const a = await editor('eda');
  const before = await held(a);

  // A new person with her detention and recognition, in one form, public: the public
  // count goes up by one. No id is typed: the page she lands on names hers.
  await a.goto(`${base}/edit`);
  await a.fill('#person-form input[name=name]', 'Browser Added');
  await a.selectOption('#person-form select[name=country]', 'BY');
  await a.selectOption('#person-form select[name=visibility]', 'public');
  await a.fill('#person-form input[name="first.detained"]', '01.01.2024');
  await a.fill('#person-form input[name="first.recognized"]', '02.01.2024');
  assert.equal(await submit(a, '#person-form'), 200);
  assert.equal((await a.textContent('#saved')).trim(), 'Saved');
  const pid = await a.inputValue('#person-form input[name=id]');
  assert.match(pid, /^browser-added-[a-z0-9]{4}$/);
  const after = await held(a);
  assert.equal(after, before + 1, `public count ${before} -> ${after}`);
  const api = await (await fetch(`${base}/api/v1/stats/held`)).json();
  assert.equal(api.held, after, 'the API agrees');
  await a.screenshot({ path: `${shots}/editor-dashboard.png`, fullPage: true });

  // An announcement, with its breakdown and claims, through its form's grid.
  await a.goto(`${base}/edit/new/announcement`);
  await a.fill('#record-fields-form input[name=date]', '09.12.2024');
  await a.selectOption('#record-fields-form select[name=country]', 'BY');
  await a.fill('#record-fields-form input[name=total]', '29');
  await a.fill('#record-fields-form input[name="breakdown.women"]', '11');
  await a.fill('#record-fields-form input[name="breakdown.men"]', '18');
  await a.fill('#record-fields-form textarea[name=claims]', 'All of those released repented');
  assert.equal(await submit(a, '#record-fields-form'), 200);
  const aid = await a.inputValue('#record-fields-form input[name=id]');
  await a.goto(`${base}/announcements/${aid}`);
  assert.match(await a.textContent('main'), /repented/);

  // Two editors open the same person; the first saves; the second's save is stale.
  const b = await editor('edb');
  await b.goto(`${base}/edit/person/${pid}`);
  await a.goto(`${base}/edit/person/${pid}`);
  await a.fill('#person-form input[name=name]', 'Browser Added (first editor)');
  assert.equal(await submit(a, '#person-form'), 200);
  await b.fill('#person-form input[name=name]', 'Browser Added (second editor)');
  assert.equal(await submit(b, '#person-form'), 409, 'the stale save is refused');
  assert.match(await b.textContent('#conflict'), /changed since you opened it/);
  assert.equal(await b.inputValue('#person-form input[name=name]'), 'Browser Added (second editor)', 'what was typed is kept');
  await b.screenshot({ path: `${shots}/editor-conflict.png`, fullPage: true });
  // The record's history is its log entries, with who saved each.
  await a.goto(`${base}/edit/person/${pid}`);
  const rows = await a.locator('#history tbody tr').count();
  assert.ok(rows >= 2, `history has ${rows} entries`);
  assert.match(await a.textContent('#history'), /eda/);
  // A person with events cannot be retracted: the page says why, nothing changes.
  await a.fill('#retract-form input[name=reason]', 'test');
  assert.equal(await submit(a, '#retract-form'), 409);
  assert.match(await a.textContent('#problem'), /still referred to/);
  // The public page shows the first editor's name, not the second's.
  await a.goto(`${base}/persons/${pid}`);
  assert.match(await a.textContent('h1'), /first editor/);

  // Chromium logs the refused save's 409 as a failed load: that one is the point.
  const unexpected = problems.filter((p) => !p.includes('Failed to load resource: the server responded with a status of 409'));
  assert.equal(problems.length - unexpected.length, 2, 'exactly two 409s: the stale save and the refused retraction');
  assert.deepEqual(unexpected, [], 'console errors or warnings');
  assert.deepEqual(outside, [], 'requests to another host');
  console.log(`ok: public count ${before} -> ${after}, stale save refused`);
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
