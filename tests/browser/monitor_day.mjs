// A monitor's day in a real browser, without typing JSON or an id, counting the actions
// (a fill, a choice, a tick or a click) each step takes; then an accessibility audit
// (axe-core) of every public and editors' page, the forms by keyboard alone, and every
// page at 390 px (no horizontal scroll, no text under 12 px, screenshots).
// usage: node monitor_day.mjs BASE_URL SCREENSHOT_DIR ANNOUNCEMENT_ID
// (editor eda exists; the announcement is an anonymous pardon in BY of 2024-12-09)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [base, shots, wave] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
const outside = [];
const counts = {};
// axe is injected through the DevTools protocol; the pages' own CSP (no script) stays
// as served for everything else, and bypassing it only lets the audit's script run.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page error: ${e}`));
page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });

let actions = 0;
const fill = async (sel, v) => { actions++; await page.fill(sel, v); };
const choose = async (sel, v) => { actions++; await page.selectOption(sel, v); };
const save = async (form) => {
  actions++;
  const [r] = await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
  return r.status();
};
const step = (name) => { counts[name] = actions; actions = 0; };
const api = async (path) => (await context.request.get(`${base}${path}`)).json();
const held = async () => (await api('/api/v1/stats/held')).held;
const waveRow = async () => {
  await page.goto(`${base}/?year=2024`);
  const row = page.locator('table.waves tbody tr', { has: page.locator(`a[href="/announcements/${wave}"]`) });
  return Number((await row.locator('td').last().textContent()).trim());
};

