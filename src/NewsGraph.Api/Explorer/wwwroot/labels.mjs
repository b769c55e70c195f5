// Arabic names, colours and shapes for the graph's vocabulary (schema enums NodeKind,
// RelationType, MembershipStatus). One place, so the canvas, the legend, the panels and the
// dashboard's charts agree.

/** Node kinds: colour and cytoscape shape (different shapes keep kinds apart without colour). */
export const KINDS = {
  PERSON: { label: 'شخص', plural: 'أشخاص', color: '#2f6fb3', shape: 'ellipse' },
  STATE: { label: 'دولة', plural: 'دول', color: '#2e8b57', shape: 'hexagon' },
  ORGANIZATION: { label: 'منظمة', plural: 'منظمات', color: '#d07a1f', shape: 'round-rectangle' },
  PLACE: { label: 'مكان', plural: 'أماكن', color: '#8a4fb8', shape: 'diamond' },
  CLAIM: { label: 'تصريح', plural: 'تصريحات', color: '#7a7f87', shape: 'round-tag' },
  ARTICLE: { label: 'مقال', plural: 'مقالات', color: '#5b6770', shape: 'rectangle' },
};

/** Relation types: the edge label, colour and whether the direction means something. */
export const RELATIONS = {
  MET: { label: 'التقى', color: '#c0392b', directed: false },
  PHONED: { label: 'اتصل هاتفيًا', color: '#e67e22', directed: false },
  STATED: { label: 'صرّح', color: '#7f8c8d', directed: true },
  // Edges say which status (STATUSES below); the type's own label names them all.
  MEMBER_OF: { label: 'عضوية', color: '#27ae60', directed: true },
  HOLDS_ROLE: { label: 'يشغل منصبًا في', color: '#2980b9', directed: true },
};

/**
 * Membership statuses: the status alone (panels, the dashboard's matrix), the MEMBER_OF edge label
 * for that status, and its colour and line style — an observer link must not read as membership.
 */
export const STATUSES = {
  MEMBER: { label: 'عضو', edgeLabel: 'عضو في', color: '#27ae60', line: 'solid' },
  OBSERVER: { label: 'مراقب', edgeLabel: 'مراقب في', color: '#16a085', line: 'dashed' },
  DIALOGUE_PARTNER: { label: 'شريك حوار', edgeLabel: 'شريك حوار لـ', color: '#8e44ad', line: 'dotted' },
  APPLICANT: { label: 'مرشّح للعضوية', edgeLabel: 'مرشّح لعضوية', color: '#b7950b', line: 'dashed' },
};

export const kindLabel = (kind) => KINDS[kind]?.label ?? kind;
export const relationLabel = (type) => RELATIONS[type]?.label ?? type;
export const statusLabel = (status) => STATUSES[status]?.label ?? status;
/** The label of an edge: MEMBER_OF says which status, every other type its own label. */
export const edgeLabel = (type, status) => (type === 'MEMBER_OF' && STATUSES[status] ? STATUSES[status].edgeLabel : relationLabel(type));

/** Arabic-Indic digits, as the rest of the page's text. */
const numbers = new Intl.NumberFormat('ar-EG');
export const formatNumber = (n) => numbers.format(n);

const percents = new Intl.NumberFormat('ar-EG', { style: 'percent', maximumFractionDigits: 1 });
/**
 * A probability (0–1) as a percentage, e.g. ٩٢٫٣٪. Below 1 it never reads 100 %: noisy-or merges
 * come close (0.9996) and rounding them up would claim certainty.
 */
export const formatPercent = (p) => percents.format(p < 1 ? Math.min(p, 0.999) : p);

const dates = new Intl.DateTimeFormat('ar-EG', { dateStyle: 'long', timeZone: 'UTC' });
/** A schema `Date` (yyyy-MM-dd) in words; the raw value when it does not parse. */
export function formatDate(value) {
  if (!value) {
    return '';
  }

  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dates.format(date);
}

/** A short label for the canvas: claims are whole sentences, so cut them at a word. */
export function shortLabel(name, max = 34) {
  if (name.length <= max) {
    return name;
  }

  const cut = name.lastIndexOf(' ', max);
  return `${name.slice(0, cut > max / 2 ? cut : max)}…`;
}
