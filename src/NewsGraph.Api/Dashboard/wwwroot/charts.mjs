// ECharts (served from its npm install) option builders for the dashboard's charts. Right-to-left:
// time runs from right to left and value axes grow leftwards, names sit on the right. Tooltips are
// our own text (escaped, no style attributes: the page's CSP forbids inline styles).
import * as echarts from './lib/echarts/echarts.esm.min.mjs';
import { RELATIONS, STATUSES, formatNumber } from '../explorer/labels.mjs';

const FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif';
const TEXT = { fontFamily: FONT, color: '#1d232a' };

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const tooltip = (formatter) => ({ trigger: 'item', className: 'chart-tip', textStyle: { fontFamily: FONT }, formatter });

export function createChart(element) {
  const chart = echarts.init(element, null, { renderer: 'canvas' });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}

const months = new Intl.DateTimeFormat('ar-EG', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (start) => months.format(new Date(`${start}T00:00:00Z`));

/**
 * Stacked monthly bars per relation type; `months` are the buckets' first days in order and
 * `counts[type][i]` the count of month i. The brush (lineX) selects whole months.
 */
export function timelineOption(monthStarts, counts) {
  return {
    textStyle: TEXT,
    legend: { top: 0, right: 0, textStyle: TEXT },
    grid: { top: 36, bottom: 30, left: 16, right: 48 },
    tooltip: {
      ...tooltip((params) => `${escapeHtml(monthLabel(monthStarts[params.dataIndex]))}<br>${escapeHtml(params.seriesName)}: ${formatNumber(params.value)}`),
    },
    xAxis: { type: 'category', inverse: true, data: monthStarts.map(monthLabel), axisLabel: { fontFamily: FONT } },
    yAxis: { type: 'value', position: 'right', minInterval: 1, axisLabel: { fontFamily: FONT, formatter: (v) => formatNumber(v) } },
    brush: {
      xAxisIndex: 0,
      brushType: 'lineX',
      brushMode: 'single',
      transformable: true,
      throttleType: 'debounce',
      throttleDelay: 200,
      brushStyle: { color: 'rgba(31, 95, 153, 0.12)', borderColor: 'rgba(31, 95, 153, 0.6)', borderWidth: 1 },
      outOfBrush: { colorAlpha: 0.3 },
    },
    toolbox: { show: false },
    series: Object.entries(RELATIONS).map(([type, { label, color }]) => ({
      name: label,
      type: 'bar',
      stack: 'relations',
      itemStyle: { color },
      emphasis: { focus: 'series' },
      data: counts[type],
    })),
  };
}

/** Horizontal bars of ranked people, the first on top. */
export function rankingOption(ranked, { color, unit }) {
  const rows = [...ranked].reverse();
  return {
    textStyle: TEXT,
    grid: { top: 8, bottom: 24, left: 16, right: 8, containLabel: true },
    tooltip: tooltip((params) => `${escapeHtml(params.name)}: ${formatNumber(params.value)} ${escapeHtml(unit)}`),
    xAxis: { type: 'value', inverse: true, minInterval: 1, axisLabel: { fontFamily: FONT, formatter: (v) => formatNumber(v) } },
    yAxis: { type: 'category', position: 'right', data: rows.map((r) => r.entity.name), axisLabel: { fontFamily: FONT, width: 150, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      data: rows.map((r) => ({ value: r.value, id: r.entity.id })),
      itemStyle: { color },
      label: { show: true, position: 'insideLeft', color: '#fff', fontFamily: FONT, formatter: (p) => formatNumber(p.value) },
    }],
  };
}

/**
 * The statuses in the matrix's colour scale: the four of the schema, then CONFLICT for a pair held
 * in several statuses at once (asserted for the same deciding date: the articles disagree).
 */
export const MATRIX_STATUSES = [...Object.keys(STATUSES), 'CONFLICT'];
const CONFLICT = { label: 'صفات متعارضة', color: '#d35400' };
const statusOf = (status) => STATUSES[status] ?? CONFLICT;

/**
 * States (rows) × organizations (columns), each cell coloured by the status the pair holds; `cells`
 * holds { state, organization, statuses } with indexes into `states` and `organizations`.
 */
export function matrixOption(states, organizations, cells) {
  return {
    textStyle: TEXT,
    grid: { top: 120, bottom: 8, left: 16, right: 8, containLabel: true },
    tooltip: tooltip((params) => {
      const cell = cells[params.dataIndex];
      const statuses = cell.statuses.map((s) => STATUSES[s]?.label ?? s).join('، ');
      const held = cell.statuses.length > 1 ? `${CONFLICT.label}: ${statuses}` : statuses;
      return `${escapeHtml(states[cell.state].name)} — ${escapeHtml(organizations[cell.organization].name)}<br>${escapeHtml(held)}<br>انقر لعرض تاريخها`;
    }),
    xAxis: {
      type: 'category',
      position: 'top',
      inverse: true,
      data: organizations.map((o) => o.name),
      splitArea: { show: true },
      axisLabel: { fontFamily: FONT, rotate: 40, width: 140, overflow: 'truncate', interval: 0 },
    },
    yAxis: {
      type: 'category',
      position: 'right',
      inverse: true,
      data: states.map((s) => s.name),
      splitArea: { show: true },
      axisLabel: { fontFamily: FONT, interval: 0 },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      top: 0,
      right: 0,
      textStyle: TEXT,
      pieces: MATRIX_STATUSES.map((status, i) => ({ value: i, label: statusOf(status).label, color: statusOf(status).color })),
    },
    series: [{
      type: 'heatmap',
      data: cells.map((c) => [c.organization, c.state, MATRIX_STATUSES.indexOf(c.statuses.length === 1 ? c.statuses[0] : 'CONFLICT')]),
      itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { itemStyle: { borderColor: '#1d232a', borderWidth: 2 } },
    }],
  };
}
