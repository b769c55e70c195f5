// The explorer page: search → focus a node → expand, filter, follow provenance, find paths.
// Everything the page knows comes from /graphql; `window.explorer` is a small handle for tests
// (tests/web/explorer.mjs) and for poking at the graph from the console.
import { GraphView } from './graph-view.mjs';
import {
  ENDPOINT, execute, nodeQueryText,
  NEIGHBORHOOD, NODE_DETAILS, RELATION_DETAILS, SEARCH, SHORTEST_PATH,
} from './graphql.mjs';
import { KINDS, RELATIONS, STATUSES, formatDate, formatNumber, kindLabel } from './labels.mjs';
import { badge, h, renderLegend, renderMessage, renderNode, renderRelation } from './panels.mjs';
import { showFailure, showStatus } from './status-line.mjs';

const $ = (id) => document.getElementById(id);
const ui = {
  form: $('search-form'),
  text: $('search-text'),
  kind: $('search-kind'),
  resultsSection: $('results-section'),
  results: $('results'),
  filters: $('relation-filters'),
  statusFilters: $('status-filters'),
  dateForm: $('date-range'),
  dateFrom: $('date-from'),
  dateTo: $('date-to'),
  dateUndated: $('date-undated'),
  dateClear: $('date-clear'),
  asOfForm: $('as-of-form'),
  asOf: $('as-of'),
  depth: $('depth'),
  limit: $('limit'),
  pathFrom: $('path-from'),
  pathTo: $('path-to'),
  maxHops: $('max-hops'),
  pathRun: $('path-run'),
  pathClear: $('path-clear'),
  legend: $('legend'),
  fit: $('fit'),
  relayout: $('relayout'),
  clear: $('clear'),
  counts: $('counts'),
  graph: $('graph'),
  empty: $('empty'),
  details: $('details'),
  status: $('status'),
};

const SEARCH_SIZE = 15;
const view = new GraphView(ui.graph);
const state = {
  rootId: null,
  /** Bumped by every focus/clear, so answers to older requests are dropped. */
  generation: 0,
  expanding: new Set(),
  pathFrom: null,
  pathTo: null,
  pending: 0,
  layouts: 0,
  searchAbort: null,
  detailsToken: 0,
};

// ---- status line and busy tracking ---------------------------------------------------------

function setStatus(text, level = 'info') {
  showStatus(ui.status, text, level);
}

function showError(error, what) {
  showFailure(ui.status, error, what);
}