try {
  // Logging in lands on the editors' start page.
  await page.goto(`${base}/login`);
  await fill('#login input[name=name]', 'eda');
  await fill('#login input[name=password]', 'eda password 123');
  actions++;
  await Promise.all([page.waitForNavigation(), page.click('#login button')]);
  assert.equal(new URL(page.url()).pathname, '/edit');
  step('log in');

  const heldBefore = await held();
  const waveBefore = await waveRow();
  await page.goto(`${base}/edit`);
  actions = 0;

  // 1. A person with two names in two scripts (each name's script is read from its
  // letters; its language can be chosen too, two actions more), her detention and her
  // recognition.
  await fill('#person-form input[name=name]', 'Марфа Рабкова');
  await fill('#person-form input[name=name_2]', 'Marfa Rabkova');
  await fill('#person-form input[name=birth_date]', '1995');
  await choose('#person-form select[name=country]', 'BY');
  await fill('#person-form input[name="first.detained"]', '18.09.2020');
  await fill('#person-form input[name="first.recognized"]', '10.2020');
  await fill('#person-form input[name="first.by"]', 'Viasna');
  assert.equal(await save('#person-form'), 200);
  assert.equal((await page.textContent('#saved')).trim(), 'Saved');
  step('person with two names, detention and recognition');
  assert.ok(counts['person with two names, detention and recognition'] <= 8, `over 8 actions: ${JSON.stringify(counts)}`);
  const id = await page.inputValue('#person-form input[name=id]');
  assert.match(id, /^marfa-rabkova-[a-z0-9]{4}$/, 'a readable id, made, not typed');
  assert.equal(await page.inputValue('#person-form select[name=visibility]'), 'restricted');
  assert.equal(await held(), heldBefore + 1, 'the public count includes her (counted, not named)');
  await page.screenshot({ path: `${shots}/day-1-person.png`, fullPage: true });

  // 2. Her sentence, with its term and articles.
  await choose('#new-event-form select[name=kind]', 'sentenced');
  await fill('#new-event-form input[name=date]', '06.01.2022');
  await fill('#new-event-form input[name=term]', '15 years');
  await fill('#new-event-form input[name="articles.other"]', '342, 361-1, 130');
  assert.equal(await save('#new-event-form'), 200);
  step('sentence with term and articles');

  // 3. She was in the stored anonymous pardon: picked from her country's announcements
  // nearest the date.
  await choose('#new-event-form select[name=kind]', 'pardoned');
  await fill('#new-event-form input[name=date]', '09.12.2024');
  // The picker is a text box with its list: the nearest announcement is the list's first
  // after "in no stored announcement"; its words are typed (as picking it does), and the
  // server resolves them to the announcement.
  const picker = page.locator('#new-event-form input[name=announcement]');
  const nearest = await page.locator(`datalist#${await picker.getAttribute('list')} option`).nth(1).getAttribute('value');
  await fill('#new-event-form input[name=announcement]', nearest);
  assert.equal(await save('#new-event-form'), 200);
  step('she was in the stored pardon');
  const record = async () => (await (await context.request.get(`${base}/api/v1/records/person/${id}`)).json()).record;
  const before = await record();
  assert.deepEqual(before.names.map((n) => n.script), ['Cyrl', 'Latn'], 'two names in two scripts');

  // 4. Her birth year corrected: nothing else changes.
  await fill('#person-form input[name=birth_date]', '1994');
  assert.equal(await save('#person-form'), 200);
  step('birth year corrected');
  assert.deepEqual(await record(), { ...before, birth_date: '1994' });

  // The public count and the wave's identified count moved.
  assert.equal(await held(), heldBefore, 'pardoned: no longer held');
  assert.equal(await waveRow(), waveBefore + 1, "the wave's identified count");

  // 5. A report pasted: the proposals in words, the stored wave of the day before
  // flagged, the count corrected before storing.
  const report = 'On 10 December 2024 the president pardoned 28 political prisoners, among them 9 women.';
  await page.goto(`${base}/edit/extract`);
  await fill('#extract-form textarea[name=text]', report);
  await fill('#extract-form input[name=date]', '2024-12-10');
  await choose('#extract-form select[name=country]', 'BY');
  assert.equal(await save('#extract-form'), 200);
  assert.ok(await page.locator(`p.similar a[href="/edit/form/announcement/${wave}"]`).count() >= 1, 'the stored wave is flagged');
  await fill('#confirm-form input[name^="total."]', '27');
  assert.equal(await save('#confirm-form'), 200);
  assert.equal(await page.locator('h1#stored').count(), 1);
  step('a report pasted, its count corrected, stored');

  // Every page, public and editors': axe (no serious or critical violation), then at
  // 390 px no horizontal scroll and no text under 12 px.
  await page.goto(`${base}/edit/person/${id}`);
  const eventId = await page.locator('#events a[href^="/edit/event/"]').first().getAttribute('href');
  const pages = {
    dashboard: '/', 'dashboard-country': '/?country=BY', directory: '/persons', 'directory-sorted': '/persons?sort=-name', 'public-person': '/persons/p1', announcement: `/announcements/${wave}`,
    login: '/login', edit: '/edit', persons: '/edit/persons', 'persons-found': '/edit/persons?q=Rabkova',
    person: `/edit/person/${id}`, event: eventId, announcements: '/edit/announcements',
    'announcement-form': `/edit/form/announcement/${wave}`, 'new-announcement': '/edit/new/announcement',
    sources: '/edit/sources', 'new-source': '/edit/new/source', figures: '/edit/figures', 'new-figure': '/edit/new/figure',
    'new-person': '/edit/new/person', changes: '/edit/changes', review: '/edit/review', extract: '/edit/extract',
    record: '/edit/record?type=source', proposals: 'proposals',
  };
  // A page reached by a post (the paste page's proposals) is opened by posting again.
  const open = async (path) => {
    if (path !== 'proposals') return page.goto(`${base}${path}`);
    await page.goto(`${base}/edit/extract`);
    await page.fill('#extract-form textarea[name=text]', report);
    await page.fill('#extract-form input[name=date]', '2024-12-10');
    const [r] = await Promise.all([page.waitForNavigation(), page.click('#extract-form button[type=submit]')]);
    return r;
  };
  const violations = [];
  for (const [name, path] of Object.entries(pages)) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const r = await open(path);
    assert.equal(r.status(), 200, `${path}`);
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await open(path);
    const phone = await page.evaluate(() => {
      const wide = document.documentElement.scrollWidth;
      const small = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden' || el.closest('title, option, [hidden]')) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 && rect.height === 0) continue;
        // Text in an SVG is as tall as it is drawn; elsewhere, its computed size.
        const size = el instanceof SVGElement
          ? parseFloat(style.fontSize) * (el.ownerSVGElement || el).getScreenCTM().a
          : parseFloat(style.fontSize);
        if (size < 11.95) small.push(`${el.tagName.toLowerCase()} "${n.textContent.trim().slice(0, 30)}" ${size.toFixed(1)}px`);
      }
      return { wide, small: small.slice(0, 5) };
    });
    assert.ok(phone.wide <= 390, `${path} scrolls sideways at 390 px: ${phone.wide}px wide`);
    assert.deepEqual(phone.small, [], `${path}: text under 12 px at 390 px`);
    await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  }
  assert.deepEqual(violations, [], 'serious or critical accessibility violations');

  // Keyboard alone: from the top of a person's page, Tab to the birth date, type, Enter
  // saves; the kind's details are reached by Tab too.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/edit/person/${id}`);
  let tabs = 0;
  while (tabs < 80 && !(await page.evaluate(() => document.activeElement?.name === 'birth_date'))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  assert.ok(tabs < 80, 'the birth date is reached by Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1993');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  assert.equal((await page.textContent('#saved')).trim(), 'Saved');
  assert.equal((await record()).birth_date, '1993');
  const focusable = await page.evaluate(() => [...document.querySelectorAll('#new-event-form input:not([type=hidden]), #new-event-form select, #new-event-form button')]
    .filter((e) => e.offsetParent !== null && e.tabIndex < 0).map((e) => e.name));
  assert.deepEqual(focusable, [], 'every visible control of the event form takes the keyboard');

  assert.deepEqual(problems, [], 'console errors or warnings');
  assert.deepEqual(outside, [], 'requests to another host');
  console.log(`ok: actions ${JSON.stringify(counts)}; ${Object.keys(pages).length} pages audited; keyboard ${tabs} tabs to the birth date`);
} catch (e) {
  console.error(e.stack || String(e));
  console.error(`actions so far: ${JSON.stringify(counts)}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
