// The live dashboard in headless Debian Chromium, against a server started with `newsgraph serve
// --samples` and an API key (or the test host): /dashboard redirects to /dashboard/; the totals, the
// timeline (with its undated bucket apart), the top speakers and most-met people, the latest
// statements (linking into the explorer) and the membership matrix are all non-empty; a range typed
// in the header changes the numbers and lands in the address and the explorer links; a range brushed
// on the timeline does the same; the membership matrix shows the one status each pair holds today
// (the API's `current`) and, with a date typed in «الحالة في تاريخ», the API's `asOf` answer on the
// day before and the day an SCO observer is reported a member (the samples: India, Iran, Pakistan on
// 2025-05-20), keeps the date in the address and shows a clicked pair's history; a deep link with a range and a date opens with both; an article ingested
// through the `ingestArticles` mutation reaches the page over the subscription, the totals grow and
// the conflicting statuses it asserts get the conflict colour with both statuses in the tooltip; and
// the browser logged no console error, page error or failed request along the way.
// Usage: node dashboard.mjs http://127.0.0.1:5123 [API_KEY] [screenshot.png]
//   (API_KEY default: $NEWSGRAPH_API_KEY, else live-test-key as tests/run-all.sh starts the server)
// On failure a screenshot is written to a temporary folder (printed); with a third argument the
// final state is always written there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, apiKey = process.env.NEWSGRAPH_API_KEY ?? 'live-test-key', screenshot] = process.argv.slice(2);
if (!base) {
  console.error('usage: node dashboard.mjs URL [API_KEY] [screenshot.png]   (URL: the server, e.g. http://127.0.0.1:5123)');
  process.exit(2);
}

const origin = new URL(base).origin;
const graphql = new URL('/graphql', base).toString();

const userDataDir = mkdtempSync(join(tmpdir(), 'newsgraph-dashboard-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  serviceWorkers: 'block',
  viewport: { width: 1440, height: 1000 },
  locale: 'ar',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
  // Leaving the page closes its WebSocket; that is not a failure.
  if (request.url().startsWith(origin) && request.failure()?.errorText !== 'net::ERR_ABORTED') {
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  }
});
page.on('response', (response) => {
  if (response.url().startsWith(origin) && response.status() >= 400) {
    problems.push(`HTTP ${response.status()} for ${response.url()}`);
  }
});

const step = (text) => console.log(`dashboard: ${text}`);
const settle = async () => {
  await page.waitForFunction(() => window.dashboard, null, { timeout: 30_000 });
  await page.evaluate(() => window.dashboard.idle());
};
const shown = () => page.evaluate(() => window.dashboard.shown());
const sum = (counts) => Object.values(counts).reduce((a, b) => a + b, 0);