const idleWaiters = [];
function settle() {
  const busy = state.pending > 0 || state.layouts > 0;
  document.body.dataset.busy = String(busy);
  if (!busy) {
    idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/** Runs `work` counted as pending, so tests (and the cursor) know when the page is idle. */
async function track(work) {
  state.pending++;
  settle();
  try {
    return await work();
  } finally {
    state.pending--;
    settle();
  }
}

async function relayout(options) {
  state.layouts++;
  settle();
  try {
    await view.layout(options);
  } finally {
    state.layouts--;
    updateCounts();
    settle();
  }
}

function updateCounts() {
  const c = view.counts();
  ui.empty.hidden = c.nodes > 0;
  const hidden = c.nodes - c.visibleNodes + (c.edges - c.visibleEdges);
  ui.counts.textContent = c.nodes === 0
    ? ''
    : `العقد: ${formatNumber(c.visibleNodes)} · العلاقات: ${formatNumber(c.visibleEdges)}` + (hidden > 0 ? ` · مخفي بالمرشحات: ${formatNumber(hidden)}` : '');
}

// ---- relation filters --------------------------------------------------------------------

function checkedTypes() {
  return [...ui.filters.querySelectorAll('input:checked')].map((input) => input.value);
}

/** The `relationTypes` argument: null (all) when every type is checked. */
function typesArgument() {
  const types = checkedTypes();
  return types.length === Object.keys(RELATIONS).length ? null : types;
}

function checkedStatuses() {
  return [...ui.statusFilters.querySelectorAll('input:checked')].map((input) => input.value);
}

/** The `statuses` argument: null (all) when every status is checked; an empty list keeps no membership at all. */
function statusesArgument() {
  const statuses = checkedStatuses();
  return statuses.length === Object.keys(STATUSES).length ? null : statuses;
}

/** What the server should leave out beyond the types: memberships by status, and what did not hold on the chosen date. */
const relationArguments = () => ({ types: typesArgument(), statuses: statusesArgument(), asOf: ui.asOf.value || null });

/** Words for the status line when the server-side filters narrowed an answer. */
function restrictionNote() {
  const notes = [];
  if (typesArgument()) {
    notes.push('بالعلاقات المختارة فقط');
  }

  if (statusesArgument()) {
    notes.push('بصفات العضوية المختارة فقط');
  }

  if (ui.asOf.value) {
    notes.push(`بما كان ساريًا في ${formatDate(ui.asOf.value)}`);
  }

  return notes.join('، ');
}

function buildFilters() {
  for (const [type, { label, color, directed }] of Object.entries(RELATIONS)) {
    const line = h('span', { className: directed ? 'line directed' : 'line' });
    line.style.setProperty('--c', color);
    ui.filters.append(h('label', { className: 'filter' },
      h('input', { type: 'checkbox', value: type, checked: true, onchange: onFilterChange }),
      line, label, h('span', { className: 'muted type-code' }, type)));
  }
}

/** One checkbox per MEMBER_OF status, drawn with the status's own colour and line style. */
function buildStatusFilters() {
  for (const [status, { label, color, line }] of Object.entries(STATUSES)) {
    const sample = h('span', { className: `line directed ${line}` });
    sample.style.setProperty('--c', color);
    ui.statusFilters.append(h('label', { className: 'filter' },
      h('input', { type: 'checkbox', value: status, checked: true, onchange: onStatusFilterChange }),
      sample, label, h('span', { className: 'muted type-code' }, status)));
  }
}

function onStatusFilterChange() {
  const hidden = Object.keys(STATUSES).filter((s) => !checkedStatuses().includes(s));
  view.setHiddenStatuses(hidden);
  updateCounts();
  setStatus(hidden.length === 0 ? 'كل صفات العضوية معروضة.' : `أُخفيت صفات العضوية: ${hidden.map((s) => STATUSES[s].label).join('، ')}.`);
}

function onFilterChange() {
  const hidden = Object.keys(RELATIONS).filter((t) => !checkedTypes().includes(t));
  view.setHiddenTypes(hidden);
  updateCounts();
  setStatus(hidden.length === 0 ? 'كل أنواع العلاقات معروضة.' : `أُخفيت: ${hidden.map((t) => RELATIONS[t].label).join('، ')}.`);
}

// ---- date range ----------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The range and the status date in the address (?from=&to=&asOf=, as the dashboard links here); malformed values are ignored. */
function readDateRange() {
  const params = new URL(location.href).searchParams;
  const valid = (value) => (value && DATE.test(value) ? value : '');
  return { from: valid(params.get('from')), to: valid(params.get('to')), asOf: valid(params.get('asOf')) };
}

/** Keeps these values in the address (replacing the entry: filters are not navigation). */
function writeAddress(values) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(values)) {
    if (value) {
      url.searchParams.set(key, value);
    } else {
      url.searchParams.delete(key);
    }
  }

  if (url.href !== location.href) {
    history.replaceState(history.state, '', url);
  }
}

/** Applies the sidebar's range to the canvas and keeps it in the address, so links and reloads keep it. */
function onDateRangeChange({ announce = true } = {}) {
  let from = ui.dateFrom.value || null;
  let to = ui.dateTo.value || null;
  if (from && to && from > to) {
    [from, to] = [to, from];
    ui.dateFrom.value = from;
    ui.dateTo.value = to;
  }

  view.setDateRange({ from, to, undated: ui.dateUndated.checked });
  writeAddress({ from, to });
  updateCounts();
  if (announce) {
    setStatus(!from && !to
      ? 'كل العلاقات معروضة أيًّا كان تاريخها.'
      : `العلاقات ${from ? `من ${formatDate(from)} ` : ''}${to ? `إلى ${formatDate(to)}` : ''}${ui.dateUndated.checked ? ' ومعها غير المؤرَّخة' : ''} فقط.`);
  }
}

function setDateInputs({ from, to }) {
  ui.dateFrom.value = from ?? '';
  ui.dateTo.value = to ?? '';
}

/**
 * The status date decides which memberships and roles the server returns, so the drawn graph can
 * only follow it by asking again: the focused node's neighbourhood is fetched anew.
 */
