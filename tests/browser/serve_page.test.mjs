// The page of `whosaid serve` at `/` in headless Chromium: paste an
// article, see its quotes highlighted, click a speaker, open a .jsonl
// file. Run by ctest (tests/CMakeLists.txt) with WHOSAID, SOURCE_DIR and
// ARTIFACTS (where the screenshot goes) in the environment. The server
// runs on a free loopback port and is stopped with SIGTERM at the end.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
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

// Starts `whosaid serve --port 0` and resolves with its address, read from
// the line it prints on stderr.
function startServer() {
  server = spawn(whosaid, ['serve', '--port', '0'], {stdio: ['ignore', 'ignore', 'pipe']});
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
  origin = await startServer();
  // Tall enough for the form and the whole article in one screenshot.
  browser = await Browser.launch({width: 1280, height: 1200});
  page = await browser.newPage({width: 1280, height: 1200});
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
