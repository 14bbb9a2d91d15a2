// The person form in a real browser changes only what it shows: an editor corrects a
// birth year of a person with names in two scripts, region, roles, health and a field
// vigil does not know; every other field is still there on the public page and through
// the records API. usage: node person_form.mjs BASE_URL SCREENSHOT_DIR PERSON_ID
// (editor eda exists; the person is public)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const [base, shots, id] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
const outside = [];
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
  await page.goto(`${base}/login`);
  await page.fill('#login input[name=name]', 'eda');
  await page.fill('#login input[name=password]', 'eda password 123');
  await Promise.all([page.waitForNavigation(), page.click('#login button')]);
  // The API, with the browser's session (reads need no CSRF token).
  const record = async () => {
    const r = await context.request.get(`${base}/api/v1/records/person/${id}`);
    assert.equal(r.status(), 200, `reading ${id}`);
    return (await r.json()).record;
  };
  const before = await record();
  assert.ok(before.names.length >= 3 && before.region && before.roles?.length && before.health?.length,
    `the person has names, region, roles and health: ${JSON.stringify(before)}`);

  await page.goto(`${base}/edit/person/${id}`);
  assert.equal(await page.inputValue('#person-form input[name=name]'), before.names[0].text);
  assert.equal(await page.inputValue('#person-form input[name=birth_date]'), before.birth_date);
  const year = String(Number(before.birth_date.slice(0, 4)) + 1);
  await page.fill('#person-form input[name=birth_date]', year);
  await page.fill('#person-form input[name=reason]', 'birth year corrected');
  const [response] = await Promise.all([page.waitForNavigation(), page.click('#person-form button[type=submit]')]);
  assert.equal(response.status(), 200);
  assert.equal((await page.textContent('#saved')).trim(), 'Saved');
  assert.equal(await page.locator('#stale').count(), 0, 'the answers follow the save');

  // Through the API: the birth date changed, every other field is as it was.
  const after = await record();
  assert.deepEqual(after, { ...before, birth_date: year });

  // On the public page: every name in both scripts, the region, the roles, the new year.
  await page.goto(`${base}/persons/${id}`);
  const text = await page.textContent('main');
  for (const n of before.names) assert.ok(text.includes(n.text), `name ${n.text} missing from the page`);
  assert.ok(text.includes(before.region), 'region missing');
  for (const r of before.roles) assert.ok(text.includes(r.replace(/_/g, ' ')), `role ${r} missing`);
  assert.ok(text.includes(year), 'the corrected year is shown');
  await page.screenshot({ path: `${shots}/person-form-after.png`, fullPage: true });

  // Opened again, the form shows the correction and the history has both entries.
  await page.goto(`${base}/edit/person/${id}`);
  assert.equal(await page.inputValue('#person-form input[name=birth_date]'), year);
  assert.equal(await page.locator('#history tbody tr').count(), 2);
  assert.match(await page.textContent('#history'), /birth year corrected/);

  assert.deepEqual(problems, [], 'console errors or warnings');
  assert.deepEqual(outside, [], 'requests to another host');
  console.log(`ok: birth year ${before.birth_date} -> ${year}, ${Object.keys(before).length} fields kept`);
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