function assert(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function post(query, variables) {
  const response = await fetch(graphql, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The SCO: some of its observers are later reported members (the samples: India, Iran, Pakistan on 2025-05-20; the test host's graph: India, Pakistan on 2017-06-09). */
const SCO = 'منظمة شنغهاي للتعاون';
/** A state no article places in the SCO, which the live article gives two statuses in it for the same date. */
const CONFLICTED = 'اليابان';
/** Index of «صفات متعارضة» in the matrix's colour scale (charts.mjs MATRIX_STATUSES: the four statuses, then it). */
const CONFLICT_COLOUR = 4;

/** What the API says each state holds in the SCO: as of `asOf`, or (null) its `current` memberships. */
async function scoStatuses(asOf) {
  const { data } = await post('query($name: String!, $asOf: Date) { organization(name: $name) { members(asOf: $asOf) { status current state { name } } } }', { name: SCO, asOf });
  const held = data.organization.members.filter((m) => asOf || m.current);
  return sortedPairs(held.map((m) => [m.state.name, m.status]));
}

const dayBefore = (day) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The first day on which an SCO observer is asserted a member, as the API decides it: the day before
 * and the day itself, what each holds, and the states that went from observer to member.
 */
async function scoTransition() {
  const { data } = await post('query($name: String!) { organization(name: $name) { members(status: MEMBER) { history { status date } } } }', { name: SCO });
  const days = [...new Set(data.organization.members
    .filter((m) => m.history.some((h) => h.status === 'OBSERVER'))
    .flatMap((m) => m.history.filter((h) => h.status === 'MEMBER' && h.date).map((h) => h.date)))].sort();
  for (const day of days) {
    const [expectedBefore, expectedAfter] = [await scoStatuses(dayBefore(day)), await scoStatuses(day)];
    const changed = Object.keys(expectedAfter).filter((state) => expectedBefore[state]?.join() === 'OBSERVER' && expectedAfter[state].join() === 'MEMBER');
    if (changed.length > 0) {
      return { before: dayBefore(day), after: day, expectedBefore, expectedAfter, changed };
    }
  }

  return null;
}

/** The matrix's SCO column as the page shows it. */
const shownScoStatuses = (shownState) => sortedPairs(shownState.matrix.pairs.filter((p) => p.organization === SCO).flatMap((p) => p.statuses.map((s) => [p.state, s])));

/** [state, status] pairs → { state: [statuses…] } with sorted keys and values, for comparing as JSON. */
function sortedPairs(pairs) {
  const byState = {};
  for (const [state, status] of pairs) {
    (byState[state] ??= []).push(status);
  }

  return Object.fromEntries(Object.keys(byState).sort().map((state) => [state, byState[state].sort()]));
}

/** Scrolls a matrix cell into view and returns its page point and the colour index it is drawn with. */
async function matrixCell(state, organization) {
  return page.evaluate(({ state, organization }) => {
    const chart = window.dashboard.charts.matrix;
    const option = chart.getOption();
    // Of the columns by that name (a graph may have two organizations named alike), the one with a cell in this row.
    const columns = option.xAxis[0].data.flatMap((name, i) => (name === organization ? [i] : []));
    const row = option.yAxis[0].data.indexOf(state);
    const drawn = option.series[0].data.find((d) => columns.includes(d[0]) && d[1] === row);
    const cell = [drawn?.[0] ?? columns[0], row];
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, cell);
    window.scrollTo(0, chart.getDom().getBoundingClientRect().top + window.scrollY + y - 300);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y, colour: drawn?.[2] ?? null };
  }, { state, organization });
}

/** Hovers a matrix cell and returns its tooltip's text. */
async function matrixTooltip(state, organization) {
  const cell = await matrixCell(state, organization);
  await page.mouse.move(cell.x, cell.y);
  await page.waitForFunction((name) => document.querySelector('#matrix .chart-tip')?.innerText.includes(name), state, { timeout: 5_000 });
  return page.locator('#matrix .chart-tip').innerText();
}

let exitCode = 1;
const articleKey = `https://example.org/dashboard-check/${Date.now()}`;
try {
  // 1. The page, through the redirect, with every part drawn.
  const response = await page.goto(new URL('/dashboard', base).toString(), { waitUntil: 'load' });
  assert(response?.ok(), `GET /dashboard answered ${response?.status()}`);
  assert(new URL(page.url()).pathname === '/dashboard/', `expected the redirect to /dashboard/, landed on ${page.url()}`);
  await settle();
  assert(await page.locator('html').getAttribute('dir') === 'rtl' && await page.locator('html').getAttribute('lang') === 'ar', 'the page should be Arabic, right to left');
  const all = await shown();
  // The API's own answers to compare with: the undated relations, and the first month with articles (the range below).
  const expected = (await post(`{ ${['MET', 'PHONED', 'STATED', 'MEMBER_OF', 'HOLDS_ROLE'].map((t) => `${t}: timeline(type: ${t}) { undated count }`).join(' ')} articles: timeline { start undated count } }`)).data;
  const undatedExpected = Object.entries(expected).filter(([key]) => key !== 'articles').reduce((total, [, buckets]) => total + buckets.filter((b) => b.undated).reduce((a, b) => a + b.count, 0), 0);
  const firstMonth = expected.articles.find((b) => !b.undated);
  const monthEnd = new Date(`${firstMonth.start}T00:00:00Z`);
  monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1, 0);
  const RANGE = { from: firstMonth.start, to: monthEnd.toISOString().slice(0, 10) };
  assert(all.totals.articles > 0 && sum(all.totals.relations) > 0, `the totals should count the samples: ${JSON.stringify(all.totals)}`);
  assert(all.timeline.months > 1 && all.timeline.dated > 0, `the timeline should have dated months: ${JSON.stringify(all.timeline)}`);
  assert(sum(all.timeline.undated) === undatedExpected && (await page.locator('#undated').innerText()).includes(undatedExpected > 0 ? 'بلا تاريخ' : 'كل العلاقات مؤرَّخة'),
    `the ${undatedExpected} undated relations should be counted apart: ${JSON.stringify(all.timeline.undated)}`);
  assert(all.speakers.length > 0 && all.met.length > 0, `the rankings should not be empty: ${JSON.stringify({ speakers: all.speakers, met: all.met })}`);
  assert(all.statements.shown.length > 0, 'the latest statements should be listed');
  assert(all.matrix.states > 0 && all.matrix.organizations > 0 && all.matrix.cells > 0 && all.matrix.statuses.length >= 2,
    `the membership matrix should have cells in more than one status: ${JSON.stringify(all.matrix)}`);
  for (const id of ['timeline', 'speakers', 'met', 'matrix']) {
    const drawn = await page.evaluate((chart) => {
      const canvas = document.querySelector(`#${chart} canvas`);
      return canvas ? { width: canvas.width, height: canvas.height } : null;
    }, id);
    assert(drawn && drawn.width > 100 && drawn.height > 100, `the ${id} chart should be drawn: ${JSON.stringify(drawn)}`);
  }

  const statementLink = await page.locator('#statements li a').first().getAttribute('href');
  assert(statementLink?.startsWith('/explorer/?id='), `a statement should link into the explorer, got ${statementLink}`);
  step(`all time: ${all.totals.articles} articles, ${all.timeline.months} months (${sum(all.timeline.undated)} relations undated), ${all.speakers.length} speakers, ${all.met.length} people who met, ${all.matrix.states}×${all.matrix.organizations} membership matrix today (${all.matrix.conflicts} pairs with conflicting statuses)`);

  // 2. A range typed in the header (the first month with articles): the numbers change, the address and the explorer links keep it.
  await page.waitForFunction(() => window.dashboard.isLive(), null, { timeout: 30_000 });
  await page.locator('#range-from').fill(RANGE.from);
  await page.locator('#range-to').fill(RANGE.to);
  await page.locator('#range button[type="submit"]').click();
  await settle();
  const ranged = await shown();
  assert(ranged.range.from === RANGE.from && ranged.range.to === RANGE.to, `the range should be ${JSON.stringify(RANGE)}, it is ${JSON.stringify(ranged.range)}`);
  assert(ranged.totals.articlesInRange === firstMonth.count && ranged.totals.articlesInRange < all.totals.articles,
    `${RANGE.from}…${RANGE.to} should hold ${firstMonth.count} of the ${all.totals.articles} articles; it shows ${ranged.totals.articlesInRange}`);
  assert(sum(ranged.totals.relationsInRange) > 0 && sum(ranged.totals.relationsInRange) < sum(all.totals.relationsInRange),
    `the relations in range should be fewer than all: ${JSON.stringify(ranged.totals.relationsInRange)}`);
  const speakersInRange = (await post('query($from: Date, $to: Date) { topEntities(kind: PERSON, by: STATEMENTS, first: 10, from: $from, to: $to, dateBasis: EVENT) { value entity { name } } }', RANGE)).data.topEntities;
  assert(JSON.stringify(ranged.speakers) === JSON.stringify(speakersInRange.map((r) => ({ name: r.entity.name, value: r.value }))),
    `the top speakers should be the range's: ${JSON.stringify(ranged.speakers)}`);
  assert(ranged.statements.total < all.statements.total, `the statements should follow the range: ${ranged.statements.total} of ${all.statements.total}`);
  const address = new URL(page.url()).searchParams;
  assert(address.get('from') === RANGE.from && address.get('to') === RANGE.to, `the address should keep the range: ${page.url()}`);
  const explorerLink = new URL(await page.locator('#explorer-link').getAttribute('href'), page.url()).searchParams;
  assert(explorerLink.get('from') === RANGE.from && explorerLink.get('to') === RANGE.to, 'the explorer link should carry the range');
  step(`range ${RANGE.from}…${RANGE.to}: ${ranged.totals.articlesInRange} articles, ${sum(ranged.totals.relationsInRange)} relations, ${ranged.statements.total} statements; kept in the address`);

  // 2b. The membership matrix: today's statuses (no date: the API's `current`), then the statuses held on a date typed in its picker.
  assert(all.asOf === null && JSON.stringify(shownScoStatuses(all)) === JSON.stringify(await scoStatuses(null)),
    `without a date the SCO's column should hold the API's current statuses ${JSON.stringify(await scoStatuses(null))}; it shows ${JSON.stringify(shownScoStatuses(all))}`);
  const transition = await scoTransition();
  assert(transition, 'the graph should have an SCO observer later asserted a member');
  const { before: BEFORE, after: AFTER, expectedBefore, expectedAfter, changed } = transition;
  for (const [date, expected] of [[BEFORE, expectedBefore], [AFTER, expectedAfter]]) {
    await page.locator('#as-of').fill(date);
    await page.locator('#matrix-as-of button[type="submit"]').click();
    await settle();
    const dated = await shown();
    assert(dated.asOf === date && dated.matrix.asOf === date && new URL(page.url()).searchParams.get('asOf') === date,
      `the matrix should be as of ${date}, kept in the address: ${JSON.stringify({ asOf: dated.asOf, address: page.url() })}`);
    assert(JSON.stringify(shownScoStatuses(dated)) === JSON.stringify(expected),
      `as of ${date} the SCO's column should be the API's ${JSON.stringify(expected)}; it shows ${JSON.stringify(shownScoStatuses(dated))}`);
    const tip = await matrixTooltip(changed[0], SCO);
    const label = expected[changed[0]][0] === 'MEMBER' ? 'عضو' : 'مراقب';
    assert(tip.includes(label) && !tip.includes('متعارضة'), `as of ${date} the tooltip of ${changed[0]} in the SCO should say «${label}»; it says "${tip}"`);
  }

  const matrixExplorerLink = new URL(await page.locator('#explorer-link').getAttribute('href'), page.url()).searchParams;
  assert(matrixExplorerLink.get('asOf') === AFTER, `the explorer link should carry the status date: ${JSON.stringify([...matrixExplorerLink])}`);
  step(`matrix as of ${BEFORE} → ${AFTER}: ${changed.join('، ')} from observer to member in the SCO, as the API says; the date kept in the address`);

  // A click on a cell lists that pair's history, as the API gives it.
  const clicked = await matrixCell(changed[0], SCO);
  await page.mouse.click(clicked.x, clicked.y);
  await page.waitForFunction((state) => window.dashboard.shown().history?.state === state, changed[0], { timeout: 10_000 });
  await settle();
  const { data: historyData } = await post('query($state: String!) { state(name: $state) { memberships(first: 100) { nodes { organization { name } history { status date conflict } } } } }',
    { state: changed[0] });
  const expectedHistory = historyData.state.memberships.nodes.find((m) => m.organization.name === SCO).history;
  const shownHistory = (await shown()).history;
  assert(JSON.stringify(shownHistory.assertions) === JSON.stringify(expectedHistory) && expectedHistory.some((a) => a.status === 'OBSERVER') && expectedHistory.some((a) => a.status === 'MEMBER'),
    `the history of ${changed[0]} in the SCO should be the API's ${JSON.stringify(expectedHistory)}; it shows ${JSON.stringify(shownHistory)}`);
  assert(await page.locator('#matrix-history li').count() === expectedHistory.length && (await page.locator('#matrix-history h3').innerText()).includes(changed[0]),
    'the history should be listed under the matrix, one line per assertion');
  step(`clicked ${changed[0]} × SCO: ${expectedHistory.map((a) => `${a.status} ${a.date ?? 'undated'}`).join(', ')}`);

  await page.locator('#as-of-today').click();
  await settle();
  assert((await shown()).asOf === null && !new URL(page.url()).searchParams.has('asOf'), `«اليوم» should drop the date from the address: ${page.url()}`);
  // Back to the top, where the timeline is, for the mouse.
  await page.evaluate(() => window.scrollTo(0, 0));

  // 3. A range brushed on the timeline with the mouse (from the whole period): whole months, into the address.
  await page.locator('#range-all').click();
  await settle();
  assert(!new URL(page.url()).searchParams.has('from'), `«كل الفترة» should drop the range from the address: ${page.url()}`);
  const box = await page.locator('#timeline').boundingBox();
  await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.5, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'), null, { timeout: 10_000 });
  await settle();
  const brushed = await shown();
  assert(/^\d{4}-\d{2}-01$/.test(brushed.range.from) && brushed.range.to > brushed.range.from, `the brush should pick whole months: ${JSON.stringify(brushed.range)}`);
  step(`brushed on the timeline: ${brushed.range.from}…${brushed.range.to}, ${brushed.totals.articlesInRange} articles`);

  // 4. A deep link with a range and a status date opens with both.
  await page.goto(new URL(`/dashboard/?from=${RANGE.from}&to=${RANGE.to}&asOf=${BEFORE}`, base).toString(), { waitUntil: 'load' });
  await settle();
  const linked = await shown();
  assert(await page.locator('#range-from').inputValue() === RANGE.from && linked.totals.articlesInRange === ranged.totals.articlesInRange,
    `the deep link should open ${RANGE.from}…${RANGE.to} again: ${JSON.stringify(linked.range)}, ${linked.totals.articlesInRange} articles`);
  assert(await page.locator('#as-of').inputValue() === BEFORE && JSON.stringify(shownScoStatuses(linked)) === JSON.stringify(expectedBefore),
    `the deep link should open the matrix as of ${BEFORE}: ${JSON.stringify(shownScoStatuses(linked))}`);
  step('deep link ?from=&to=&asOf= opens the same range and matrix date');

  // 5. News lands: an article ingested through the API reaches the page over the subscription.
  await page.waitForFunction(() => window.dashboard.isLive(), null, { timeout: 30_000 });
  const ingest = await post(
    'mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded results { error } } }',
    // Its last two sentences give CONFLICTED two statuses in the SCO for the article's date: a conflict.
    { input: [{ text: `موسكو-سانا\nقال ميخائيل بوغدانوف اليوم إن روسيا تدعم الحوار بين الأطراف السورية.\nيذكر ان ${SCO} تضم ${CONFLICTED} كعضو مراقب.\nوأوضح أن ${SCO} تضم روسيا والصين و${CONFLICTED} كعضو شريك في الحوار.`, title: 'dashboard check', url: articleKey, published: RANGE.from.replace(/01$/, '15'), source: 'سانا' }] });
  assert(ingest.data?.ingestArticles?.succeeded === 1, `the mutation did not ingest the article: ${JSON.stringify(ingest)}`);
  await page.waitForFunction((key) => window.dashboard.shown().lastEvent === key, articleKey, { timeout: 20_000 });
  await settle();
  const live = await shown();
  assert(live.liveEvents >= 1 && live.totals.articles === all.totals.articles + 1 && live.totals.articlesInRange === ranged.totals.articlesInRange + 1,
    `the page should count the new article (all: ${all.totals.articles} → ${live.totals.articles}, March: ${ranged.totals.articlesInRange} → ${live.totals.articlesInRange})`);
  assert((await page.locator('#live').innerText()).includes('dashboard check'), `the live indicator should name the article; it says "${await page.locator('#live').innerText()}"`);
  step(`live: articleIngested → ${live.totals.articles} articles (${live.totals.articlesInRange} in range)`);

  // 6. The conflict the article asserts, as the API decides it for the matrix's date: both statuses, the conflict colour, both in the tooltip.
  // Asked from the state's side: a graph may hold two organizations by the SCO's name (the test host's hand-made one and the extracted one).
  const { data: conflictData } = await post('query($state: String!, $asOf: Date) { state(name: $state) { memberships(first: 100, asOf: $asOf) { nodes { status organization { name } } } } }', { state: CONFLICTED, asOf: BEFORE });
  const conflictExpected = conflictData.state?.memberships.nodes.filter((m) => m.organization.name === SCO).map((m) => m.status).sort();
  assert(conflictExpected?.length === 2, `the API should hold two statuses of ${CONFLICTED} in the SCO as of ${BEFORE} after the article: ${JSON.stringify(conflictExpected)}`);
  assert(JSON.stringify(shownScoStatuses(live)[CONFLICTED]) === JSON.stringify(conflictExpected) && live.matrix.conflicts >= 1,
    `the matrix should show ${CONFLICTED}'s conflicting statuses ${JSON.stringify(conflictExpected)}; it shows ${JSON.stringify(shownScoStatuses(live)[CONFLICTED])}`);
  const conflictCell = await matrixCell(CONFLICTED, SCO);
  assert(conflictCell.colour === CONFLICT_COLOUR, `the conflict cell should get the conflict colour (${CONFLICT_COLOUR}); it is drawn with ${conflictCell.colour}`);
  const conflictTip = await matrixTooltip(CONFLICTED, SCO);
  assert(conflictTip.includes('صفات متعارضة') && conflictTip.includes('مراقب') && conflictTip.includes('شريك حوار'),
    `the conflict cell's tooltip should list both statuses; it says "${conflictTip}"`);
  step(`conflict: ${CONFLICTED} in the SCO as of ${BEFORE} → ${conflictExpected.join(' + ')}, its own colour, both in the tooltip`);

  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
  }

  assert(problems.length === 0, `the browser reported problems:\n  ${problems.join('\n  ')}`);
  step('no console errors');
  exitCode = 0;
} catch (error) {
  console.error(`dashboard: FAILED: ${error.message}`);
  if (problems.length > 0) {
    console.error(`dashboard: browser problems:\n  ${problems.join('\n  ')}`);
  }

  const path = screenshot ?? join(mkdtempSync(join(tmpdir(), 'newsgraph-dashboard-failure-')), 'dashboard.png');
  await page.screenshot({ path, fullPage: true }).then(() => console.error(`dashboard: screenshot: ${path}`), () => {});
} finally {
  // Leave the server's graph as it was.
  await post('mutation($keys: [String!]!) { removeArticles(keys: $keys) { removed } }', { keys: [articleKey] }).catch(() => {});
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

process.exit(exitCode);
