// The page of `whosaid extract --format html` in headless Chromium: quotes
// highlighted, a speaker click, the tooltip, escaping, and the
// Content-Security-Policy. Run by ctest (tests/CMakeLists.txt) with
// WHOSAID (the binary), SOURCE_DIR and ARTIFACTS (where the screenshot
// goes) in the environment.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';
import {pathToFileURL} from 'node:url';

import {Browser} from './chromium.mjs';

const whosaid = process.env.WHOSAID;
const sourceDir = process.env.SOURCE_DIR;
const artifacts = process.env.ARTIFACTS;
const work = mkdtempSync(join(tmpdir(), 'whosaid-page-'));

// An article that tries every way of getting markup into the page: in its
// text, in a quote, in a speaker's name and in its file name.
const kHostileName = 'hostile<img src=x onerror=window.__pwned=1>.txt';
const kHostile = [
  'Markup test <script>window.__pwned = 2;</script>',
  '',
  '"Use <b>bold</b> & <script>window.__pwned = 3;</script> freely," ' +
      'said Jo <img src=x onerror="window.__pwned=4"> Smith.',
  '',
  '"It is </mark></section><script>window.__pwned = 5;</script>," ' +
      'Maria Lopez said.',
].join('\n');

// Relative names, as a person would type them: they are the documents' ids.
const articles = ['example-article.txt', kHostileName];
writeFileSync(join(work, articles[0]),
              readFileSync(join(sourceDir, 'docs/example-article.txt')));
writeFileSync(join(work, articles[1]), kHostile);

function run(format) {
  return execFileSync(whosaid, ['extract', '--format', format, ...articles],
                      {encoding: 'utf8', cwd: work});
}

// What the JSON Lines output says: the expectations of every check.
const results = run('jsonl').trim().split('\n').map((l) => JSON.parse(l));
const pagePath = join(work, 'page.html');
writeFileSync(pagePath, run('html'));

let browser;
let page;

before(async () => {
  browser = await Browser.launch();
  page = await browser.newPage();
  await page.goto(pathToFileURL(pagePath).href);
});

after(async () => {
  if (browser) await browser.close();
});

// The distinct quotes (data-q) of document `doc` matching `selector`
// inside its text.
function quotesIn(doc, selector) {
  return page.evaluate(`[...new Set([...document.querySelectorAll(
      '#d${doc} .text ${selector}')].map((m) => Number(m.dataset.q)))]
      .sort((a, b) => a - b)`);
}

test('each document shows every quote highlighted', async () => {
  assert.equal(await page.evaluate(`document.querySelectorAll('section.doc').length`),
               results.length);
  for (const [doc, result] of results.entries()) {
    assert.ok(result.quotes.length > 0, `${result.id} has quotes`);
    assert.deepEqual(await quotesIn(doc, 'mark.q'),
                     result.quotes.map((_, i) => i), result.id);
  }
});

test('the text of the page is the text of the article', async () => {
  for (const [doc, result] of results.entries()) {
    assert.equal(
        await page.evaluate(`document.querySelector('#d${doc} .text').textContent`),
        result.text);
  }
});

test('markup in an article is shown as text and never runs', async () => {
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assert.equal(await page.evaluate(
                   `document.querySelectorAll('main script, main img, main b').length`),
               0);
  const shown = await page.evaluate(`document.querySelector('#d1').innerText`);
  assert.match(shown, /<script>window\.__pwned = 2;<\/script>/);
  assert.match(shown, /<img src=x onerror=window\.__pwned=1>\.txt/);
  assert.match(shown, /Use <b>bold<\/b> &/);
});

test('clicking a speaker highlights all of their attributions', async () => {
  const quotes = results[0].quotes;
  // The speaker with the most quotes, and one quote of someone else.
  const counts = new Map();
  for (const q of quotes) counts.set(q.entity, (counts.get(q.entity) || 0) + 1);
  const [entity] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const theirs = quotes.flatMap((q, i) => (q.entity === entity ? [i] : []));
  assert.ok(theirs.length >= 2 && theirs.length < quotes.length);

  await page.click(`#d0 .speaker-name[data-e="${entity}"]`);
  assert.deepEqual(await quotesIn(0, 'mark.q.sel'), theirs);
  assert.equal(await page.evaluate(`document.querySelectorAll('#d0 .speaker.sel').length`), 1);
  const name = await page.evaluate(
      `[...new Set([...document.querySelectorAll('#d0 mark.q.sel')]
          .map((m) => m.dataset.speaker))].join('|')`);
  assert.equal(name, results[0].entities[entity].name);
  // The other document is untouched.
  assert.deepEqual(await quotesIn(1, '.sel'), []);

  // The screenshot shows the selection and a quote's tooltip.
  await page.hover(`#d0-q${theirs[1]}`);
  mkdirSync(artifacts, {recursive: true});
  writeFileSync(join(artifacts, 'review-page.png'), await page.screenshot());

  // A second click clears the selection.
  await page.click(`#d0 .speaker-name[data-e="${entity}"]`);
  assert.deepEqual(await quotesIn(0, 'mark.q.sel'), []);
});

test('clicking a speaker mention in the text selects that speaker', async () => {
  const q = results[0].quotes.findIndex((x) => x.speaker && x.entity !== null);
  const entity = results[0].quotes[q].entity;
  await page.click(`#d0 .text .spk[data-e="${entity}"]`);
  const theirs = results[0].quotes.flatMap((x, i) => (x.entity === entity ? [i] : []));
  assert.deepEqual(await quotesIn(0, 'mark.q.sel'), theirs);
  await page.click(`#d0 .text .spk[data-e="${entity}"]`);
});

test('hovering a quote shows its rule and resolution', async () => {
  const quotes = results[0].quotes;
  const q = quotes.length - 1;
  await page.hover(`#d0-q${q}`);
  const tip = await page.evaluate(`(() => {
    const tip = document.getElementById('tip');
    return {hidden: tip.hidden, text: tip.textContent};
  })()`);
  assert.equal(tip.hidden, false);
  assert.ok(tip.text.includes(`rule: ${quotes[q].rule}`), tip.text);
  assert.ok(tip.text.includes(`resolution: ${quotes[q].resolution}`), tip.text);
  await page.hover('header.top h1');
  assert.equal(await page.evaluate(`document.getElementById('tip').hidden`), true);
});

test('the page loads nothing from anywhere', async () => {
  assert.equal(await page.evaluate(`performance.getEntriesByType('resource').length`), 0);
});

test('the policy blocks a script that escaped escaping', async () => {
  // Simulates a bug in escaping: a script put raw into the page's markup.
  const html = readFileSync(pagePath, 'utf8').replace(
      '<main id="docs">', '<main id="docs"><script>window.__pwned = 6;</script>');
  const tampered = join(work, 'tampered.html');
  writeFileSync(tampered, html);
  const other = await browser.newPage();
  await other.goto(pathToFileURL(tampered).href);
  assert.equal(await other.evaluate('window.__pwned'), undefined);
  // The page's own script still runs.
  await other.click('#d0 .speaker-name');
  assert.ok(await other.evaluate(`document.querySelectorAll('#d0 mark.q.sel').length`) > 0);
});
