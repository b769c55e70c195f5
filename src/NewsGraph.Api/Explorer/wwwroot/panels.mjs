// The details panel: a node (name, aliases, titles, mentions, articles, actions) or a relation
// (type, properties, evidence sentences, articles). Built with DOM APIs only: text from the graph
// is never parsed as HTML.
import { formatDate, formatNumber, formatPercent, kindLabel, relationLabel, shortLabel, statusLabel, KINDS, RELATIONS, STATUSES } from './labels.mjs';

/** `h('p', { className: 'x' }, 'text', child)`; null/false children are skipped. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }

    if (key.startsWith('on')) {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key in element && key !== 'list') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }

  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }

  return element;
}

/** Colours come from labels.mjs through one custom property (CSSOM, so the page's CSP allows it). */
function tint(element, color) {
  element.style.setProperty('--c', color ?? '#5b6770');
  return element;
}

export function badge(kind) {
  return tint(h('span', { className: 'badge' }, kindLabel(kind)), KINDS[kind]?.color);
}

function field(label, ...value) {
  const values = value.flat().filter((v) => v !== null && v !== undefined && v !== '');
  return values.length === 0 ? null : [h('dt', {}, label), h('dd', {}, ...values)];
}

/** A confidence as a percentage (`data-value` keeps the number), or the words for "not scored". */
function confidence(value, title) {
  return value === null || value === undefined
    ? h('span', { className: 'confidence muted', title, dataset: { value: '' } }, 'غير مقدّرة')
    : h('span', { className: 'confidence', title, dataset: { value: String(value) } }, formatPercent(value));
}

function articleLink(article) {
  const title = article.title || article.url || 'مقال بلا عنوان';
  const meta = [article.source, formatDate(article.published)].filter(Boolean).join(' · ');
  return h('span', { className: 'article' },
    article.url
      ? h('a', { href: article.url, target: '_blank', rel: 'noopener noreferrer', dir: 'auto' }, title)
      : h('span', { dir: 'auto' }, title),
    meta ? h('span', { className: 'muted' }, ` (${meta})`) : null);
}

/**
 * A node. `actions` are callbacks: expand, focus, pathFrom, pathTo, copyQuery.
 * @param {object} node the NODE_DETAILS result
 */
export function renderNode(node, { expanded, actions }) {
  const kind = node.kind;
  const articles = node.articles;
  return h('article', { className: 'panel node-panel', dataset: { id: node.id, kind } },
    h('header', {},
      badge(kind),
      h('h2', { className: 'title', dir: 'auto' }, node.name)),
    h('dl', { className: 'facts' },
      field('عدد الإشارات', formatNumber(node.mentionCount)),
      field('عدد المقالات', node.articleCount !== undefined ? formatNumber(node.articleCount) : null),
      field('الألقاب والمناصب', node.titles?.length ? h('ul', {}, node.titles.map((t) => h('li', { dir: 'auto' }, t))) : null),
      field('أسماء أخرى', node.aliases?.length ? h('ul', { className: 'inline' }, node.aliases.map((a) => h('li', { dir: 'auto' }, a))) : null),
      field('رمز ISO', node.iso),
      field('الفئة', node.category),
      field('نص التصريح', kind === 'CLAIM' && node.text !== node.name ? node.text : null)),
    articles?.nodes?.length
      ? h('section', {},
        h('h3', {}, `المقالات (${formatNumber(articles.totalCount ?? articles.nodes.length)})`),
        h('ul', { className: 'articles' }, articles.nodes.map((a) => h('li', {}, articleLink(a)))))
      : null,
    h('div', { className: 'actions' },
      h('button', { type: 'button', className: 'expand', onclick: actions.expand, disabled: expanded, title: 'إضافة جوار هذه العقدة إلى الرسم' }, expanded ? 'وُسِّع' : 'توسيع'),
      h('button', { type: 'button', onclick: actions.focus, title: 'رسم جوار هذه العقدة وحدها' }, 'تركيز'),
      h('button', { type: 'button', className: 'secondary', onclick: actions.pathFrom }, 'من هنا'),
      h('button', { type: 'button', className: 'secondary', onclick: actions.pathTo }, 'إلى هنا')),
    h('p', { className: 'ide' },
      h('a', { href: actions.ideHref, target: '_blank', rel: 'noopener', onclick: actions.copyQuery }, 'افتح في Banana Cake Pop'),
      h('span', { className: 'muted' }, ' — يُنسخ استعلام هذه العقدة إلى الحافظة لتلصقه في المحرّر. '),
      h('a', { href: actions.jsonHref, target: '_blank', rel: 'noopener' }, 'JSON')));
}

