// The graph explorer in headless Debian Chromium, against a server started with `newsgraph serve
// --samples` (or the test host's sample graph): a bad deep link shows an error in the status line;
// searching "بوغدانوف" and opening the result draws a neighbourhood with "رمزي رمزي"; clicking
// the MET edge shows its provenance (the evidence sentence mentions موسكو) with the relation's
// confidence and each assertion's as percentages; the relation filter
// hides MET; a shortest path is found and highlighted; a deep link opens the node; the SCO's
// MEMBER_OF edges carry their status's own label and line style (member, observer, dialogue
// partner, applicant) and the legend lists them; the date range shows exactly the relations dated
// within it (undated ones on request), survives in the address and comes back from a deep link; the
// status checkboxes and the status date («الحالة في تاريخ», from a deep link and typed) reach
// `neighborhood` and `shortestPath`: from an SCO observer later reported a member (the samples: Iran on
// 2025-05-20) to a member throughout, the path over full memberships is the API's on the day before
// (not through the observer's SCO link) and on the day (through it); and
// the browser logged no console error, page error or failed request along the way.
// Usage: node explorer.mjs http://127.0.0.1:5123 [screenshot.png]
// On failure a screenshot is written to a temporary folder (printed); with a second argument the
// final state is always written there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, screenshot] = process.argv.slice(2);
if (!base) {
  console.error('usage: node explorer.mjs URL [screenshot.png]   (URL: the server, e.g. http://127.0.0.1:5123)');
  process.exit(2);
}

const origin = new URL(base).origin;
const explorerUrl = new URL('/explorer/', base).toString();
const SEARCH = 'بوغدانوف';
const NEIGHBOUR = 'رمزي رمزي';
const EVIDENCE_WORD = 'موسكو';
const ORGANIZATION = 'منظمة شنغهاي للتعاون';
// labels.mjs: STATUSES, as a reader should see them on the canvas.
const STATUS_STYLES = {
  MEMBER: { label: 'عضو في', style: 'solid' },
  OBSERVER: { label: 'مراقب في', style: 'dashed' },
  DIALOGUE_PARTNER: { label: 'شريك حوار لـ', style: 'dotted' },
  APPLICANT: { label: 'مرشّح لعضوية', style: 'dashed' },
};


