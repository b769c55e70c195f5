// The live dashboard: totals, a monthly timeline by relation type with a range brush, the top
// speakers and most-met people, the latest statements and the membership matrix — all from the
// public GraphQL API (queries.mjs), refreshed when `articleIngested` says news has landed.
// The range and the matrix's date live in the address (?from=&to=&asOf=), so a link opens the same view. `window.dashboard`
// is a small handle for tests (tests/web/dashboard.mjs) and the console.
import { execute } from '../explorer/graphql.mjs';
import { KINDS, RELATIONS, STATUSES, formatDate, formatNumber } from '../explorer/labels.mjs';
import { h } from '../explorer/panels.mjs';
import { showFailure, showStatus } from '../explorer/status-line.mjs';
import { createChart, matrixOption, rankingOption, timelineOption } from './charts.mjs';
import { subscribe } from './live.mjs';
import { ARTICLE_INGESTED, MEMBERSHIP_HISTORY, MEMBERSHIPS, PEOPLE, STATEMENTS, TIMELINE, TIMELINE_IN_RANGE, TOTALS } from './queries.mjs';

const $ = (id) => document.getElementById(id);
const ui = {
  range: $('range'),
  from: $('range-from'),
  to: $('range-to'),
  all: $('range-all'),
  rangeLabel: $('range-label'),
  live: $('live'),
  explorerLink: $('explorer-link'),
  totals: $('totals'),
  entities: $('entities'),
  undated: $('undated'),
  statements: $('statements'),
  asOfForm: $('matrix-as-of'),
  asOf: $('as-of'),
  asOfToday: $('as-of-today'),
  asOfLabel: $('as-of-label'),
  history: $('matrix-history'),
  status: $('status'),
};
const charts = {
  timeline: createChart($('timeline')),
  speakers: createChart($('speakers')),
  met: createChart($('met')),
  matrix: createChart($('matrix')),
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Refreshes after a burst of ingested articles wait this long for the burst to end. */
const LIVE_DEBOUNCE_MS = 400;

const state = {
  from: null,
  to: null,
  /** The matrix's date (yyyy-MM-dd); null for today. */
  asOf: null,
  /** Bumped by every change of the matrix's date, so answers for an older date are dropped. */
  matrixGeneration: 0,
  /** The timeline's month starts (yyyy-MM-01), oldest first: brush indexes map to these. */
  months: [],
  /** What the page shows, as numbers (read by tests). */
  shown: {},
  pending: 0,
  /** Bumped by every range change, so answers for an older range are dropped. */
  generation: 0,
  liveEvents: 0,
};

// ---- small helpers -------------------------------------------------------------------------

function setStatus(text, level = 'info') {
  showStatus(ui.status, text, level);
}

function showError(error, what) {
  showFailure(ui.status, error, what);
}

const idleWaiters = [];
function begin() {
  state.pending++;
  document.body.dataset.busy = 'true';
}

function end() {
  state.pending--;
  if (state.pending === 0) {
    document.body.dataset.busy = 'false';
    idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/** Runs `work` counted as pending, so tests know when the page has settled. */
async function track(work) {
  begin();
  try {
    return await work();
  } finally {
    end();
  }
}

const rangeVariables = () => ({ from: state.from, to: state.to });
/** What the address keeps: the range and the matrix's date. */
const addressVariables = () => ({ ...rangeVariables(), asOf: state.asOf });

/** Writes the range and the matrix's date to the address (a new history entry when `push`). */
function writeAddress(push) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(addressVariables())) {
    if (value) {
      url.searchParams.set(key, value);
    } else {
      url.searchParams.delete(key);
    }
  }

  if (url.href !== location.href) {
    history[push ? 'pushState' : 'replaceState']({}, '', url);
  }
}

/** A link into the explorer that opens `id` and keeps the range and the date statuses are read at. */
function explorerHref(id) {
  const url = new URL('../explorer/', document.baseURI);
  if (id) {
    url.searchParams.set('id', id);
  }

  for (const [key, value] of Object.entries(addressVariables())) {
    if (value) {
      url.searchParams.set(key, value);
    }
  }

  return url.pathname + url.search;
}

function rangeText() {
  if (!state.from && !state.to) {
    return '(كل الفترة)';
  }

  return `(${state.from ? `من ${formatDate(state.from)}` : ''}${state.from && state.to ? ' ' : ''}${state.to ? `إلى ${formatDate(state.to)}` : ''})`;
}

// ---- the range -----------------------------------------------------------------------------

/** The range and the matrix's date in the address; malformed values are ignored. */
function readAddress() {
  const params = new URL(location.href).searchParams;
  const valid = (value) => (value && DATE.test(value) ? value : null);
  return { from: valid(params.get('from')), to: valid(params.get('to')), asOf: valid(params.get('asOf')) };
}

/** Sets the range, writes it to the address (a new history entry when `push`) and reloads what depends on it. */
async function setRange(from, to, { push = true } = {}) {
  if (from && to && from > to) {
    [from, to] = [to, from];
  }

  state.from = from || null;
  state.to = to || null;
  ui.from.value = state.from ?? '';
  ui.to.value = state.to ?? '';
  ui.rangeLabel.textContent = rangeText();
  ui.explorerLink.href = explorerHref(null);
  writeAddress(push);
  showBrush();
  await loadRanged();
}

/** Sets the date the matrix reads statuses at (null: today), writes it to the address and reloads the matrix. */
async function setAsOf(asOf, { push = true } = {}) {
  state.asOf = asOf && DATE.test(asOf) ? asOf : null;
  showAsOf();
  writeAddress(push);
  await loadMemberships();
}

function showAsOf() {
  ui.asOf.value = state.asOf ?? '';
  ui.asOfLabel.textContent = state.asOf ? `(في ${formatDate(state.asOf)})` : '(اليوم)';
  ui.explorerLink.href = explorerHref(null);
}

/** The brushed months (indexes into state.months) → the range from the first month's first day to the last month's last day. */
function rangeOfMonths(first, last) {
  const start = state.months[Math.max(0, Math.min(first, last))];
  const end = state.months[Math.min(state.months.length - 1, Math.max(first, last))];
  const next = new Date(`${end}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  next.setUTCDate(0);
  return { from: start, to: next.toISOString().slice(0, 10) };
}

/** Draws the current range on the timeline as the brush area (months that overlap it). */
function showBrush() {
  if (state.months.length === 0) {
    return;
  }

  if (!state.from && !state.to) {
    charts.timeline.dispatchAction({ type: 'brush', areas: [] });
    return;
  }

  const monthOf = (date) => `${date.slice(0, 7)}-01`;
  const inside = state.months
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => (!state.from || m >= monthOf(state.from)) && (!state.to || m <= monthOf(state.to)));
  charts.timeline.dispatchAction({
    type: 'brush',
    areas: inside.length === 0 ? [] : [{ brushType: 'lineX', xAxisIndex: 0, coordRange: [inside[0].i, inside.at(-1).i] }],
  });
}

// ---- loading -------------------------------------------------------------------------------

/** Everything: the all-time timeline and the membership matrix, then the parts that follow the range. */
async function loadAll() {
  await Promise.all([loadTimeline(), loadMemberships(), loadRanged()]);
}

async function loadRanged() {
  const generation = ++state.generation;
  const variables = rangeVariables();
  await track(async () => {
    try {
      const [totals, inRange, people, statements] = await Promise.all([
        execute(TOTALS, variables),
        execute(TIMELINE_IN_RANGE, variables),
        execute(PEOPLE, variables),
        execute(STATEMENTS, variables),
      ]);
      if (generation !== state.generation) {
        return;
      }

      renderTotals(totals, inRange);
      renderRanking(charts.speakers, 'speakers', people.speakers, { color: RELATIONS.STATED.color, unit: 'تصريح' });
      renderRanking(charts.met, 'met', people.met, { color: RELATIONS.MET.color, unit: 'لقاء' });
      renderStatements(statements.statements);
      setStatus(`حُدِّثت اللوحة ${rangeText()}.`);
    } catch (error) {
      showError(error, 'تحميل اللوحة');
    }
  });
}

async function loadTimeline() {
  await track(async () => {
    try {
      renderTimeline(await execute(TIMELINE));
      showBrush();
    } catch (error) {
      showError(error, 'تحميل الخط الزمني');
    }
  });
}

async function loadMemberships() {
  const generation = ++state.matrixGeneration;
  const asOf = state.asOf;
  await track(async () => {
    try {
      const memberships = [];
      let after = null;
      do {
        const { memberships: page } = await execute(MEMBERSHIPS, { after, asOf });
        memberships.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      if (generation !== state.matrixGeneration) {
        return;
      }

      // With a date the API returns only what held then; without one, every status ever asserted, of which `current` held today.
      renderMatrix(asOf ? memberships : memberships.filter((m) => m.current));
    } catch (error) {
      showError(error, 'تحميل العضويات');
    }
  });
}

async function loadHistory(pair) {
  await track(async () => {
    try {
      const { memberships } = await execute(MEMBERSHIP_HISTORY, { state: pair.state.id, organization: pair.organization.id });
      renderHistory(pair, memberships.nodes[0]?.history ?? []);
    } catch (error) {
      showError(error, 'تحميل تاريخ العضوية');
    }
  });
}

// ---- rendering -----------------------------------------------------------------------------

const sum = (buckets) => buckets.reduce((total, b) => total + b.count, 0);

function tile(label, value, all, color, note = null) {
  const element = h('div', { className: 'tile' },
    h('span', { className: 'label' }, label),
    h('span', { className: 'value' }, formatNumber(value)),
    all === null ? null : h('span', { className: 'all' }, `من أصل ${formatNumber(all)}`),
    note === null ? null : h('span', { className: 'all' }, note));
  if (color) {
    element.style.setProperty('--c', color);
  }

  return element;
}

function renderTotals(totals, inRange) {
  const { stats, articlesInRange } = totals;
  const ranged = Boolean(state.from || state.to);

  // Relations once per story, as the timeline and the rankings count them (reprints are provenance).
  const relationTotals = Object.fromEntries(Object.keys(RELATIONS).map((type) => [type, sum(totals[type])]));
  const relationsInRange = Object.fromEntries(Object.keys(RELATIONS).map((type) => [type, ranged ? sum(inRange[type]) : relationTotals[type]]));
  const articles = ranged ? articlesInRange.totalCount : stats.articles;
  const reprints = !ranged && stats.reprints > 0 ? `منها ${formatNumber(stats.reprints)} نسخة معاد نشرها` : null;
  ui.totals.replaceChildren(
    tile('المقالات', articles, ranged ? stats.articles : null, undefined, reprints),
    ...Object.entries(RELATIONS).map(([type, { label, color }]) =>
      tile(label, relationsInRange[type], ranged ? relationTotals[type] ?? 0 : null, color)));
  ui.entities.replaceChildren(
    ...stats.entities.filter((e) => KINDS[e.kind]).map((e) => tile(KINDS[e.kind].plural, e.count, null, KINDS[e.kind].color)));
  state.shown.totals = { articles: stats.articles, reprints: stats.reprints, articlesInRange: articles, relations: relationTotals, relationsInRange };
}

function renderTimeline(timeline) {
  const starts = new Set();
  for (const type of Object.keys(RELATIONS)) {
    timeline[type].filter((b) => !b.undated).forEach((b) => starts.add(b.start));
  }

  state.months = [...starts].sort();
  const counts = {};
  const undated = {};
  for (const type of Object.keys(RELATIONS)) {
    const byStart = new Map(timeline[type].filter((b) => !b.undated).map((b) => [b.start, b.count]));
    counts[type] = state.months.map((m) => byStart.get(m) ?? 0);
    undated[type] = timeline[type].find((b) => b.undated)?.count ?? 0;
  }

  charts.timeline.setOption(timelineOption(state.months, counts), { notMerge: true });
  charts.timeline.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  const undatedTypes = Object.entries(undated).filter(([, count]) => count > 0);
  ui.undated.replaceChildren(...(undatedTypes.length === 0
    ? ['كل العلاقات مؤرَّخة.']
    : ['بلا تاريخ (خارج الخط الزمني، ولا تدخل في أي فترة): ',
      ...undatedTypes.flatMap(([type, count], i) => [i > 0 ? '، ' : '', `${RELATIONS[type].label} `, h('span', { className: 'count' }, formatNumber(count))])]));
  state.shown.timeline = { months: state.months.length, dated: Object.values(counts).flat().reduce((a, b) => a + b, 0), undated };
}

function renderRanking(chart, key, ranked, options) {
  chart.setOption(rankingOption(ranked, options), { notMerge: true });
  chart.getDom().dataset.empty = String(ranked.length === 0);
  chart.setOption({ graphic: ranked.length === 0 ? [{ type: 'text', left: 'center', top: 'middle', style: { text: 'لا شيء في هذه الفترة', fill: '#5f6b76', font: '14px sans-serif' } }] : [] });
  state.shown[key] = ranked.map((r) => ({ name: r.entity.name, value: r.value }));
}

function renderStatements({ totalCount, nodes }) {
  ui.statements.replaceChildren(...(nodes.length === 0
    ? [h('li', { className: 'empty-note' }, 'لا تصريحات في هذه الفترة.')]
    : nodes.map((s) => h('li', { dataset: { id: s.id } },
      h('span', { className: 'meta' },
        h('a', { href: explorerHref(s.speaker.id) }, s.speaker.name),
        ` ${s.verb ?? ''} · ${s.date ? formatDate(s.date) : 'بلا تاريخ'}`,
        s.article?.url ? h('span', {}, ' · ', h('a', { href: s.article.url, target: '_blank', rel: 'noopener noreferrer' }, s.article.source ?? 'المصدر')) : null),
      h('a', { className: 'text', href: explorerHref(s.claim?.id ?? s.speaker.id), dir: 'auto' }, s.text)))));
  state.shown.statements = { total: totalCount, shown: nodes.map((s) => s.id) };
}

/**
 * One cell per (state, organization) pair with a status held on the matrix's date. Several statuses
 * held at once are a conflict (asserted for the same deciding date): the cell lists them all.
 */
function renderMatrix(memberships) {
  const states = new Map();
  const organizations = new Map();
  const pairs = new Map();
  for (const m of memberships) {
    states.set(m.state.id, m.state);
    organizations.set(m.organization.id, m.organization);
    const key = `${m.state.id} ${m.organization.id}`;
    const pair = pairs.get(key) ?? { state: m.state, organization: m.organization, statuses: [] };
    for (const status of [m.status, ...m.conflictsWith.map((c) => c.status)]) {
      if (!pair.statuses.includes(status)) {
        pair.statuses.push(status);
      }
    }

    pairs.set(key, pair);
  }

  const byName = (a, b) => a.name.localeCompare(b.name, 'ar');
  const stateList = [...states.values()].sort(byName);
  const organizationList = [...organizations.values()].sort(byName);
  const stateIndex = new Map(stateList.map((s, i) => [s.id, i]));
  const organizationIndex = new Map(organizationList.map((o, i) => [o.id, i]));
  const statusOrder = Object.keys(STATUSES);
  const pairList = [...pairs.values()];
  pairList.forEach((p) => p.statuses.sort((a, b) => statusOrder.indexOf(a) - statusOrder.indexOf(b)));
  const cells = pairList.map((p) => ({ state: stateIndex.get(p.state.id), organization: organizationIndex.get(p.organization.id), statuses: p.statuses }));
  const dom = charts.matrix.getDom();
  dom.style.height = `${140 + 22 * Math.max(1, stateList.length)}px`;
  charts.matrix.resize();
  charts.matrix.setOption(matrixOption(stateList, organizationList, cells), { notMerge: true });
  charts.matrix.setOption({ graphic: cells.length === 0 ? [{ type: 'text', left: 'center', top: 'middle', style: { text: 'لا عضوية معروفة في هذا التاريخ', fill: '#5f6b76', font: '14px sans-serif' } }] : [] });
  charts.matrix.off('click');
  charts.matrix.on('click', (params) => {
    const pair = pairList[params.dataIndex];
    if (pair) {
      void loadHistory(pair);
    }
  });
  state.shown.matrix = {
    asOf: state.asOf,
    states: stateList.length,
    organizations: organizationList.length,
    cells: cells.length,
    conflicts: cells.filter((c) => c.statuses.length > 1).length,
    statuses: [...new Set(pairList.flatMap((p) => p.statuses))],
    pairs: pairList.map((p) => ({ state: p.state.name, organization: p.organization.name, statuses: p.statuses })),
  };
}

const DATE_SOURCES = { SENTENCE: 'من الجملة', ARTICLE: 'تاريخ المقال' };

/** A pair's history under the matrix: each asserted status with its date and article, oldest first. */
function renderHistory(pair, assertions) {
  const dateOf = (a) => (a.date ? `${formatDate(a.date)} (${DATE_SOURCES[a.dateSource] ?? a.dateSource})` : 'بلا تاريخ');
  const statusBadge = (status) => {
    const badge = h('span', { className: 'status-badge' }, STATUSES[status]?.label ?? status);
    badge.style.setProperty('--c', STATUSES[status]?.color ?? '#5f6b76');
    return badge;
  };
  ui.history.hidden = false;
  ui.history.replaceChildren(
    h('h3', {}, `تاريخ عضوية ${pair.state.name} في ${pair.organization.name}`),
    h('p', { className: 'hint' },
      'كل صفة ذكرتها الأخبار وتاريخها؛ الأحدث حتى التاريخ المختار هو ما يسري. ',
      h('a', { href: explorerHref(pair.organization.id) }, 'فتح المنظمة في المستكشف')),
    assertions.length === 0
      ? h('p', { className: 'empty-note' }, 'لا تاريخ لهذه العضوية.')
      : h('ol', { className: 'history' }, ...assertions.map((a) => h('li', { dataset: { status: a.status } },
        statusBadge(a.status),
        h('span', { className: 'date' }, dateOf(a)),
        a.conflict ? h('span', { className: 'conflict' }, 'تعارضها صفة أخرى في التاريخ نفسه') : null,
        h('span', { className: 'source' }, ' · ',
          a.article.url
            ? h('a', { href: a.article.url, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, a.article.title ?? a.article.source ?? 'المقال')
            : h('span', { dir: 'auto' }, a.article.title ?? a.article.source ?? 'المقال'))))));
  // The matrix is taller than a screen: bring the list to the reader who clicked far from it.
  ui.history.scrollIntoView({ block: 'nearest' });
  state.shown.history = { state: pair.state.name, organization: pair.organization.name, assertions: assertions.map((a) => ({ status: a.status, date: a.date, conflict: a.conflict })) };
}

// ---- live updates --------------------------------------------------------------------------

let refresh;
function onArticleIngested({ articleIngested: event }) {
  state.liveEvents++;
  ui.live.textContent = `وصل: ${event.title ?? event.articleKey}`;
  ui.live.classList.add('flash');
  if (refresh === undefined) {
    // Counted as pending from the first event of a burst on, so a test waiting for idle sees the refreshed page.
    begin();
  }

  clearTimeout(refresh);
  refresh = setTimeout(async () => {
    refresh = undefined;
    try {
      await loadAll();
      state.shown.lastEvent = event.articleKey;
    } finally {
      ui.live.classList.remove('flash');
      end();
    }
  }, LIVE_DEBOUNCE_MS);
}

function onLiveState(connection, detail) {
  ui.live.dataset.state = connection;
  if (connection === 'live') {
    ui.live.textContent = 'مباشر';
  } else if (connection === 'connecting') {
    ui.live.textContent = 'جارٍ الاتصال…';
  } else {
    ui.live.textContent = 'غير متصل';
    ui.live.title = detail ?? '';
  }
}

// ---- wiring --------------------------------------------------------------------------------

function init() {
  ui.range.addEventListener('submit', (event) => {
    event.preventDefault();
    void setRange(ui.from.value, ui.to.value);
  });
  ui.all.addEventListener('click', () => void setRange(null, null));
  ui.asOfForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void setAsOf(ui.asOf.value || null);
  });
  ui.asOfToday.addEventListener('click', () => void setAsOf(null));
  charts.timeline.on('brushEnd', (params) => {
    const area = params.areas?.[0];
    if (!area) {
      void setRange(null, null);
      return;
    }

    const { from, to } = rangeOfMonths(area.coordRange[0], area.coordRange[1]);
    void setRange(from, to);
  });
  const openInExplorer = (params) => {
    if (params.data?.id) {
      location.href = explorerHref(params.data.id);
    }
  };
  charts.speakers.on('click', openInExplorer);
  charts.met.on('click', openInExplorer);
  window.addEventListener('popstate', () => {
    const { from, to, asOf } = readAddress();
    if (asOf !== state.asOf) {
      state.asOf = asOf;
      showAsOf();
      void loadMemberships();
    }

    void setRange(from, to, { push: false });
  });

  const { from, to, asOf } = readAddress();
  state.from = from;
  state.to = to;
  state.asOf = asOf;
  showAsOf();
  ui.from.value = from ?? '';
  ui.to.value = to ?? '';
  ui.rangeLabel.textContent = rangeText();
  ui.explorerLink.href = explorerHref(null);
  subscribe(ARTICLE_INGESTED, { onEvent: onArticleIngested, onState: onLiveState });
  void loadAll();
}

/** For tests and the console; not an API. */
window.dashboard = {
  setRange: (from, to) => setRange(from, to),
  setAsOf: (asOf) => setAsOf(asOf),
  idle: () => (state.pending === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  isLive: () => ui.live.dataset.state === 'live',
  shown: () => structuredClone({ ...state.shown, range: rangeVariables(), asOf: state.asOf, liveEvents: state.liveEvents }),
  charts,
};

init();
