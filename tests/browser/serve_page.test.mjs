// The page of `whosaid serve --db` at `/` in headless Chromium: paste an
// article, see its quotes highlighted, click a speaker, ask where else a
// quote was said, use the verify box, open a .jsonl file. Run by ctest
// (tests/CMakeLists.txt) with WHOSAID, SOURCE_DIR and ARTIFACTS (where the
// screenshot goes) in the environment. The quote store is made with
// `whosaid index`; the server runs on a free loopback port and is stopped
// with SIGTERM at the end.
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, test} from 'node:test';

import {Browser} from './chromium.mjs';

const whosaid = process.env.WHOSAID;
const sourceDir = process.env.SOURCE_DIR;
const artifacts = process.env.ARTIFACTS;
const work = mkdtempSync(join(tmpdir(), 'whosaid-serve-page-'));
const article = readFileSync(join(sourceDir, 'docs/example-article.txt'), 'utf8');

let server;
let serverExit;
let origin;
let browser;
let page;

// A quote store of two articles that share Tom Becker's quote: the
// example article and a later one of another outlet.
const kBecker = 'We have waited three years for this vote.';
function makeStore() {
  const input = join(work, 'stored.jsonl');
  writeFileSync(input, [
    {id: 'example', date: '2026-03-01', outlet: 'Ellery Gazette', text: article},
    {id: 'follow-up', date: '2026-03-08', outlet: 'Harbour Post',
     text: `"${kBecker}" Becker said again on Monday.`},
  ].map((d) => JSON.stringify(d)).join('\n') + '\n');
  const db = join(work, 'quotes.db');
  execFileSync(whosaid, ['index', '-q', '--db', db, input]);
  return db;
}

// Starts `whosaid serve --port 0 --db DB` and resolves with its address, read from
// the line it prints on stderr.
function startServer(db) {
  server = spawn(whosaid, ['serve', '--port', '0', '--db', db],
                 {stdio: ['ignore', 'ignore', 'pipe']});
  serverExit = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no address: ${err}`)), 30000);
    server.stderr.on('data', (data) => {
      err += data;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

// What the API says about `documents`: the expectations of the checks.
async function extract(documents) {
  const response = await fetch(`${origin}/v1/extract`, {
    method: 'POST', body: JSON.stringify(documents),
    headers: {'Content-Type': 'application/json'},
  });
  assert.equal(response.status, 200);
  return response.json();
}

function quotesIn(doc, selector) {
  return page.evaluate(`[...new Set([...document.querySelectorAll(
      '#d${doc} .text ${selector}')].map((m) => Number(m.dataset.q)))]
      .sort((a, b) => a - b)`);
}

before(async () => {
  origin = await startServer(makeStore());
  // Tall enough for the forms and the whole article in one screenshot.
  browser = await Browser.launch({width: 1280, height: 1400});
  page = await browser.newPage({width: 1280, height: 1400});
  await page.goto(`${origin}/`);
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) server.kill('SIGKILL');
});

test('a pasted article comes back with every quote highlighted', async () => {
  await page.click('#article');
  await page.insertText(article);
  await page.click('#run');
  // The status line says how many came back once they are shown.
  await page.waitFor(`/^\\d+ documents?, \\d+ quotes?$/.test(
      document.getElementById('status').textContent)`);
  const [expected] = await extract([{id: 'pasted article', text: article}]);
  assert.ok(expected.quotes.length > 0);
  assert.deepEqual(await quotesIn(0, 'mark.q'), expected.quotes.map((_, i) => i));
  assert.equal(await page.evaluate(`document.querySelector('#d0 h2').firstChild.textContent.trim()`),
               'pasted article');
  assert.equal(await page.evaluate(`document.getElementById('status').textContent`),
               `1 document, ${expected.quotes.length} quotes`);
});

test('clicking a speaker highlights all of their attributions', async () => {
  const [expected] = await extract([{id: 'pasted article', text: article}]);
  const entity = expected.quotes[1].entity;
  const theirs = expected.quotes.flatMap((q, i) => (q.entity === entity ? [i] : []));
  await page.click(`#d0 .speaker-name[data-e="${entity}"]`);
  assert.deepEqual(await quotesIn(0, 'mark.q.sel'), theirs);
  await page.hover(`#d0-q${theirs[theirs.length - 1]}`);
  assert.equal(await page.evaluate(`document.getElementById('tip').hidden`), false);
});

