// Driving the Microsoft 365 Agents Playground 0.2.28 web UI as a person does: clicks and real keystrokes.
// Selectors and gotchas: ../../../../shared/tools/playground/RUNBOOK.md §6.
import fs from 'node:fs';

export const WAIT = Number(process.env.E2E_STEP_TIMEOUT_MS || 20000);

const isLoopback = (u) => {
  try { return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname); } catch { return false; }
};

/** Chromium, loopback only (RUNBOOK §2): dead proxy, host resolver rules, and a route that aborts the rest. */
export async function launchBrowser(chromium) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--proxy-server=http://127.0.0.1:9',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
  });
}

/**
 * One person at one machine: a browser context of their own (Québec French browser), on their role's
 * Playground. Records what the UI receives on its WebSockets (the conversation stream it renders and the
 * log stream of every playground <-> bot exchange) into <results>/<role>-ws.jsonl, and every URL the page
 * asks window.open for (Action.OpenUrl, e.g. tel: links), without leaving the page.
 */
export class Person {
  constructor(role, url, results) {
    Object.assign(this, { role, url, results, exchanges: [], blocked: [] });
    this.wsLog = fs.createWriteStream(`${results}/${role}-ws.jsonl`);
  }

  async open(browser) {
    this.context = await browser.newContext({ viewport: { width: 1400, height: 1600 }, locale: 'fr-CA', timezoneId: 'America/Toronto' });
    await this.context.route('**/*', (r) => {
      const u = r.request().url();
      if (isLoopback(u) || u.startsWith('data:') || u.startsWith('blob:')) return r.continue();
      this.blocked.push(u);
      return r.abort();
    });
    await this.context.addInitScript(() => {
      window.__opened = [];
      window.open = (u) => { window.__opened.push(String(u)); return null; };
    });
    this.context.setDefaultTimeout(WAIT);
    this.page = await this.context.newPage();
    this.page.on('websocket', (ws) => {
      const stream = ws.url().includes('/_ws/log/') ? 'log' : 'conv';
      ws.on('framereceived', (f) => {
        this.wsLog.write(JSON.stringify({ at: new Date().toISOString(), stream, payload: String(f.payload) }) + '\n');
        if (stream !== 'log') return;
        try {
          const { log } = JSON.parse(String(f.payload));
          if (log?.response?.statusCode) this.exchanges.push({ from: log.from, activity: log.activityName, status: log.response.statusCode, log });
        } catch { /* not JSON: ignore */ }
      });
    });
    await this.page.goto(this.url, { waitUntil: 'networkidle' });
    return this.page;
  }

  async close() {
    await this.context?.close().catch(() => {});
    await new Promise((r) => this.wsLog.end(r));
  }

  async openedUrls() { return this.page.evaluate(() => window.__opened.slice()); }

  /** Exchanges between this playground and the bot that did not succeed (status >= 400). */
  failedExchanges() { return this.exchanges.filter((e) => e.status >= 400); }
}

/** The last Adaptive Card on the page that contains the text (string or RegExp). */
export const card = (page, text) => page.locator('.ac-adaptiveCard', { hasText: text }).last();
export const cards = (page, text) => page.locator('.ac-adaptiveCard', { hasText: text });

export async function openChat(page, name) {
  await page.getByRole('treeitem', { name, exact: true }).click();
}

/** Types in the 1:1 chat's composer and sends with Enter. */
export async function say(page, text) {
  const box = page.getByRole('textbox').last();
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** A new channel post that @mentions the bot: type "@", pick the bot in the mention menu, type, Post. */
export async function postMentioningBot(page, botName, text) {
  const box = page.getByRole('textbox').first(); // "Start a new post"
  await box.click();
  await box.pressSequentially('@' + botName.slice(0, 6));
  await page.getByRole('menuitem', { name: botName }).click();
  await box.pressSequentially(' ' + text);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

/** Real keystrokes into a card's text input (fill() may leave the card's input value unset: RUNBOOK §6). */
export async function typeInto(locator, text) {
  await locator.click();
  await locator.press('Control+a');
  await locator.pressSequentially(String(text));
}

/** A single-choice drop-down (Input.ChoiceSet, compact): open it, click the option. */
export async function chooseOne(page, inCard, label, option) {
  const box = inCard.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expectValue(box, option, label);
}

/** A multi-choice drop-down: open it, click each option, close it with Escape. */
export async function chooseMany(page, inCard, label, options) {
  const box = inCard.getByRole('combobox', { name: label, exact: true });
  await box.click();
  // the multi-select list is a menu of checkable items
  for (const option of options) await page.getByRole('menuitemcheckbox', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
  for (const option of options) await expectValue(box, option, label);
}

async function expectValue(box, option, label) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await box.inputValue();
    if (value.includes(option)) return;
    if (Date.now() > deadline) throw new Error(`the "${label}" drop-down shows "${value}", expected it to include "${option}"`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Expanded choice sets: multi-select ones render as checkboxes named "<label> <option>", single-select ones
 * as a radio group named "<label>" holding radios named "<option>".
 */
export async function tick(inCard, role, label, option) {
  const box = role === 'radio'
    ? inCard.getByRole('radiogroup', { name: label, exact: true }).getByRole('radio', { name: option, exact: true })
    : inCard.getByRole(role, { name: `${label} ${option}`, exact: true });
  await box.click();
  if (!(await box.isChecked())) throw new Error(`"${label}: ${option}" is not checked after the click`);
}

/** Waits until the locator is visible; the error says what was expected. */
export async function see(locator, what, timeout = WAIT) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout });
  } catch (e) {
    throw new Error(`expected to see ${what} within ${timeout / 1000} s (${String(e.message).split('\n')[0]})`);
  }
}

/** Waits until a card's text matches, so a card updated in place is seen in its new state. */
export async function seeIn(cardLocator, text, what, timeout = WAIT) {
  await see(cardLocator.getByText(text), what, timeout);
}
