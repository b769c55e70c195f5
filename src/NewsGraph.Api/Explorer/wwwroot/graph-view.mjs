// The canvas: cytoscape (served from its npm install), styled by kind and relation type, with
// merging that never duplicates a node or an edge, relation-type filtering and path highlighting.
import cytoscape from './lib/cytoscape/cytoscape.esm.min.mjs';
import { KINDS, RELATIONS, STATUSES, edgeLabel, shortLabel } from './labels.mjs';

const MAX_FIT_ZOOM = 1.2;
const RING_LAYOUT_MAX_NODES = 30;
const FONT = '"Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif';

function nodeSize(mentions) {
  return Math.round(Math.min(64, 28 + 7 * Math.log2(1 + (mentions ?? 0))));
}

function style() {
  const rules = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(size)',
        height: 'data(size)',
        'font-family': FONT,
        'font-size': 13,
        color: '#1d232a',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'border-width': 2,
        'border-color': '#ffffff',
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        width: 2,
        'font-family': FONT,
        'font-size': 11,
        color: '#30363d',
        'curve-style': 'bezier',
        // Horizontal labels: Arabic set along a steep edge is hard to read.
        'text-rotation': 'none',
        'text-background-color': '#f7f8fa',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'arrow-scale': 1.1,
        // Edge labels disappear when zoomed out far enough to be unreadable anyway.
        'min-zoomed-font-size': 8,
      },
    },
  ];

  for (const [kind, { color, shape }] of Object.entries(KINDS)) {
    rules.push({ selector: `node[kind = "${kind}"]`, style: { 'background-color': color, shape } });
  }

  for (const [type, { color, directed }] of Object.entries(RELATIONS)) {
    rules.push({
      selector: `edge[type = "${type}"]`,
      style: {
        'line-color': color,
        'target-arrow-color': color,
        'target-arrow-shape': directed ? 'triangle' : 'none',
      },
    });
  }

  for (const [status, { color, line }] of Object.entries(STATUSES)) {
    rules.push({
      selector: `edge[type = "MEMBER_OF"][status = "${status}"]`,
      style: { 'line-color': color, 'target-arrow-color': color, 'line-style': line },
    });
  }

  rules.push(
    { selector: 'node.root', style: { 'border-width': 4, 'border-color': '#f1c40f' } },
    { selector: 'node.expanded', style: { 'border-color': '#1d232a', 'border-style': 'double', 'border-width': 4 } },
    { selector: 'node.root.expanded', style: { 'border-color': '#f1c40f' } },
    { selector: 'node:selected', style: { 'overlay-color': '#f1c40f', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge:selected', style: { width: 5, 'overlay-color': '#f1c40f', 'overlay-opacity': 0.3, 'overlay-padding': 4 } },
    { selector: '.on-path', style: { 'z-index': 10 } },
    { selector: 'edge.on-path', style: { width: 6, 'line-style': 'solid', 'underlay-color': '#f1c40f', 'underlay-opacity': 0.6, 'underlay-padding': 4 } },
    { selector: 'node.on-path', style: { 'underlay-color': '#f1c40f', 'underlay-opacity': 0.6, 'underlay-padding': 6 } },
    { selector: '.filtered', style: { display: 'none' } },
  );
  return rules;
}

export class GraphView {
  /** @param {HTMLElement} container */
  constructor(container) {
    this.cy = cytoscape({
      container,
      style: style(),
      wheelSensitivity: 0.3,
      minZoom: 0.15,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    this.hiddenTypes = new Set();
    /** MEMBER_OF statuses whose edges are hidden. */
    this.hiddenStatuses = new Set();
    /** Relations dated outside [from, to] are hidden, and undated ones unless `undated`; null bounds are open. */
    this.dateRange = { from: null, to: null, undated: true };
    this._layout = null;
  }

  get isEmpty() {
    return this.cy.elements().empty();
  }

  clear() {
    this.stopLayout();
    this.cy.elements().remove();
  }

  /**
   * Adds the nodes and edges not already drawn (by id) and refreshes the ones that are.
   * New nodes start around `anchorId` so the layout grows the graph from there.
   * @returns {{ nodes: number, edges: number }} how many were new
   */
  merge({ nodes = [], edges = [] }, anchorId) {
    const cy = this.cy;
    const anchor = anchorId ? cy.getElementById(anchorId) : null;
    const center = anchor?.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const fresh = nodes.filter((n) => cy.getElementById(n.id).empty());
    const added = { nodes: 0, edges: 0 };
    cy.batch(() => {
      fresh.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
        const radius = anchor?.nonempty() ? 140 : 0;
        cy.add({
          group: 'nodes',
          data: toNodeData(n),
          position: { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) },
        });
        added.nodes++;
      });
      for (const n of nodes) {
        if (!fresh.includes(n)) {
          cy.getElementById(n.id).data(toNodeData(n));
        }
      }

      for (const e of edges) {
        if (cy.getElementById(e.id).nonempty()) {
          continue;
        }

        if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) {
          continue; // an edge to a node cut off by `first`
        }

        cy.add({
          group: 'edges',
          data: {
            id: e.id,
            source: e.from,
            target: e.to,
            type: e.type,
            date: e.relation?.date ?? null,
            status: e.relation?.status ?? null,
            label: edgeLabel(e.type, e.relation?.status),
          },
        });
        added.edges++;
      }
    });
    this.applyFilter();
    return added;
  }

  /** Hides edges of unchecked types, and nodes left with no visible edge (unless they have none at all). */
  setHiddenTypes(types) {
    this.hiddenTypes = new Set(types);
    this.applyFilter();
  }

  /** Hides MEMBER_OF edges of these statuses, like unchecked types. */
  setHiddenStatuses(statuses) {
    this.hiddenStatuses = new Set(statuses);
    this.applyFilter();
  }

  isHidden(edge) {
    return this.hiddenTypes.has(edge.data('type'))
      || (edge.data('type') === 'MEMBER_OF' && this.hiddenStatuses.has(edge.data('status')))
      || !this.isInDateRange(edge.data('date'));
  }

  /** Shows only relations dated within [from, to] (yyyy-MM-dd, either null), and undated ones when `undated`. */
  setDateRange(range) {
    this.dateRange = { ...range };
    this.applyFilter();
  }

  isInDateRange(date) {
    const { from, to, undated } = this.dateRange;
    if (!from && !to) {
      return true;
    }

    return date ? (!from || date >= from) && (!to || date <= to) : undated;
  }

  applyFilter() {
    const cy = this.cy;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        e.toggleClass('filtered', this.isHidden(e));
      });
      cy.nodes().forEach((n) => {
        const edges = n.connectedEdges();
        const keep = n.hasClass('root') || n.hasClass('on-path') || edges.empty() || edges.some((e) => !e.hasClass('filtered'));
        n.toggleClass('filtered', !keep);
      });
    });
  }

  setRoot(id) {
    this.cy.nodes('.root').removeClass('root');
    this.cy.getElementById(id).addClass('root');
  }

  markExpanded(id) {
    this.cy.getElementById(id).addClass('expanded');
  }

  isExpanded(id) {
    return this.cy.getElementById(id).hasClass('expanded');
  }

  highlightPath(nodeIds, edgeIds) {
    const cy = this.cy;
    cy.elements('.on-path').removeClass('on-path');
    const path = cy.collection();
    nodeIds.forEach((id) => path.merge(cy.getElementById(id)));
    edgeIds.forEach((id) => path.merge(cy.getElementById(id)));
    path.addClass('on-path');
    this.applyFilter();
    return path;
  }

  clearPath() {
    this.cy.elements('.on-path').removeClass('on-path');
    this.applyFilter();
  }

  stopLayout() {
    this._layout?.stop();
    this._layout = null;
  }

  /**
   * Lays the graph out and resolves when it has stopped: concentric rings around the root for a
   * fresh neighbourhood, a force-directed pass from the current positions after an expansion.
   */
  layout({ fresh = false, fit = true } = {}) {
    this.stopLayout();
    const cy = this.cy;
    const visible = cy.elements().not('.filtered');
    if (visible.empty()) {
      return Promise.resolve();
    }

    const root = cy.nodes('.root');
    let options;
    // Rings read well for a star or two; past that a force-directed layout shows the clusters.
    if (fresh && root.nonempty() && visible.nodes().length <= RING_LAYOUT_MAX_NODES) {
      const depth = {};
      visible.bfs({ roots: root, visit: (v, e, u, i, d) => { depth[v.id()] = d; } });
      options = {
        name: 'concentric',
        concentric: (n) => 10 - (depth[n.id()] ?? 9),
        levelWidth: () => 1,
        // Neighbours start on the left and right of the root, so a small star reads across.
        startAngle: Math.PI,
        minNodeSpacing: 110,
        spacingFactor: 1,
        animate: false,
        fit,
        padding: 40,
      };
    } else {
      options = {
        name: 'cose',
        randomize: fresh,
        animate: 'end',
        animationDuration: 350,
        fit,
        padding: 40,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeDimensionsIncludeLabels: true,
        numIter: 1500,
      };
    }

    const layout = visible.layout(options);
    this._layout = layout;
    const done = layout.promiseOn('layoutstop');
    layout.run();
    return done.then(() => {
      if (this._layout === layout) {
        this._layout = null;
      }

      if (fit) {
        this.limitZoom(visible);
      }
    });
  }

  /** A fit on a handful of nodes would blow them up; keep them at a readable size instead. */
  limitZoom(elements) {
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(elements);
    }
  }

  fit(elements) {
    const eles = elements ?? this.cy.elements().not('.filtered');
    this.cy.fit(eles, 50);
    this.limitZoom(eles);
  }

  /** Counts of what is drawn and what is visible. */
  counts() {
    const cy = this.cy;
    return {
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      visibleNodes: cy.nodes().not('.filtered').length,
      visibleEdges: cy.edges().not('.filtered').length,
    };
  }
}

function toNodeData(n) {
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    mentionCount: n.mentionCount,
    label: shortLabel(n.name),
    size: nodeSize(n.mentionCount),
  };
}
