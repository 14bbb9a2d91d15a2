// The public pages in Belarusian, Russian and English in a real browser (Debian's
// Chromium, headless): each page says its language in <html lang>; a Belarusian or Russian
// page has no English word left outside what the page itself marks as another language
// (names, the switch's "English") and a short allow-list; the language switch keeps the
// page and its query, and its cookie keeps the language on later visits; the skip link is
// the keyboard's first stop and moves the focus to the page; plural forms on
// the rendered dashboard; a full-page screenshot of every page in every language.
// usage: node languages.mjs BASE_URL SCREENSHOT_DIR PERSON_ID ANNOUNCEMENT_ID
// The registry (crates/vigil/tests/cli/browser.rs) stores its free text in Cyrillic and
// has, in 2024, five pardon waves of 22 persons in Belarus and two of 21 in Russia.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';

const [base, shots, person, announcement] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

// Latin-script words a Belarusian or Russian page may show: the brand and the labels of
// the links to the API's formats. ("English" is the switch's, marked lang="en".)
const ALLOWED = new Set(['vigil', 'JSON', 'CSV', 'XLSX', 'English']);

// The waves headings of the dashboard for 2024, as each language writes the counts.
const WAVES = {
  be: ['Беларусь: 5 хваляў, 22 чалавекі', 'Расія: 2 хвалі, 21 чалавек'],
  ru: ['Беларусь: 5 волн, 22 человека', 'Россия: 2 волны, 21 человек'],
  en: ['Belarus: 5 waves, 22 persons', 'Russia: 2 waves, 21 persons'],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
const outside = [];
// A browser that asks for English first: the query and the cookie must beat it.
async function reader() {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e}`));
  page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
  return { context, page };
}

// Everything a reader is shown or told on the page in its own language: the rendered
// text (document.body.innerText) with the elements the page marks as written in another
// language hidden, the title, placeholders, labels, tooltips and options.
async function ownText(page) {
  return page.evaluate(() => {
    const own = document.documentElement.lang;
    const foreign = [...document.body.querySelectorAll('[lang]')].filter((e) => e.lang !== own);
    const seen = (e) => !e.closest('[lang]') || e.closest('[lang]').lang === own;
    const shown = foreign.map((e) => [e, e.style.display]);
    for (const [e] of shown) e.style.display = 'none';
    const parts = [document.title, document.body.innerText];
    for (const [e, d] of shown) e.style.display = d;
    for (const e of document.body.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
      if (!seen(e)) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) if (e.hasAttribute(a)) parts.push(e.getAttribute(a));
    }
    for (const e of document.body.querySelectorAll('svg title, option, input[type=submit], input[type=button]')) {
      if (seen(e)) parts.push(e.textContent || e.value);
    }
    return parts.join('\n');
  });
}

// Latin-script words of three letters or more that are whole words (not inside an id,
// a hash or a number), minus the allow-list.
function englishWords(text) {
  const words = text.match(/(?<![\p{L}\p{N}_])\p{Script=Latin}{3,}(?![\p{L}\p{N}_])/gu) || [];
  return [...new Set(words.filter((w) => !ALLOWED.has(w)))].sort();
}

// The switch links this page (path and query, `lang` left out) in each other language.
async function checkSwitch(page, lang) {
  const here = new URL(page.url());
  here.searchParams.delete('lang');
  const links = await page.$$eval('nav.lang a', (as) => as.map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]));
  assert.deepEqual(links.map(([l]) => l).sort(), ['be', 'en', 'ru'].filter((l) => l !== lang), `switch on ${page.url()}`);
  for (const [l, href] of links) {
    const to = new URL(href, base);
    assert.equal(to.pathname, here.pathname, `the ${l} switch on ${page.url()} goes to ${href}`);
    assert.equal(to.searchParams.get('lang'), l, `the ${l} switch on ${page.url()}: ${href}`);
    to.searchParams.delete('lang');
    assert.equal(to.searchParams.toString(), here.searchParams.toString(), `the ${l} switch on ${page.url()} loses the query: ${href}`);
  }
}

const PAGES = [
  ['dashboard', '/?year=2024'],
  ['persons', '/persons'],
  ['person', `/persons/${encodeURIComponent(person)}`],
  ['announcement', `/announcements/${encodeURIComponent(announcement)}`],
];

const found = [];
try {
  for (const lang of ['be', 'ru', 'en']) {
    const { context, page } = await reader();
    for (const [name, path] of PAGES) {
      const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      const response = await page.goto(url);
      assert.equal(response.status(), 200, url);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `<html lang> of ${url}`);
      await checkSwitch(page, lang);
      if (lang !== 'en') {
        const words = englishWords(await ownText(page));
        if (words.length) found.push(`${lang} ${path}: ${words.join(', ')}`);
      }
      // A message ending in a date that ends in "г." gets no second full stop.
      const doubled = (await page.evaluate(() => document.body.innerText)).match(/.{0,30}[^.]\.\.(?!\.)/g);
      if (doubled) found.push(`${lang} ${path}: doubled full stop in ${JSON.stringify(doubled)}`);
      if (name === 'dashboard') {
        const headings = await page.$$eval('section h3', (hs) => hs.map((h) => h.textContent.trim()));
        for (const want of WAVES[lang]) {
          assert.ok(headings.some((h) => h.startsWith(want)), `no waves heading "${want}" in ${lang}: ${JSON.stringify(headings)}`);
        }
      }
      if (name === 'dashboard') {
        // The keyboard's first stop is the skip link; following it puts the focus on the page.
        await page.keyboard.press('Tab');
        const first = await page.evaluate(() => [document.activeElement.className, document.activeElement.getAttribute('href')]);
        assert.deepEqual(first, ['skip', '#main'], `the first Tab in ${lang} reaches ${first}`);
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'main', `the skip link in ${lang} moves the focus`);
      }
      await page.screenshot({ path: `${shots}/${name}-${lang}.png`, fullPage: true });
    }
    // Every other public person's page too: their events, roles and details differ.
    if (lang !== 'en') {
      await page.goto(`${base}/persons?lang=${lang}`);
      const others = await page.$$eval('#directory tbody td:first-child a', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(others.length > 10, `${others.length} persons listed`);
      for (const href of others) {
        await page.goto(`${base}${href}?lang=${lang}`);
        assert.equal(await page.getAttribute('html', 'lang'), lang, `<html lang> of ${href}`);
        const words = englishWords(await ownText(page));
        if (words.length) found.push(`${lang} ${href}: ${words.join(', ')}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, [], 'English words left on Belarusian or Russian pages, or doubled full stops');

  // The switch keeps the page and its query: from the held persons in Russian to the held
  // persons in Belarusian, the filter still applied; the cookie then keeps Belarusian
  // although the browser asks for English.
  const { context, page } = await reader();
  await page.goto(`${base}/persons?status=held&lang=ru`);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  const heldRu = await page.$$eval('#directory tbody tr', (rs) => rs.length);
  const held = (await (await fetch(`${base}/api/v1/persons?status=held`)).json()).total;
  assert.ok(held > 0 && heldRu === Math.min(held, 50), `held in the registry: ${held}, on the page ${heldRu}`);
  await Promise.all([page.waitForNavigation(), page.click('nav.lang a[hreflang=be]')]);
  const landed = new URL(page.url());
  assert.equal(`${landed.pathname}${landed.search}`, '/persons?status=held&lang=be');
  assert.equal(await page.getAttribute('html', 'lang'), 'be');
  assert.equal(await page.inputValue('form.filters select[name=status]'), 'held', 'the filter is still applied');
  const statuses = await page.$$eval('#directory tbody td:nth-child(3)', (ts) => ts.map((t) => t.textContent.trim()));
  assert.equal(statuses.length, heldRu, 'the same persons');
  assert.ok(statuses.every((s) => s === 'у зняволенні'), `statuses: ${statuses}`);
  const cookies = await context.cookies();
  assert.ok(cookies.some((c) => c.name === 'vigil_lang' && c.value === 'be'), `cookies: ${JSON.stringify(cookies)}`);
  for (const path of ['/persons?status=held', '/', `/persons/${encodeURIComponent(person)}`]) {
    await page.goto(`${base}${path}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'be', `${path} without ?lang after the switch`);
  }
  // Filtering again from the Belarusian page stays Belarusian and keeps the status.
  await page.goto(`${base}/persons?status=held`);
  await page.selectOption('form.filters select[name=country]', 'BY');
  await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
  const filtered = new URL(page.url());
  assert.equal(filtered.searchParams.get('status'), 'held');
  assert.equal(filtered.searchParams.get('country'), 'BY');
  assert.equal(await page.getAttribute('html', 'lang'), 'be');
  await context.close();

  assert.deepEqual(outside, [], 'requests to other hosts');
  assert.deepEqual(problems, [], 'console errors or warnings');
  console.log(`ok: 4 pages in be, ru, en; switch from ru to be kept ${landed.search}; screenshots in ${shots}`);
} catch (e) {
  console.error(e.stack || String(e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