/**
 * A relation and its provenance.
 * @param {object} relation the RELATION_DETAILS result
 * @param {{ from?: string, to?: string }} ends names of the edge's ends on the canvas
 */
export function renderRelation(relation, ends, { openNode }) {
  const type = relation.type;
  const link = (entity) => entity
    ? h('a', { href: `?id=${encodeURIComponent(entity.id)}`, dir: 'auto', onclick: (e) => { e.preventDefault(); openNode(entity.id); } }, entity.name)
    : null;
  const list = (entities) => entities?.length ? entities.map((p, i) => [i > 0 ? '، ' : null, link(p)]) : null;

  const provenance = relation.provenance ?? [];
  return h('article', { className: 'panel relation-panel', dataset: { id: relation.id, type } },
    h('header', {},
      tint(h('span', { className: 'badge' }, relationLabel(type)), RELATIONS[type]?.color),
      h('h2', { className: 'title', dir: 'auto' },
        shortLabel(ends.from ?? '', 60), ' ', RELATIONS[type]?.directed ? '←' : '—', ' ', shortLabel(ends.to ?? '', 60))),
    h('dl', { className: 'facts' },
      field('نوع العلاقة', `${relationLabel(type)} (${type})`),
      field('المشاركون', list(relation.participants)),
      field('المتحدث', link(relation.speaker)),
      field('فعل القول', relation.verb),
      field('الدولة', link(relation.state)),
      field('المنظمة', link(relation.organization)),
      field('صفة العضوية', relation.status ? statusLabel(relation.status) : null),
      field('الشخص', link(relation.person)),
      field('المنصب', relation.role),
      field('الجهة', link(relation.at)),
      field('المكان', link(relation.place)),
      field('التاريخ', formatDate(relation.date)),
      field('الثقة', confidence(relation.confidence,
        'احتمال معايَر بأن المقالات تذكر هذه العلاقة، مجمَّع عبر المقالات: ١ − ∏(١ − ثقة كل مقال)')),
      field('الموضوع', relation.topic),
      field('النص', type === 'STATED' ? relation.text : null)),
    h('section', { className: 'provenance' },
      h('h3', {}, `المصادر (${formatNumber(provenance.length)})`),
      provenance.length === 0
        ? (relation.evidence ?? []).map((sentence) => h('blockquote', { className: 'evidence', dir: 'auto' }, sentence))
        : h('ol', { className: 'sources' }, provenance.map((p) =>
          h('li', {},
            h('blockquote', { className: 'evidence', dir: 'auto' }, p.evidence),
            h('p', { className: 'cite' }, articleLink(p.article),
              h('span', { className: 'muted' }, ` — الجملة ${formatNumber(p.sentenceIndex + 1)}`),
              p.confidence === null || p.confidence === undefined
                ? null
                : [h('span', { className: 'muted' }, ' — الثقة '), confidence(p.confidence, 'احتمال معايَر بأن هذا المقال يذكر العلاقة في هذه الجملة')]))))));
}

export function renderMessage(title, text) {
  return h('div', { className: 'placeholder' }, h('h2', {}, title), h('p', { className: 'muted' }, text));
}

/** The colour key: node kinds and relation types. */
export function renderLegend(list) {
  list.replaceChildren(
    ...Object.entries(KINDS).filter(([kind]) => kind !== 'ARTICLE').map(([kind, { plural }]) =>
      h('li', {}, tint(h('span', { className: `swatch shape-${KINDS[kind].shape}` }), KINDS[kind].color), plural)),
    ...Object.entries(RELATIONS).filter(([type]) => type !== 'MEMBER_OF').map(([type, { label }]) =>
      h('li', {}, tint(h('span', { className: RELATIONS[type].directed ? 'line directed' : 'line' }), RELATIONS[type].color), label)),
    ...Object.entries(STATUSES).map(([status, { edgeLabel, color, line }]) =>
      h('li', { dataset: { status } }, tint(h('span', { className: `line directed ${line}` }), color), edgeLabel)));
}
