// The explorer's GraphQL client (the dashboard imports `execute` too): plain fetch against this
// server's /graphql, and the operations the explorer sends. Errors (transport, HTTP, GraphQL) become one ApiError with a readable message.

/** `/graphql` beside the page (`/explorer/`, `/dashboard/`), so a path base in front of them keeps working. */
export const ENDPOINT = new URL('../graphql', document.baseURI).pathname;

export class ApiError extends Error {
  constructor(message, { codes = [], cause } = {}) {
    super(message, { cause });
    this.name = 'ApiError';
    this.codes = codes;
  }
}

/** Runs one operation; resolves to `data`, rejects with ApiError on any error (partial data included). */
export async function execute(query, variables = {}, { signal } = {}) {
  let response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json;q=0.9',
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }

    throw new ApiError(`تعذّر الاتصال بالخادم (${error.message})`, { cause: error });
  }

  let body;
  try {
    body = await response.json();
  } catch (error) {
    throw new ApiError(`ردّ غير متوقع من الخادم: HTTP ${response.status}`, { cause: error });
  }

  if (Array.isArray(body?.errors) && body.errors.length > 0) {
    const codes = body.errors.map((e) => e.extensions?.code).filter(Boolean);
    const message = body.errors
      .map((e) => (e.extensions?.code ? `${e.message} [${e.extensions.code}]` : e.message))
      .join(' — ');
    throw new ApiError(message, { codes });
  }

  if (!response.ok || !body || typeof body.data !== 'object') {
    throw new ApiError(`ردّ غير متوقع من الخادم: HTTP ${response.status}`);
  }

  return body.data;
}

const NODE_FIELDS = 'id kind name mentionCount';
// The date filter and the per-status MEMBER_OF style read these; they come with the edge, no extra store call.
const EDGE_FIELDS = 'id type from to relation { date ... on Membership { status } }';

export const SEARCH = `query ExplorerSearch($text: String!, $kinds: [NodeKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { ${NODE_FIELDS} ... on Person { titles } }
}`;

// $statuses restricts memberships only and $asOf keeps the memberships and roles held on that date; null means no restriction.
export const NEIGHBORHOOD = `query ExplorerNeighborhood($id: ID!, $depth: Int, $types: [RelationType!], $statuses: [MembershipStatus!], $asOf: Date, $first: Int) {
  neighborhood(id: $id, depth: $depth, relationTypes: $types, statuses: $statuses, asOf: $asOf, first: $first) {
    truncated
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}`;

export const SHORTEST_PATH = `query ExplorerPath($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationType!], $statuses: [MembershipStatus!], $asOf: Date) {
  shortestPath(from: $from, to: $to, maxHops: $maxHops, relationTypes: $types, statuses: $statuses, asOf: $asOf) {
    length
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
  }
}`;

const ARTICLES = 'articles(first: 5) { totalCount nodes { id title url source published } }';

export const NODE_DETAILS = `query ExplorerNode($id: ID!) {
  node(id: $id) {
    id
    ... on GraphNode { kind name mentionCount }
    ... on Entity { aliases articleCount ${ARTICLES} }
    ... on Person { titles }
    ... on State { iso }
    ... on Organization { category }
    ... on Place { category }
    ... on Claim { text ${ARTICLES} }
  }
}`;

export const RELATION_DETAILS = `query ExplorerRelation($id: ID!) {
  node(id: $id) {
    id
    ... on Relation {
      type
      date
      confidence
      evidence
      provenance { evidence sentenceIndex confidence article { id title url source published } }
    }
    ... on Meeting { participants { id name } place { id name } topic }
    ... on PhoneCall { participants { id name } topic }
    ... on Statement { verb text speaker { id name } claim { id } }
    ... on Membership { status state { id name } organization { id name } }
    ... on Role { role person { id name } at { id name } }
  }
}`;

/** A query a person can paste into Banana Cake Pop to see the same node. */
export function nodeQueryText(id) {
  return `# NewsGraph: node from the explorer
{
  node(id: ${JSON.stringify(id)}) {
    id
    ... on GraphNode { kind name mentionCount }
    ... on Entity { aliases articles(first: 5) { nodes { title url } } }
    ... on Person { titles meetings(first: 10) { nodes { participants { name } place { name } date evidence } } }
  }
  neighborhood(id: ${JSON.stringify(id)}, first: 20) { nodes { id name kind } edges { type from to } }
}
`;
}