const userDataDir = mkdtempSync(join(tmpdir(), 'newsgraph-explorer-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  serviceWorkers: 'block',
  viewport: { width: 1440, height: 900 },
  locale: 'ar',
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

const page = context.pages()[0] ?? (await context.newPage());
const problems = [];
page.on('console', (message) => {
  if (message.type() === 'error') {
    problems.push(`console error: ${message.text()}`);
  }
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('requestfailed', (request) => {
  if (request.url().startsWith(origin)) {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  }
});
page.on('response', (response) => {
  if (response.url().startsWith(origin) && response.status() >= 400) {
    problems.push(`HTTP ${response.status()} for ${response.url()}`);
  }
});

const step = (text) => console.log(`explorer: ${text}`);

async function query(text, variables) {
  const response = await fetch(new URL('/graphql', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    throw new Error(`the API refused ${text}: ${JSON.stringify(body.errors)}`);
  }

  return body.data;
}
const idle = () => page.waitForFunction(() => window.explorer?.isIdle(), null, { timeout: 30_000 });
const status = () => page.locator('#status');

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

let exitCode = 1;
try {
  // 1. A deep link to a node that cannot exist: the page loads (via the /explorer redirect) and says so.
  const response = await page.goto(new URL('/explorer?id=not-a-node-id', base).toString(), { waitUntil: 'load' });
  assert(response?.ok(), `GET /explorer answered ${response?.status()}`);
  assert(new URL(page.url()).pathname === '/explorer/', `expected the redirect to /explorer/, landed on ${page.url()}`);
  await page.waitForFunction(() => window.explorer, null, { timeout: 30_000 });
  await idle();
  const level = await status().getAttribute('data-level');
  const errorText = await status().innerText();
  assert(level === 'error', `a bad ?id= should show an error in the status line; it says (${level}) "${errorText}"`);
  step(`bad deep link → status line: ${errorText}`);

  // 2. Search and open the result.
  await page.locator('#search-text').fill(SEARCH);
  await page.locator('#search-text').press('Enter');
  const result = page.locator('#results button.result', { hasText: SEARCH }).first();
  await result.waitFor({ timeout: 30_000 });
  step(`search "${SEARCH}" → ${await page.locator('#results button.result').count()} result(s); opening "${(await result.locator('.name').innerText()).trim()}"`);
  await result.click();
  await idle();

  const nodes = await page.evaluate(() => window.explorer.nodes());
  const names = nodes.map((n) => n.name);
  assert(names.some((n) => n.includes(SEARCH)), `the graph should contain the searched node; it has: ${names.join(', ')}`);
  assert(names.includes(NEIGHBOUR), `the graph should contain "${NEIGHBOUR}"; it has: ${names.join(', ')}`);
  assert(new URL(page.url()).searchParams.has('id'), `opening a node should put ?id= in the address, got ${page.url()}`);
  step(`neighbourhood drawn: ${names.join('، ')}`);

  // 3. Click the MET edge on the canvas; the side panel shows its provenance.
  const edges = await page.evaluate(() => window.explorer.edges());
  const met = edges.find((e) => e.type === 'MET' && [e.from, e.to].includes(NEIGHBOUR));
  assert(met, `expected a MET edge to "${NEIGHBOUR}"; edges: ${JSON.stringify(edges)}`);
  const point = await page.evaluate((id) => window.explorer.pagePoint(id), met.id);
  await page.mouse.click(point.x, point.y);
  const panel = page.locator('.relation-panel[data-type="MET"]');
  await panel.waitFor({ timeout: 30_000 });
  await idle();
  const evidence = await panel.locator('.evidence').allInnerTexts();
  assert(evidence.some((sentence) => sentence.includes(EVIDENCE_WORD)), `the provenance panel should show evidence mentioning ${EVIDENCE_WORD}; it shows: ${JSON.stringify(evidence)}`);
  const articles = await panel.locator('.sources .article').allInnerTexts();
  assert(articles.length > 0 && articles.every((a) => a.trim().length > 0), 'the provenance panel should name the article(s)');
  step(`MET edge → ${evidence.length} evidence sentence(s) from ${articles.length} article(s): ${evidence[0].slice(0, 80)}…`);

  // The relation's confidence and each assertion's, as percentages of the values the API gave.
  const shown = async (locator) => ({ text: (await locator.innerText()).trim(), value: Number(await locator.getAttribute('data-value')) });
  const asPercent = (text) => Number(text.replace(/[٠-٩]/g, (d) => '٠١٢٣٤٥٦٧٨٩'.indexOf(d)).replace('٫', '.').replace(/[^0-9.]/g, ''));
  const isPercentOf = ({ text, value }) => /[٪%]/.test(text) && value > 0 && value <= 1 && Math.abs(asPercent(text) - Math.min(value * 100, 99.9)) <= 0.051;
  const relationConfidence = await shown(panel.locator('.facts .confidence'));
  assert(isPercentOf(relationConfidence), `the relation panel should show the MET edge's confidence as a percentage; it shows "${relationConfidence.text}" for ${relationConfidence.value}`);
  const assertionConfidences = await Promise.all((await panel.locator('.sources .confidence').all()).map(shown));
  assert(assertionConfidences.length > 0 && assertionConfidences.every(isPercentOf),
    `each scored assertion should show its confidence as a percentage; shown: ${JSON.stringify(assertionConfidences)}`);
  step(`MET edge confidence ${relationConfidence.text}; per article: ${assertionConfidences.map((c) => c.text).join('، ')}`);
  if (screenshot) {
    await page.screenshot({ path: screenshot });
  }

  // 4. The relation filter hides MET edges (and shows them again).
  const metFilter = page.locator('#relation-filters input[value="MET"]');
  await metFilter.uncheck();
  const metVisible = await page.evaluate(() => window.explorer.edges().filter((e) => e.type === 'MET' && e.visible).length);
  assert(metVisible === 0, `unchecking MET should hide MET edges; ${metVisible} still visible`);
  await metFilter.check();
  step('relation filter hides and restores MET');

  // 5. Shortest path between the neighbour and another node two hops away, through the searched person.
  const far = await page.evaluate((neighbour) => {
    const cy = window.explorer.cy;
    const from = cy.nodes().filter((n) => n.data('name') === neighbour)[0];
    const other = cy.nodes().filter((n) => n !== from && !n.hasClass('root'))[0];
    return other ? { from: from.id(), to: other.id(), name: other.data('name') } : null;
  }, NEIGHBOUR);
  if (far) {
    await page.evaluate(({ from, to }) => window.explorer.setPath(from, to), far);
    await idle();
    const onPath = await page.evaluate(() => window.explorer.cy.nodes('.on-path').map((n) => n.data('name')));
    assert(onPath.length >= 2, `a path from "${NEIGHBOUR}" to "${far.name}" should be highlighted; status: ${await status().innerText()}`);
    step(`shortest path "${NEIGHBOUR}" → "${far.name}": ${onPath.length} nodes highlighted; status line: ${await status().innerText()}`);
  }

  // 6. A deep link to a real node opens it.
  const rootId = await page.evaluate(() => window.explorer.cy.nodes('.root').id());
  await page.goto(`${explorerUrl}?id=${encodeURIComponent(rootId)}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.explorer, null, { timeout: 30_000 });
  await idle();
  const deep = await page.evaluate(() => window.explorer.nodes().map((n) => n.name));
  assert(deep.includes(NEIGHBOUR), `the deep link should draw "${NEIGHBOUR}"; drew: ${deep.join(', ')}`);
  await page.locator('.node-panel').waitFor({ timeout: 30_000 });
  step(`deep link ?id= → ${deep.length} nodes and the node panel`);

  // 7. The SCO's MEMBER_OF edges: each status with its own label and line style, and in the legend.
  const [sco] = await page.evaluate((name) => window.explorer.search(name, 'ORGANIZATION'), ORGANIZATION);
  assert(sco?.name === ORGANIZATION, `searching "${ORGANIZATION}" should find it first; found ${JSON.stringify(sco)}`);
  await page.evaluate((id) => window.explorer.open(id), sco.id);
  await idle();
  const memberships = (await page.evaluate(() => window.explorer.edges())).filter((e) => e.type === 'MEMBER_OF');
  const statuses = new Set(memberships.map((e) => e.status));
  assert(statuses.size >= 3, `the SCO should have members, observers and dialogue partners; statuses drawn: ${[...statuses].join(', ')}`);
  for (const edge of memberships) {
    const expected = STATUS_STYLES[edge.status];
    assert(expected && edge.label === expected.label && edge.style === expected.style,
      `a ${edge.status} edge (${edge.from} → ${edge.to}) should read "${expected?.label}" drawn ${expected?.style}; it reads "${edge.label}" drawn ${edge.style}`);
  }

  const colours = new Set(memberships.map((e) => e.color));
  assert(colours.size === statuses.size, `each status should have its own colour; ${statuses.size} statuses in ${colours.size} colours`);
  const legend = await page.locator('#legend li[data-status]').allInnerTexts();
  assert(Object.values(STATUS_STYLES).every(({ label }) => legend.some((item) => item.includes(label))), `the legend should list every status; it lists ${JSON.stringify(legend)}`);
  step(`SCO memberships: ${memberships.length} edges in ${statuses.size} statuses, each with its own label, colour and line`);

  // 8. The date range, typed in the sidebar, on the SCO's neighbourhood or else the first node's (whichever
  // has dated relations in this graph): exactly the relations dated within it stay visible (undated ones
  // only on request); a range before every date hides them all.
  let drawn = await page.evaluate(() => window.explorer.edges());
  let openId = sco.id;
  if (!drawn.some((e) => e.date)) {
    openId = rootId;
    await page.evaluate((id) => window.explorer.open(id), rootId);
    await idle();
    drawn = await page.evaluate(() => window.explorer.edges());
  }

  const dates = [...new Set(drawn.map((e) => e.date).filter(Boolean))].sort();
  assert(dates.length > 0, `the SCO's or the first node's neighbourhood should have dated relations; edges: ${JSON.stringify(drawn)}`);
  const RANGE = { from: dates[0], to: dates[0] };
  const within = (e) => e.date >= RANGE.from && e.date <= RANGE.to;
  const visibleIds = async () => (await page.evaluate(() => window.explorer.edges().filter((e) => e.visible).map((e) => e.id))).sort();
  const idsOf = (edges) => edges.map((e) => e.id).sort();
  await page.locator('#date-from').fill(RANGE.from);
  await page.locator('#date-to').fill(RANGE.to);
  const inRange = drawn.filter((e) => e.date && within(e));
  assert(JSON.stringify(await visibleIds()) === JSON.stringify(idsOf(inRange)),
    `the range ${RANGE.from}…${RANGE.to} should show exactly the ${inRange.length} relations dated within it; visible: ${JSON.stringify(await visibleIds())}`);
  const address = new URL(page.url()).searchParams;
  assert(address.get('from') === RANGE.from && address.get('to') === RANGE.to && address.get('id') === openId, `the address should keep the node and the range; it is ${page.url()}`);

  await page.locator('#date-undated').check();
  const withUndated = drawn.filter((e) => !e.date || within(e));
  assert(JSON.stringify(await visibleIds()) === JSON.stringify(idsOf(withUndated)), `"show undated" should add the ${withUndated.length - inRange.length} undated relations`);
  await page.locator('#date-undated').uncheck();

  await page.evaluate(() => window.explorer.setDateRange('1990-01-01', '1990-12-31'));
  assert((await visibleIds()).length === 0, `a range before every date should hide every relation; visible: ${JSON.stringify(await visibleIds())}`);
  await page.locator('#date-clear').click();
  assert((await visibleIds()).length === drawn.length, '«كل الفترة» should show every relation again');
  assert(!new URL(page.url()).searchParams.has('from'), `clearing the range should drop it from the address: ${page.url()}`);
  step(`date range ${RANGE.from}…${RANGE.to}: ${inRange.length} of ${drawn.length} relations visible, ${withUndated.length} with the undated, none for 1990, all again when cleared`);

  // 9. A deep link with a range (as the dashboard makes them) opens the node with the range applied.
  await page.goto(`${explorerUrl}?id=${encodeURIComponent(openId)}&from=${RANGE.from}&to=${RANGE.to}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.explorer, null, { timeout: 30_000 });
  await idle();
  assert(await page.locator('#date-from').inputValue() === RANGE.from && await page.locator('#date-to').inputValue() === RANGE.to, 'the deep link should fill in the range');
  assert(JSON.stringify(await visibleIds()) === JSON.stringify(idsOf(inRange)), `the deep link should show the same ${inRange.length} relations; it shows ${(await visibleIds()).length}`);
  step(`deep link ?id=&from=&to= → ${inRange.length} relations within the range`);

  // 10. Statuses and the status date reach the server. The first day an SCO observer is asserted a member, and
  // the API's paths over full memberships the day before and on the day (they must differ, or this graph could
  // not tell whether the date was passed); then the page's.
  const { organization: scoHistory } = await query('query($name: String!) { organization(name: $name) { members(status: MEMBER) { state { id name } history { status date } } } }', { name: ORGANIZATION });
  const dayBefore = (day) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const heldOn = async (asOf) => new Map((await query('query($name: String!, $asOf: Date) { organization(name: $name) { members(asOf: $asOf) { status state { id name } } } }', { name: ORGANIZATION, asOf }))
    .organization.members.map((m) => [m.state.id, m]));
  const joinedOn = [...new Set(scoHistory.members.filter((m) => m.history.some((h) => h.status === 'OBSERVER'))
    .flatMap((m) => m.history.filter((h) => h.status === 'MEMBER' && h.date).map((h) => h.date)))].sort()[0];
  assert(joinedOn, `the graph should have an SCO observer later asserted a member: ${JSON.stringify(scoHistory)}`);
  const [BEFORE, AFTER] = [dayBefore(joinedOn), joinedOn];
  const [heldBefore, heldAfter] = [await heldOn(BEFORE), await heldOn(AFTER)];
  const byName = (a, b) => a.name.localeCompare(b.name, 'ar');
  const joiners = [...heldAfter.values()].filter((m) => m.status === 'MEMBER' && heldBefore.get(m.state.id)?.status === 'OBSERVER').map((m) => m.state).sort(byName);
  const members = [...heldAfter.values()].filter((m) => m.status === 'MEMBER' && heldBefore.get(m.state.id)?.status === 'MEMBER').map((m) => m.state).sort(byName);
  const apiPath = async (from, to, asOf) => (await query('query($from: ID!, $to: ID!, $asOf: Date) { shortestPath(from: $from, to: $to, maxHops: 4, statuses: [MEMBER], asOf: $asOf) { nodes { name } } }',
    { from: from.id, to: to.id, asOf })).shortestPath?.nodes.map((n) => n.name) ?? [];
  // A pair whose path the date changes: not through the joiner's SCO link the day before, through it on the day.
  let joiner;
  let member;
  let pathBefore;
  let pathAfter;
  search: for (const candidate of joiners) {
    for (const other of members) {
      [pathBefore, pathAfter] = [await apiPath(candidate, other, BEFORE), await apiPath(candidate, other, AFTER)];
      if (pathBefore[1] !== ORGANIZATION && pathAfter[1] === ORGANIZATION) {
        [joiner, member] = [candidate, other];
        break search;
      }
    }
  }

  assert(joiner && member, `some SCO observer on ${BEFORE} that is a member on ${AFTER} (${joiners.map((j) => j.name).join('، ')}) should reach a member of both dates (${members.map((m) => m.name).join('، ')}) through the SCO only on ${AFTER}`);
  const PATH_ENDS = { from: joiner.name, to: member.name };
  const scoEdges = async () => (await page.evaluate(() => window.explorer.edges())).filter((e) => e.type === 'MEMBER_OF' && e.to === ORGANIZATION);

  await page.goto(`${explorerUrl}?id=${encodeURIComponent(joiner.id)}&asOf=${BEFORE}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.explorer, null, { timeout: 30_000 });
  await idle();
  assert(await page.locator('#as-of').inputValue() === BEFORE, `the deep link should fill in the status date ${BEFORE}`);
  const observed = await scoEdges();
  assert(observed.length === 1 && observed[0].status === 'OBSERVER' && observed[0].label === STATUS_STYLES.OBSERVER.label,
    `on ${BEFORE} ${PATH_ENDS.from} should be drawn only as an observer of the SCO; drawn: ${JSON.stringify(observed)}`);
  for (const other of ['OBSERVER', 'DIALOGUE_PARTNER', 'APPLICANT']) {
    await page.locator(`#status-filters input[value="${other}"]`).uncheck();
  }

  assert((await scoEdges()).every((e) => !e.visible), 'unchecking «مراقب» should hide the observer edge');
  await page.evaluate(({ from, to }) => window.explorer.setPath(from, to), { from: joiner.id, to: member.id });
  await idle();
  const onPath = async () => page.evaluate(() => window.explorer.cy.nodes('.on-path').map((n) => n.data('name')));
  const pageBefore = await onPath();
  assert(pageBefore.length === pathBefore.length && pathBefore.every((name) => pageBefore.includes(name)),
    `members only on ${BEFORE}: the page's path should be the API's ${pathBefore.join(' ← ')}; it highlights ${pageBefore.join('، ')} (${await status().innerText()})`);
  const pathEdges = await page.evaluate(() => window.explorer.cy.edges('.on-path').map((e) => ({ type: e.data('type'), status: e.data('status') })));
  assert(pathEdges.every((e) => e.type !== 'MEMBER_OF' || e.status === 'MEMBER'), `a members-only path should have only MEMBER links: ${JSON.stringify(pathEdges)}`);
  step(`members only, as of ${BEFORE}: ${pathBefore.join(' ← ') || 'no path'}`);

  await page.locator('#as-of').fill(AFTER);
  await page.locator('#as-of').dispatchEvent('change');
  await idle();
  const joined = await scoEdges();
  assert(joined.length === 1 && joined[0].status === 'MEMBER' && joined[0].visible, `on ${AFTER} ${PATH_ENDS.from} should be drawn as a member of the SCO; drawn: ${JSON.stringify(joined)}`);
  assert(new URL(page.url()).searchParams.get('asOf') === AFTER, `the address should keep the status date: ${page.url()}`);
  await page.evaluate(({ from, to }) => window.explorer.setPath(from, to), { from: joiner.id, to: member.id });
  await idle();
  const pageAfter = await onPath();
  assert(pageAfter.length === pathAfter.length && pathAfter.every((name) => pageAfter.includes(name)),
    `members only on ${AFTER}: the page's path should be the API's ${pathAfter.join(' ← ')}; it highlights ${pageAfter.join('، ')} (${await status().innerText()})`);
  step(`members only, as of ${AFTER}: ${pathAfter.join(' ← ')}; the date is kept in the address`);

  assert(problems.length === 0, `the browser reported problems:\n  ${problems.join('\n  ')}`);
  step('no console errors');
  exitCode = 0;
} catch (error) {
  console.error(`explorer: FAILED: ${error.message}`);
  if (problems.length > 0) {
    console.error(`explorer: browser problems:\n  ${problems.join('\n  ')}`);
  }

  const path = screenshot ?? join(mkdtempSync(join(tmpdir(), 'newsgraph-explorer-failure-')), 'explorer.png');
  await page.screenshot({ path }).then(() => console.error(`explorer: screenshot: ${path}`), () => {});
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

process.exit(exitCode);