async function onAsOfChange() {
  const asOf = ui.asOf.value || null;
  writeAddress({ asOf });
  if (state.rootId) {
    await focusNode(state.rootId, { push: false });
  }

  setStatus(asOf
    ? `العضويات والمناصب السارية في ${formatDate(asOf)} فقط.${state.rootId ? ' أُعيد تحميل الجوار.' : ''}`
    : 'كل العضويات والمناصب التي ذكرتها الأخبار.');
}

// ---- search ------------------------------------------------------------------------------

async function runSearch(text, kind = ui.kind.value) {
  text = text.trim();
  if (!text) {
    return [];
  }

  state.searchAbort?.abort();
  const abort = new AbortController();
  state.searchAbort = abort;
  setStatus(`جارٍ البحث عن «${text}»…`);
  return track(async () => {
    try {
      const data = await execute(SEARCH, { text, kinds: kind ? [kind] : null, first: SEARCH_SIZE }, { signal: abort.signal });
      renderResults(data.search, text);
      return data.search;
    } catch (error) {
      if (error.name !== 'AbortError') {
        showError(error, 'البحث');
      }

      return [];
    }
  });
}

function renderResults(results, text) {
  ui.resultsSection.hidden = false;
  if (results.length === 0) {
    ui.results.replaceChildren(h('li', { className: 'muted' }, `لا نتائج لـ«${text}».`));
    setStatus(`لا نتائج لـ«${text}».`, 'warn');
    return;
  }

  ui.results.replaceChildren(...results.map((node) =>
    h('li', {},
      h('button', { type: 'button', className: 'result', dataset: { id: node.id }, onclick: () => focusNode(node.id) },
        badge(node.kind),
        h('span', { className: 'name', dir: 'auto' }, node.name),
        h('span', { className: 'muted mentions', title: 'عدد الإشارات' }, formatNumber(node.mentionCount)),
        node.titles?.length ? h('span', { className: 'muted subtitle', dir: 'auto' }, node.titles[0]) : null))));
  setStatus(`نتائج «${text}»: ${formatNumber(results.length)}${results.length === SEARCH_SIZE ? ' (أولها فقط)' : ''}. اختر واحدة لرسم علاقاتها.`);
}

// ---- neighbourhoods ----------------------------------------------------------------------

async function fetchNeighborhood(id, depth) {
  const first = Number(ui.limit.value);
  const data = await execute(NEIGHBORHOOD, { id, depth, ...relationArguments(), first });
  return { neighborhood: data.neighborhood, first };
}

function truncationNote(neighborhood, first) {
  return neighborhood.truncated
    ? ` الجوار أكبر من الحد: عُرضت أول ${formatNumber(first)} عقدة فقط — ارفع «أقصى عدد للعقد» أو قلّل أنواع العلاقات.`
    : '';
}

/** Replaces the graph with the neighbourhood of `id` (depth from the sidebar) and selects it. */
async function focusNode(id, { push = true } = {}) {
  const generation = ++state.generation;
  const depth = Number(ui.depth.value);
  if (checkedTypes().length === 0) {
    setStatus('اختر نوع علاقة واحدًا على الأقل.', 'warn');
    return;
  }

  setStatus('جارٍ تحميل الجوار…');
  await track(async () => {
    let result;
    try {
      result = await fetchNeighborhood(id, depth);
    } catch (error) {
      showError(error, 'تحميل الجوار');
      return;
    }

    if (generation !== state.generation) {
      return;
    }

    const { neighborhood, first } = result;
    if (!neighborhood) {
      setStatus('العقدة غير موجودة في الرسم البياني (ربما حُذفت أو المعرّف غير صحيح).', 'error');
      return;
    }

    view.clear();
    view.merge(neighborhood);
    state.rootId = id;
    view.setRoot(id);
    view.markExpanded(id);

    if (push) {
      const url = new URL(location.href);
      const same = url.searchParams.get('id') === id;
      url.searchParams.set('id', id);
      history[same ? 'replaceState' : 'pushState']({ id }, '', url);
    }

    const root = neighborhood.nodes.find((n) => n.id === id);
    document.title = root ? `${root.name} — مستكشف NewsGraph` : 'مستكشف NewsGraph';
    await relayout({ fresh: true });
    view.cy.$(':selected').unselect();
    view.cy.getElementById(id).select();
    const edges = neighborhood.edges.length;
    const name = root?.name ?? '';
    setStatus(edges === 0
      ? `«${name}»: لا علاقات${restrictionNote() ? ` (${restrictionNote()})` : ''}.`
      : `«${name}» — العقد: ${formatNumber(neighborhood.nodes.length)}، العلاقات: ${formatNumber(edges)}.${truncationNote(neighborhood, first)}`,
    neighborhood.truncated ? 'warn' : 'info');
    void showNode(id);
  });
}

