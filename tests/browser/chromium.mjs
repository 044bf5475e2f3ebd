// A small Chrome DevTools Protocol client for the page tests: starts
// Debian's headless Chromium with --remote-debugging-pipe (the protocol over
// file descriptors 3 and 4, so no port and no npm package) and drives one
// page. Every call has a time limit; close() always ends the browser.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const kCallTimeoutMs = 30000;

// The browser: CHROMIUM from the environment, else Debian's path.
export function chromiumPath() {
  return process.env.CHROMIUM || '/usr/bin/chromium';
}

export class Browser {
  // Starts Chromium with a fresh profile; resolves once it answers.
  static async launch({width = 1280, height = 900} = {}) {
    const profile = mkdtempSync(join(tmpdir(), 'whosaid-chromium-'));
    const child = spawn(chromiumPath(), [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage', '--hide-scrollbars',
      `--user-data-dir=${profile}`, `--window-size=${width},${height}`,
      '--remote-debugging-pipe', 'about:blank',
    ], {stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe']});
    const browser = new Browser(child, profile);
    await browser.call('Browser.getVersion');
    return browser;
  }

  constructor(child, profile) {
    this.child = child;
    this.profile = profile;
    this.nextId = 1;
    this.pending = new Map();  // id -> {resolve, reject, timer}
    this.listeners = [];       // {method, sessionId, resolve}
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    child.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d).slice(-4000);
    });
    child.stdio[4].on('data', (d) => this.receive(d));
    child.on('exit', (code) => {
      for (const {reject, timer} of this.pending.values()) {
        clearTimeout(timer);
        reject(new Error(`chromium exited (${code}): ${this.stderr}`));
      }
      this.pending.clear();
    });
    child.on('error', (error) => {
      for (const {reject} of this.pending.values()) reject(error);
      this.pending.clear();
    });
  }

  // Messages are JSON texts, each ended by a NUL byte.
  receive(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    let end;
    while ((end = this.buffer.indexOf(0)) >= 0) {
      const message = JSON.parse(this.buffer.subarray(0, end).toString());
      this.buffer = this.buffer.subarray(end + 1);
      if (message.id && this.pending.has(message.id)) {
        const {resolve, reject, timer} = this.pending.get(message.id);
        clearTimeout(timer);
        this.pending.delete(message.id);
        if (message.error) {
          reject(new Error(JSON.stringify(message.error)));
        } else {
          resolve(message.result);
        }
      } else if (message.method) {
        this.listeners = this.listeners.filter((l) => {
          if (l.method !== message.method || l.sessionId !== message.sessionId) {
            return true;
          }
          l.resolve(message.params);
          return false;
        });
      }
    }
  }

  // Sends one protocol command; resolves with its result.
  call(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out; chromium said: ${this.stderr}`));
      }, kCallTimeoutMs);
      this.pending.set(id, {resolve, reject, timer});
      const message = {id, method, params};
      if (sessionId) message.sessionId = sessionId;
      this.child.stdio[3].write(JSON.stringify(message) + '\0');
    });
  }

  // Resolves with the params of the next event `method` of `sessionId`.
  once(method, sessionId) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
          () => reject(new Error(`no ${method} event`)), kCallTimeoutMs);
      this.listeners.push({
        method, sessionId, resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  // A new tab of the given size.
  async newPage({width = 1280, height = 900} = {}) {
    const {targetId} = await this.call('Target.createTarget', {url: 'about:blank'});
    const {sessionId} =
        await this.call('Target.attachToTarget', {targetId, flatten: true});
    const page = new Page(this, sessionId);
    await page.call('Page.enable');
    await page.call('Runtime.enable');
    await page.call('Emulation.setDeviceMetricsOverride',
                    {width, height, deviceScaleFactor: 1, mobile: false});
    return page;
  }

  async close() {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      try {
        await Promise.race([
          this.call('Browser.close'),
          new Promise((resolve) => setTimeout(resolve, 5000)),
        ]);
      } catch {
        // Already gone.
      }
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(this.profile, {recursive: true, force: true});
  }
}

export class Page {
  constructor(browser, sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
  }

  call(method, params = {}) {
    return this.browser.call(method, params, this.sessionId);
  }

  // Loads `url` and waits for its load event.
  async goto(url) {
    const loaded = this.browser.once('Page.loadEventFired', this.sessionId);
    const {errorText} = await this.call('Page.navigate', {url});
    if (errorText) throw new Error(`cannot load ${url}: ${errorText}`);
    await loaded;
  }

  // The value of JavaScript expression `expression` in the page (awaited
  // when it is a promise); throws what the page threw.
  async evaluate(expression) {
    const {result, exceptionDetails} = await this.call('Runtime.evaluate', {
      expression, returnByValue: true, awaitPromise: true,
    });
    if (exceptionDetails) {
      throw new Error(`page threw: ${JSON.stringify(exceptionDetails)}`);
    }
    return result.value;
  }

  // Resolves once JavaScript expression `expression` is true in the page;
  // throws after `timeoutMs`.
  async waitFor(expression, timeoutMs = 30000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate(expression))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Chooses `paths` in the file input `selector`, as a person picking
  // files would (the input's change event fires).
  async setFiles(selector, paths) {
    const {root} = await this.call('DOM.getDocument', {depth: 0});
    const {nodeId} =
        await this.call('DOM.querySelector', {nodeId: root.nodeId, selector});
    if (!nodeId) throw new Error(`no element ${selector}`);
    await this.call('DOM.setFileInputFiles', {nodeId, files: paths});
  }

  // The centre of the first element matching `selector`, scrolled into
  // view, in viewport coordinates.
  async centerOf(selector) {
    const point = await this.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(selector)});
      if (!el) return null;
      el.scrollIntoView({block: 'center'});
      const r = el.getClientRects()[0];
      return {x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2};
    })()`);
    if (!point) throw new Error(`no element ${selector}`);
    return point;
  }

  // A real mouse click (press and release) on the element, as a person's.
  async click(selector) {
    const {x, y} = await this.centerOf(selector);
    await this.mouse('mouseMoved', x, y);
    await this.mouse('mousePressed', x, y);
    await this.mouse('mouseReleased', x, y);
  }

  // Moves the mouse onto the element.
  async hover(selector) {
    const {x, y} = await this.centerOf(selector);
    await this.mouse('mouseMoved', x, y);
  }

  mouse(type, x, y) {
    return this.call('Input.dispatchMouseEvent',
                     {type, x, y, button: 'left', clickCount: 1});
  }

  // Types `text` into the focused element as one input (as a paste).
  insertText(text) {
    return this.call('Input.insertText', {text});
  }

  // A PNG of the page (the whole page when `fullPage`), as a Buffer.
  async screenshot({fullPage = false} = {}) {
    const {data} = await this.call(
        'Page.captureScreenshot', {format: 'png', captureBeyondViewport: fullPage});
    return Buffer.from(data, 'base64');
  }
}
