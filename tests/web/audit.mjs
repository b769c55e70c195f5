// The graphql-http server audit (GraphQL over HTTP spec conformance) against a running server.
// Usage: node audit.mjs http://127.0.0.1:5080/graphql   — exits non-zero unless 61/61 are ok.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

const audits = serverAudits({ url, fetchFn: fetch });
const results = await Promise.all(audits.map((audit) => audit.fn()));
let ok = 0;
for (const result of results) {
  if (result.status === 'ok') {
    ok++;
  } else {
    console.log(`${result.status.toUpperCase()} [${result.id}] ${result.name}: ${result.reason}`);
  }
}

console.log(`graphql-http audit: ${ok}/${results.length} ok`);
process.exit(ok === results.length && results.length === 61 ? 0 : 1);