/** Merges the neighbourhood (depth 1) of `id` into the graph. */
async function expandNode(id) {
  if (state.expanding.has(id) || view.isExpanded(id)) {
    return;
  }

  if (checkedTypes().length === 0) {
    setStatus('اختر نوع علاقة واحدًا على الأقل.', 'warn');
    return;
  }

  const generation = state.generation;
  state.expanding.add(id);
  const name = view.cy.getElementById(id).data('name') ?? '';
  setStatus(`جارٍ توسيع «${name}»…`);
  await track(async () => {
    try {
      const { neighborhood, first } = await fetchNeighborhood(id, 1);
      if (generation !== state.generation || view.cy.getElementById(id).empty()) {
        return;
      }

      if (!neighborhood) {
        setStatus(`«${name}» لم تعد موجودة في الرسم البياني.`, 'error');
        return;
      }

      const added = view.merge(neighborhood, id);
      view.markExpanded(id);
      const button = ui.details.querySelector(`.node-panel[data-id="${CSS.escape(id)}"] button.expand`);
      if (button) {
        button.disabled = true;
        button.textContent = 'وُسِّع';
      }
      if (added.nodes + added.edges > 0) {
        await relayout();
      }

      updateCounts();
      setStatus((added.nodes + added.edges === 0
        ? `لا جديد حول «${name}».`
        : `وُسِّع «${name}» — عقد جديدة: ${formatNumber(added.nodes)}، علاقات جديدة: ${formatNumber(added.edges)}.`) + truncationNote(neighborhood, first),
      neighborhood.truncated ? 'warn' : 'info');
    } catch (error) {
      showError(error, 'التوسيع');
    } finally {
      state.expanding.delete(id);
    }
  });
}

// ---- details panel -----------------------------------------------------------------------

async function showNode(id) {
  const token = ++state.detailsToken;
  await track(async () => {
    try {
      const { node } = await execute(NODE_DETAILS, { id });
      if (token !== state.detailsToken) {
        return;
      }

      if (!node) {
        ui.details.replaceChildren(renderMessage('غير موجودة', 'لم تعد هذه العقدة في الرسم البياني.'));
        return;
      }

      const query = nodeQueryText(id);
      ui.details.replaceChildren(renderNode(node, {
        expanded: view.isExpanded(id),
        actions: {
          expand: () => expandNode(id),
          focus: () => focusNode(id),
          pathFrom: () => setPathEnd('from', node),
          pathTo: () => setPathEnd('to', node),
          ideHref: new URL('../graphql/', document.baseURI).pathname,
          jsonHref: `${ENDPOINT}?query=${encodeURIComponent(query)}`,
          copyQuery: () => copyToClipboard(query),
        },
      }));
    } catch (error) {
      showError(error, 'تحميل تفاصيل العقدة');
    }
  });
}

async function showRelation(edge) {
  const token = ++state.detailsToken;
  const ends = { from: edge.source().data('name'), to: edge.target().data('name') };
  await track(async () => {
    try {
      const { node } = await execute(RELATION_DETAILS, { id: edge.id() });
      if (token !== state.detailsToken) {
        return;
      }

      ui.details.replaceChildren(node
        ? renderRelation(node, ends, { openNode: (id) => focusNode(id) })
        : renderMessage('غير موجودة', 'لم تعد هذه العلاقة في الرسم البياني.'));
    } catch (error) {
      showError(error, 'تحميل مصدر العلاقة');
    }
  });
}

async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    setStatus('نُسخ استعلام العقدة؛ الصقه في محرّر Banana Cake Pop.');
  } catch {
    setStatus('تعذّر النسخ إلى الحافظة؛ استعمل رابط JSON أو اكتب الاستعلام في Banana Cake Pop.', 'warn');
  }
}