test('"where else?" lists every stored occurrence of a quote', async () => {
  const [expected] = await extract([{id: 'pasted article', text: article}]);
  const q = expected.quotes.findIndex((x) => x.content_text === kBecker);
  assert.ok(q >= 0);
  await page.click(`#d0 .where-else[data-q="${q}"]`);
  await page.waitFor(`!document.getElementById('store-answer').hidden &&
      document.querySelector('#store-answer .group') !== null`);
  const answer = await page.evaluate(`document.getElementById('store-answer').innerText`);
  assert.match(answer, /Where else was this said/);
  assert.match(answer, /2×/);
  assert.match(answer, /documents: example, follow-up/);
  assert.match(answer, /outlets: Ellery Gazette, Harbour Post/);
});

test('the verify box says whether a claimed quote was said', async () => {
  async function check(claim, speaker) {
    await page.evaluate(`document.getElementById('claim').value = ${JSON.stringify(claim)};
        document.getElementById('claim-speaker').value = ${JSON.stringify(speaker)};
        document.getElementById('store-answer').hidden = true`);
    await page.click('#check');
    await page.waitFor(`document.querySelector('#store-answer .verdict') !== null &&
        !document.getElementById('store-answer').hidden`);
    return page.evaluate(`document.querySelector('#store-answer .verdict').dataset.verdict`);
  }
  assert.equal(await check('Penguins will run the harbour by June.', ''), 'not found');
  assert.equal(await check(kBecker, 'Becker'), 'verbatim');
  assert.equal(await check('We have waited four years for this vote.', 'Becker'), 'with changes');
  const answer = await page.evaluate(`document.getElementById('store-answer').innerText`);
  assert.match(answer, /Found, with changes/);
  assert.match(answer, /\[-three-\] \{\+four\+\}/);
  // The screenshot: the answer above, the article with Ana Ruiz selected.
  await page.evaluate('window.scrollTo(0, 0)');
  mkdirSync(artifacts, {recursive: true});
  writeFileSync(join(artifacts, 'serve-page.png'), await page.screenshot());
});

test('markup pasted into the box is shown as text and never runs', async () => {
  const hostile = '"Look: <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>," Ann Lee said.';
  await page.evaluate(`document.getElementById('article').value = ''`);
  await page.click('#article');
  await page.insertText(hostile);
  await page.click('#run');
  await page.waitFor(`document.querySelector('#d0 .text') &&
      document.querySelector('#d0 .text').textContent.includes('onerror')`);
  assert.equal(await page.evaluate(`document.querySelector('#d0 .text').textContent`), hostile);
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assert.equal(await page.evaluate(`document.querySelectorAll('main img, main script').length`), 0);
});

test('a .jsonl file opened in the page gives one section a document', async () => {
  const documents = [
    {id: 'first', text: '"The bridge opens in May," Ann Lee said.'},
    {id: 'second', text: 'Bob Stone said the fares would not rise. "No," he said.'},
  ];
  const path = join(work, 'two.jsonl');
  writeFileSync(path, documents.map((d) => JSON.stringify(d)).join('\n') + '\n');
  await page.setFiles('#file', [path]);
  await page.waitFor(`document.querySelectorAll('section.doc').length === 2`);
  const expected = await extract(documents);
  for (const [i, doc] of expected.entries()) {
    assert.deepEqual(await quotesIn(i, 'mark.q'), doc.quotes.map((_, q) => q));
  }
  assert.equal(await page.evaluate(`document.querySelector('#d1 h2').firstChild.textContent.trim()`),
               'second');
});

test('an error of the API is shown, and the page goes on', async () => {
  const path = join(work, 'bad.jsonl');
  writeFileSync(path, '{"id": "no text here"}\n');
  await page.setFiles('#file', [path]);
  await page.waitFor(`document.getElementById('status').classList.contains('error')`);
  assert.equal(await page.evaluate(`document.getElementById('status').textContent`),
               'document 1: missing "text"');
  // The documents shown before stay; typing a new article works.
  assert.equal(await page.evaluate(`document.querySelectorAll('section.doc').length`), 2);
  await page.evaluate(`document.getElementById('article').value = ''`);
  await page.click('#article');
  await page.insertText('"Yes," Ann Lee said.');
  await page.click('#run');
  await page.waitFor(`document.getElementById('status').textContent === '1 document, 1 quote'`);
});

test('the server stops cleanly on SIGTERM', async () => {
  server.kill('SIGTERM');
  assert.equal(await serverExit, 0);
});
