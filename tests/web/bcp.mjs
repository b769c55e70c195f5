// Banana Cake Pop in headless Debian Chromium: the IDE loads at URL, introspects the schema
// ("Schema available"), runs a query, and its answer appears in the response pane.
// Usage: node bcp.mjs http://127.0.0.1:5080/graphql [screenshot.png]
// Needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bcp.mjs URL [screenshot.png]');
  process.exit(2);
}

const query = 'query Dashboard { stats { articles } }';
const expected = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ query }),
}).then((r) => r.json());
const articles = expected.data.stats.articles;

const userDataDir = mkdtempSync(join(tmpdir(), 'newsgraph-bcp-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  // The IDE's service worker reloads the page once after installing, which would race the test.
  serviceWorkers: 'block',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

let exitCode = 1;
const page = context.pages()[0] ?? (await context.newPage());
try {
  // A browser asking for HTML at /graphql is redirected to the IDE at /graphql/.
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response.url().endsWith('/graphql/')) {
    throw new Error(`expected the redirect to /graphql/, landed on ${response.url()}`);
  }

  await page.getByText('Create Document').click({ timeout: 30_000 });
  await page.getByText('Schema available').waitFor({ timeout: 30_000 });
  console.log('bcp: schema available');

  // insertText bypasses Monaco's bracket auto-closing.
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.insertText(query);
  // The operation builder lists the operation once the IDE has parsed the document; Run before that does nothing.
  await page.getByText('Dashboard: Query').waitFor({ timeout: 30_000 });
  // The IDE debounces edits: a click on Run right after typing can be ignored, so try a few times.
  const run = page.locator('button').filter({ hasText: /^\s*Run\s*$/ }).first();
  const answered = (n) => document.body.innerText.replace(/\u00a0/g, ' ').includes(`"articles": ${n}`);
  let seen = false;
  for (let attempt = 0; attempt < 10 && !seen; attempt++) {
    await run.click();
    seen = await page.waitForFunction(answered, articles, { timeout: 3_000 }).then(() => true, () => false);
  }

  if (!seen) {
    throw new Error(`the response pane never showed "articles": ${articles}`);
  }

  console.log(`bcp: ran ${query} and saw "articles": ${articles}`);
  exitCode = 0;
} catch (error) {
  console.error(`bcp: ${error.message}`);
} finally {
  if (screenshot) {
    await page.screenshot({ path: screenshot }).catch(() => {});
  }

  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

process.exit(exitCode);