// ---- shortest path -----------------------------------------------------------------------

function setPathEnd(end, node) {
  state[end === 'from' ? 'pathFrom' : 'pathTo'] = { id: node.id, name: node.name };
  renderPathEnds();
}

function renderPathEnds() {
  for (const [slot, end] of [[ui.pathFrom, state.pathFrom], [ui.pathTo, state.pathTo]]) {
    slot.textContent = end ? end.name : '—';
    slot.classList.toggle('muted', !end);
  }

  ui.pathRun.disabled = !(state.pathFrom && state.pathTo && state.pathFrom.id !== state.pathTo.id);
}

async function findPath() {
  const { pathFrom: from, pathTo: to } = state;
  if (!from || !to) {
    return;
  }

  const maxHops = Number(ui.maxHops.value);
  const generation = state.generation;
  setStatus(`جارٍ البحث عن مسار بين «${from.name}» و«${to.name}»…`);
  await track(async () => {
    try {
      const { shortestPath: path } = await execute(SHORTEST_PATH, { from: from.id, to: to.id, maxHops, ...relationArguments() });
      if (generation !== state.generation) {
        return;
      }

      if (!path) {
        view.clearPath();
        setStatus(`لا مسار بين «${from.name}» و«${to.name}» (أقصى عدد للخطوات: ${formatNumber(maxHops)}${restrictionNote() ? `، ${restrictionNote()}` : ''}).`, 'warn');
        return;
      }

      const anchor = view.cy.getElementById(from.id).nonempty() ? from.id : undefined;
      const added = view.merge(path, anchor);
      if (view.isEmpty === false && !state.rootId) {
        state.rootId = from.id;
        view.setRoot(from.id);
      }

      const onPath = view.highlightPath(path.nodes.map((n) => n.id), path.edges.map((e) => e.id));
      if (added.nodes + added.edges > 0) {
        await relayout({ fit: false });
      }

      view.fit(onPath);
      updateCounts();
      setStatus(`أقصر مسار (الخطوات: ${formatNumber(path.length)}${restrictionNote() ? `، ${restrictionNote()}` : ''}): ${path.nodes.map((n) => n.name).join(' ← ')}`);
    } catch (error) {
      showError(error, 'البحث عن المسار');
    }
  });
}

// ---- wiring ------------------------------------------------------------------------------

function clearGraph() {
  state.generation++;
  state.rootId = null;
  view.clear();
  updateCounts();
  ui.details.replaceChildren(renderMessage('التفاصيل', 'اختر عقدة أو علاقة لعرض تفاصيلها ومصادرها.'));
  const url = new URL(location.href);
  if (url.searchParams.has('id')) {
    url.searchParams.delete('id');
    history.pushState({}, '', url);
  }

  document.title = 'مستكشف NewsGraph';
  setStatus('الرسم فارغ. ابحث عن اسم للبدء.');
}

