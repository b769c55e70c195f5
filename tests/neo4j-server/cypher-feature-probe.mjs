// cypher-feature-probe.mjs — tries Cypher features against the test server through the
// transactional HTTP endpoint and prints a Markdown table (works / fails + message).
// Usage: node cypher-feature-probe.mjs [http://127.0.0.1:PORT]
//        (default: NEWSGRAPH_NEO4J_URI from run/current.env). Writes to the database:
//        run it against a throw-away server only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let base = process.argv[2];
if (!base) {
  const env = readFileSync(join(here, 'run', 'current.env'), 'utf8');
  base = /NEWSGRAPH_NEO4J_URI=(\S+)/.exec(env)[1];
}

async function cypher(statement, parameters = {}) {
  const res = await fetch(`${base}/db/data/transaction/commit`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ statements: [{ statement, parameters }] }),
  });
  const body = await res.json();
  return { status: res.status, body };
}

async function rest(method, path, json) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, text };
}

const rows = [
  { key: 'p:ali', props: { name: 'Ali Hassan', aliases: ['علي حسن', 'A. Hassan'], born: '1970-05-01' } },
  { key: 'p:sara', props: { name: 'Sara Nour', aliases: ['سارة نور'], born: '1985-11-20' } },
  { key: 'p:omar', props: { name: 'Omar Said', aliases: [], born: '1990-01-09' } },
];

