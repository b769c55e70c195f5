// The GraphQL operations the dashboard sends: every number on the page comes from one of these,
// over POST /graphql, and `articleIngested` over the WebSocket says when to ask again.
// $from/$to are the chosen range (yyyy-MM-dd, either may be null).

/**
 * All-time counts and the articles published in the range. Relations are counted as the timeline and
 * the rankings count them, once per story (a relation only reprints assert is left out): the all-time
 * timeline's buckets, undated included, rather than `stats.relations`, which counts every stored one.
 */
export const TOTALS = `query DashboardTotals($from: Date, $to: Date) {
  stats { articles reprints entities { kind count } }
  articlesInRange: articles(first: 1, where: { publishedFrom: $from, publishedTo: $to }) { totalCount }
  MET: timeline(type: MET) { count }
  PHONED: timeline(type: PHONED) { count }
  STATED: timeline(type: STATED) { count }
  MEMBER_OF: timeline(type: MEMBER_OF) { count }
  HOLDS_ROLE: timeline(type: HOLDS_ROLE) { count }
}`;

/**
 * Relations per month and type over all time: the chart the brush picks a range from. Without
 * bounds the undated relations come last, in their own bucket.
 */
export const TIMELINE = `query DashboardTimeline {
  MET: timeline(type: MET) { start undated count }
  PHONED: timeline(type: PHONED) { start undated count }
  STATED: timeline(type: STATED) { start undated count }
  MEMBER_OF: timeline(type: MEMBER_OF) { start undated count }
  HOLDS_ROLE: timeline(type: HOLDS_ROLE) { start undated count }
}`;

/** Relations per type within the range, summed over the buckets (with from/to there is no undated bucket). */
export const TIMELINE_IN_RANGE = `query DashboardRangeCounts($from: Date, $to: Date) {
  MET: timeline(type: MET, from: $from, to: $to) { count }
  PHONED: timeline(type: PHONED, from: $from, to: $to) { count }
  STATED: timeline(type: STATED, from: $from, to: $to) { count }
  MEMBER_OF: timeline(type: MEMBER_OF, from: $from, to: $to) { count }
  HOLDS_ROLE: timeline(type: HOLDS_ROLE, from: $from, to: $to) { count }
}`;

/** Top speakers and most-met people: statements and meetings dated in the range, as the timeline counts them. */
export const PEOPLE = `query DashboardPeople($from: Date, $to: Date) {
  speakers: topEntities(kind: PERSON, by: STATEMENTS, first: 10, from: $from, to: $to, dateBasis: EVENT) { value entity { id name } }
  met: topEntities(kind: PERSON, by: MEETINGS, first: 10, from: $from, to: $to, dateBasis: EVENT) { value entity { id name } }
}`;

/** The latest statements in the range, newest first (undated ones sort last). */
export const STATEMENTS = `query DashboardStatements($from: Date, $to: Date) {
  statements(first: 8, order: { field: DATE, direction: DESC }, where: { dateFrom: $from, dateTo: $to }) {
    totalCount
    nodes { id date verb text speaker { id name } claim { id } article { title url source } }
  }
}`;

/**
 * The memberships held on `$asOf`, a page at a time, each naming the other statuses asserted for
 * the same deciding date. Without `$asOf` the list is every status ever asserted and the page keeps
 * the `current` ones (held today); `conflictsWith` then defaults to today as well.
 */
export const MEMBERSHIPS = `query DashboardMemberships($after: String, $asOf: Date) {
  memberships(first: 100, after: $after, asOf: $asOf) {
    pageInfo { hasNextPage endCursor }
    nodes { status current state { id name } organization { id name } conflictsWith(asOf: $asOf) { status } }
  }
}`;

/** One pair's history: every status asserted for it, by date (undated last); any membership of the pair carries it all. */
export const MEMBERSHIP_HISTORY = `query DashboardMembershipHistory($state: ID!, $organization: ID!) {
  memberships(first: 1, where: { state: $state, organization: $organization }) {
    nodes { history { status date datePrecision dateSource conflict article { title url source } } }
  }
}`;

/** Sent over the WebSocket (graphql-transport-ws): one event per committed article. */
export const ARTICLE_INGESTED = `subscription DashboardLive {
  articleIngested { articleKey title published relations }
}`;