function init() {
  for (const [kind, { plural }] of Object.entries(KINDS)) {
    if (kind !== 'ARTICLE') {
      ui.kind.append(h('option', { value: kind }, plural));
    }
  }

  buildFilters();
  buildStatusFilters();
  renderLegend(ui.legend);
  renderPathEnds();

  let typing;
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void runSearch(ui.text.value);
  });
  ui.text.addEventListener('input', () => {
    clearTimeout(typing);
    if (ui.text.value.trim().length >= 2) {
      typing = setTimeout(() => runSearch(ui.text.value), 350);
    }
  });
  ui.kind.addEventListener('change', () => ui.text.value.trim() && runSearch(ui.text.value));

  ui.fit.addEventListener('click', () => view.fit());
  ui.relayout.addEventListener('click', () => relayout({ fresh: true }));
  ui.clear.addEventListener('click', clearGraph);
  ui.pathRun.addEventListener('click', findPath);
  ui.pathClear.addEventListener('click', () => {
    state.pathFrom = null;
    state.pathTo = null;
    renderPathEnds();
    view.clearPath();
    updateCounts();
  });

  const cy = view.cy;
  cy.on('tap', 'node', (event) => {
    const id = event.target.id();
    void showNode(id);
    void expandNode(id);
  });
  cy.on('dbltap', 'node', (event) => void focusNode(event.target.id()));
  cy.on('tap', 'edge', (event) => void showRelation(event.target));
  // Labels vanish when zoomed far out; the tooltip still names what is under the pointer.
  cy.on('mouseover', 'node, edge', (event) => {
    ui.graph.style.cursor = 'pointer';
    const element = event.target;
    ui.graph.title = element.isNode() ? element.data('name') : `${element.data('label')}: ${element.source().data('name')} ← ${element.target().data('name')}`;
  });
  cy.on('mouseout', 'node, edge', () => {
    ui.graph.style.cursor = '';
    ui.graph.title = '';
  });

  ui.dateFrom.addEventListener('change', () => onDateRangeChange());
  ui.dateTo.addEventListener('change', () => onDateRangeChange());
  ui.dateUndated.addEventListener('change', () => onDateRangeChange());
  ui.dateForm.addEventListener('submit', (event) => {
    event.preventDefault();
    onDateRangeChange();
  });
  ui.asOf.addEventListener('change', () => void onAsOfChange());
  ui.asOfForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void onAsOfChange();
  });
  ui.dateClear.addEventListener('click', () => {
    setDateInputs({ from: null, to: null });
    onDateRangeChange();
  });

  window.addEventListener('popstate', () => {
    setDateInputs(readDateRange());
    ui.asOf.value = readDateRange().asOf;
    onDateRangeChange({ announce: false });
    const id = new URL(location.href).searchParams.get('id');
    if (id) {
      void focusNode(id, { push: false });
    } else {
      clearGraph();
    }
  });
  window.addEventListener('error', (event) => setStatus(`خطأ غير متوقع: ${event.message}`, 'error'));

  setDateInputs(readDateRange());
  ui.asOf.value = readDateRange().asOf;
  onDateRangeChange({ announce: false });
  const id = new URL(location.href).searchParams.get('id');
  if (id) {
    void focusNode(id, { push: false });
  } else {
    setStatus('جاهز. ابحث عن شخص أو دولة أو منظمة.');
    ui.text.focus();
  }

  settle();
}

const displayed = (element) => element.pstyle('display').value !== 'none';

/** For tests and the console; not an API. */
window.explorer = {
  cy: view.cy,
  search: (text, kind) => runSearch(text, kind),
  open: (id) => focusNode(id),
  expand: (id) => expandNode(id),
  setPath: (fromId, toId) => {
    const nodeOf = (id) => ({ id, name: view.cy.getElementById(id).data('name') ?? id });
    state.pathFrom = nodeOf(fromId);
    state.pathTo = nodeOf(toId);
    renderPathEnds();
    return findPath();
  },
  isIdle: () => state.pending === 0 && state.layouts === 0,
  idle: () => (state.pending === 0 && state.layouts === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  // `displayed` reads the style, not cytoscape's visibility cache (which catches up on the next frame).
  nodes: () => view.cy.nodes().map((n) => ({ id: n.id(), name: n.data('name'), kind: n.data('kind'), visible: displayed(n) })),
  setDateRange: (from, to, undated = false) => {
    setDateInputs({ from, to });
    ui.dateUndated.checked = undated;
    onDateRangeChange();
  },
  /** The date memberships and roles are read at (null: every one asserted); refetches the focused node. */
  setAsOf: (asOf) => {
    ui.asOf.value = asOf ?? '';
    return onAsOfChange();
  },
  /** Keeps only memberships of these statuses (null: all), as the checkboxes do. */
  setStatuses: (statuses) => {
    for (const input of ui.statusFilters.querySelectorAll('input')) {
      input.checked = !statuses || statuses.includes(input.value);
    }

    onStatusFilterChange();
  },
  edges: () => view.cy.edges().map((e) => ({ id: e.id(), type: e.data('type'), status: e.data('status'), date: e.data('date'), label: e.data('label'), style: e.pstyle('line-style').value, color: e.pstyle('line-color').strValue, from: e.source().data('name'), to: e.target().data('name'), visible: displayed(e) && displayed(e.source()) && displayed(e.target()) })),
  /** Where an element is drawn, in page coordinates (for real mouse clicks in tests). */
  pagePoint: (id) => {
    const element = view.cy.getElementById(id);
    const point = element.isEdge() ? element.renderedMidpoint() : element.renderedPosition();
    const box = ui.graph.getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
  kindLabel,
};

init();