// [feature, statement, params, expectation note]
const cases = [
  ['CREATE CONSTRAINT … ASSERT … IS UNIQUE (3.x DDL)', 'CREATE CONSTRAINT ON (p:Person) ASSERT p.key IS UNIQUE'],
  ['CREATE INDEX ON :Label(prop) (3.x DDL)', 'CREATE INDEX ON :Person(name)'],
  ['CREATE CONSTRAINT … IF NOT EXISTS FOR … REQUIRE (4.4+/5 DDL)', 'CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE'],
  ['UNWIND $rows MERGE … SET n += r.props', 'UNWIND $rows AS r MERGE (n:Person {key: r.key}) SET n += r.props RETURN count(n) AS merged', { rows }],
  ['same again (idempotent, no duplicates)', 'UNWIND $rows AS r MERGE (n:Person {key: r.key}) SET n += r.props WITH count(*) AS c MATCH (p:Person) RETURN c, count(p) AS persons', { rows }],
  ['unique constraint enforced', "CREATE (:Person {key: 'p:ali'})"],
  ['MERGE … ON CREATE SET … ON MATCH SET', "MERGE (o:Organization {key: 'o:un'}) ON CREATE SET o.name = 'United Nations', o.seen = 1 ON MATCH SET o.seen = o.seen + 1 RETURN o.seen"],
  ['MERGE relationship with properties in the pattern', "MATCH (a:Person {key:'p:ali'}), (b:Person {key:'p:sara'}) MERGE (a)-[r:KNOWS {since: '2001'}]->(b) ON CREATE SET r.w = 1 ON MATCH SET r.w = r.w + 1 RETURN r.since, r.w"],
  ['… run twice: matched, not duplicated', "MATCH (a:Person {key:'p:ali'}), (b:Person {key:'p:sara'}) MERGE (a)-[r:KNOWS {since: '2001'}]->(b) ON CREATE SET r.w = 1 ON MATCH SET r.w = r.w + 1 WITH r MATCH (:Person {key:'p:ali'})-[k:KNOWS]->(:Person {key:'p:sara'}) RETURN r.w, count(k)"],
  ['UNWIND $rels MERGE (a)-[r:TYPE]->(b) SET r += props', "UNWIND $rels AS x MATCH (a:Person {key: x.from}), (b:Person {key: x.to}) MERGE (a)-[r:KNOWS]->(b) SET r += x.props RETURN count(r)", { rels: [{ from: 'p:sara', to: 'p:omar', props: { since: '2010', weight: 0.5 } }] }],
  ['UNWIND list of maps with nested lists (and nested maps)', 'UNWIND $docs AS d UNWIND d.mentions AS m MERGE (a:Article {key: d.key}) SET a.title = d.title, a.tags = d.tags WITH a, m MATCH (p:Person {key: m.key}) MERGE (a)-[r:MENTIONS]->(p) SET r.count = m.count RETURN a.key, p.key, r.count, a.tags ORDER BY p.key',
    { docs: [{ key: 'a:1', title: 'Talks resume', tags: ['politics', 'سياسة'], mentions: [{ key: 'p:ali', count: 3 }, { key: 'p:sara', count: 1 }] }] }],
  ['list property from parameter (string list)', "MATCH (p:Person {key:'p:ali'}) RETURN p.aliases"],
  ['empty list property', "MATCH (p:Person {key:'p:omar'}) RETURN p.aliases, size(p.aliases)"],
  ['map as property value (expected to fail everywhere)', "MATCH (p:Person {key:'p:omar'}) SET p.meta = {a: 1} RETURN p"],
  ['CALL dbms.components()', 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition'],
  ['shortestPath', "MATCH (a:Person {key:'p:ali'}), (b:Person {key:'p:omar'}) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN [n IN nodes(p) | n.key] AS keys, length(p) AS hops"],
  ['allShortestPaths', "MATCH (a:Person {key:'p:ali'}), (b:Person {key:'p:omar'}) MATCH p = allShortestPaths((a)-[*..4]-(b)) RETURN count(p)"],
  ['CALL db.index.fulltext.queryNodes (5.x full-text)', "CALL db.index.fulltext.queryNodes('entity_names', 'ali') YIELD node, score RETURN node.key, score"],
  ['CREATE FULLTEXT INDEX … (5.x)', 'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Person) ON EACH [n.name]'],
  ['CALL db.indexes()', 'CALL db.indexes()'],
  ['CALL db.constraints()', 'CALL db.constraints()'],
  ['apoc function', 'RETURN apoc.version()'],
  ['apoc procedure', "CALL apoc.help('create')"],
  ['map projection', "MATCH (p:Person {key:'p:ali'}) RETURN p {.key, .name, kind: 'person'} AS m"],
  ['map projection with all properties p{.*}', "MATCH (p:Person {key:'p:omar'}) RETURN p {.*} AS m"],
  ['pattern comprehension', "MATCH (p:Person {key:'p:ali'}) RETURN [(p)-[:KNOWS]-(o) | o.key] AS friends"],
  ['pattern comprehension with WHERE', "MATCH (p:Person {key:'p:sara'}) RETURN [(p)-[r:KNOWS]-(o) WHERE r.since >= '2005' | o.key] AS recent"],
  ['CASE (generic)', "MATCH (p:Person) RETURN p.key, CASE WHEN p.born < '1980' THEN 'old' ELSE 'young' END AS g ORDER BY p.key"],
  ['CASE (simple)', "RETURN CASE $k WHEN 'a' THEN 1 WHEN 'b' THEN 2 ELSE 0 END AS v", { k: 'b' }],
  ['coalesce', "MATCH (p:Person {key:'p:omar'}) RETURN coalesce(p.nickname, p.name, 'n/a') AS shown"],
  ['list comprehension', 'RETURN [x IN range(1, 6) WHERE x % 2 = 0 | x * 10] AS evens'],
  ['reduce', 'RETURN reduce(acc = 0, x IN [1, 2, 3, 4] | acc + x) AS total'],
  ['ORDER BY expression + SKIP $s LIMIT $l', 'MATCH (p:Person) RETURN p.key ORDER BY toLower(p.name) DESC, size(p.aliases) SKIP $s LIMIT $l', { s: 1, l: 2 }],
  ['toLower / toUpper', "RETURN toLower('AbC'), toUpper('aBc')"],
  ['lower() (old name)', "RETURN lower('AbC')"],
  ['toInteger / toFloat / toString', "RETURN toInteger('42'), toFloat('1.5'), toString(7)"],
  ['toInt (old name)', "RETURN toInt('42')"],
  ['STARTS WITH / ENDS WITH / CONTAINS', "MATCH (p:Person) WHERE p.name STARTS WITH 'Sa' OR p.name CONTAINS 'Hass' OR p.key ENDS WITH 'omar' RETURN collect(p.key) AS keys"],
  ['case-insensitive CONTAINS via toLower', "MATCH (p:Person) WHERE toLower(p.name) CONTAINS toLower($q) RETURN collect(p.key)", { q: 'NOUR' }],
  ['regex =~ with (?i)', "MATCH (p:Person) WHERE p.name =~ '(?i).*hassan.*' RETURN collect(p.key)"],
  ['Arabic text in CONTAINS / any() over list property', "MATCH (p:Person) WHERE any(a IN p.aliases WHERE a CONTAINS 'سارة') RETURN collect(p.key)"],
  ['date()', 'RETURN date()'],
  ["date('2024-01-02')", "RETURN date('2024-01-02')"],
  ['datetime()', 'RETURN datetime()'],
  ['timestamp() (epoch ms)', 'RETURN timestamp() > 0'],
  ['ISO date strings compared lexically', "MATCH (p:Person) WHERE p.born >= $from AND p.born < $to RETURN collect(p.key) AS keys", { from: '1980-01-01', to: '1991-01-01' }],
  ['ISO date string ORDER BY + substring year', "MATCH (p:Person) RETURN p.key, substring(p.born, 0, 4) AS year ORDER BY p.born"],
  ['collect(...)[0..$n] slicing', 'MATCH (p:Person) WITH p ORDER BY p.key RETURN collect(p.key)[0..$n] AS firstN', { n: 2 }],
  ['negative index / slice', 'RETURN [1,2,3,4][-1], [1,2,3,4][1..-1]'],
  ['collect DISTINCT + size', "MATCH (p:Person)-[:KNOWS]-(o) RETURN p.key, size(collect(DISTINCT o.key)) AS n ORDER BY p.key"],
  ['OPTIONAL MATCH … count(r) (portable degree)', "MATCH (p:Person) OPTIONAL MATCH (p)-[r:KNOWS]-() RETURN p.key, count(r) AS degree ORDER BY p.key"],
  ['size((p)--()) (removed in 5)', "MATCH (p:Person {key:'p:ali'}) RETURN size((p)--())"],
  ['exists(n.prop) (removed in 5)', "MATCH (p:Person) WHERE exists(p.born) RETURN count(p)"],
  ['n.prop IS NOT NULL (portable)', "MATCH (p:Person) WHERE p.born IS NOT NULL RETURN count(p)"],
  ['EXISTS { } subquery (5)', "MATCH (p:Person) WHERE EXISTS { (p)-[:KNOWS]-() } RETURN count(p)"],
  ['COUNT { } (5)', "MATCH (p:Person) RETURN p.key, COUNT { (p)--() } AS c"],
  ['CALL { } subquery (4+)', 'CALL { MATCH (p:Person) RETURN count(p) AS c } RETURN c'],
  ['id(n)', "MATCH (p:Person {key:'p:ali'}) RETURN id(p) >= 0"],
  ['elementId(n) (5)', "MATCH (p:Person {key:'p:ali'}) RETURN elementId(p)"],
  ['labels / keys / properties / type', "MATCH (p:Person {key:'p:ali'})-[r:KNOWS]->() RETURN labels(p), keys(p), properties(r), type(r)"],
  ['FOREACH', "MATCH (p:Person {key:'p:omar'}) FOREACH (t IN ['a','b'] | SET p.tagged = coalesce(p.tagged, 0) + 1) RETURN p.tagged"],
  ['split / trim / replace / substring', "RETURN split('a,b', ','), trim('  x '), replace('a-b', '-', '_'), substring('abcdef', 1, 3)"],
  ['$param and {param} syntaxes', 'RETURN $a AS dollar, {a} AS braces', { a: 1 }],
  ['dynamic label SET n:$(x) (5.26+)', "MATCH (p:Person {key:'p:omar'}) SET p:$($l) RETURN labels(p)", { l: 'Extra' }],
  ['UNION', "RETURN 1 AS x UNION RETURN 2 AS x"],
  ['WITH … WHERE aggregation filter', "MATCH (p:Person) OPTIONAL MATCH (p)-[r]-() WITH p, count(r) AS c WHERE c > 1 RETURN collect(p.key)"],
  ['return a node (row format)', "MATCH (p:Person {key:'p:sara'}) RETURN p"],
  ['DETACH DELETE', "MATCH (o:Organization) DETACH DELETE o RETURN count(*)"],
  ['syntax error shape', 'MATCH (n RETURN n'],
];

const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const short = (s, n = 160) => (s.length > n ? s.slice(0, n) + '…' : s);

console.log(`Probe against ${base}\n`);
console.log('| feature | result | detail |');
console.log('| --- | --- | --- |');
for (const [name, stmt, params] of cases) {
  const { status, body } = await cypher(stmt, params);
  let result; let detail;
  if (body.errors && body.errors.length) {
    result = 'fails';
    detail = `${body.errors[0].code}: ${body.errors[0].message.split('\n')[0]}`;
  } else {
    result = 'works';
    const r = body.results[0];
    detail = r.data.length ? JSON.stringify(r.data.slice(0, 3).map((d) => d.row)) : '(no rows)';
  }
  console.log(`| ${esc(name)} | ${result} | \`${esc(short(stmt, 90))}\` → ${esc(short(detail))} (HTTP ${status}) |`);
}

// Legacy ("explicit") indexes: the 3.x REST API plus Cypher START.
console.log('\nLegacy / explicit index checks:');
let r = await rest('POST', '/db/data/index/node', { name: 'names_ft', config: { type: 'fulltext', provider: 'lucene' } });
console.log(`- POST /db/data/index/node (fulltext, lucene) → HTTP ${r.status}`);
const ids = await cypher("MATCH (p:Person) RETURN id(p) AS id, p.name AS name");
for (const d of ids.body.results[0].data) {
  const [id, name] = d.row;
  r = await rest('POST', '/db/data/index/node/names_ft', { uri: `${base}/db/data/node/${id}`, key: 'name', value: name });
  console.log(`- add node ${id} (${name}) to names_ft → HTTP ${r.status}`);
}
const q1 = await cypher("START n=node:names_ft('name:sa*') RETURN n.key");
console.log(`- Cypher START n=node:names_ft('name:sa*') → ${JSON.stringify(q1.body.errors.length ? q1.body.errors[0] : q1.body.results[0].data)}`);
const q2 = await cypher("CALL db.index.explicit.searchNodes('names_ft', 'name:sa*')");
console.log(`- CALL db.index.explicit.searchNodes → ${JSON.stringify(q2.body.errors.length ? q2.body.errors[0].code + ': ' + q2.body.errors[0].message.split('\n')[0] : q2.body.results[0].data)}`);
const q3 = await cypher("CALL db.index.manual.seek.nodes('names_ft', 'name', 'Sara Nour')");
console.log(`- CALL db.index.manual.seek.nodes → ${JSON.stringify(q3.body.errors.length ? q3.body.errors[0].code + ': ' + q3.body.errors[0].message.split('\n')[0] : q3.body.results[0].data)}`);

const procs = await cypher('CALL dbms.procedures() YIELD name RETURN collect(name) AS names');
console.log(`\nProcedures available: ${procs.body.results[0].data[0].row[0].join(', ')}`);
const fns = await cypher('CALL dbms.functions() YIELD name RETURN collect(name) AS names');
console.log(`\nUser functions available: ${fns.body.errors.length ? fns.body.errors[0].code + ': ' + fns.body.errors[0].message.split('\n')[0] : fns.body.results[0].data[0].row[0].join(', ')}`);
