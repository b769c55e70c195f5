// Receives one `articleIngested` event with the reference graphql-ws client, after ingesting an
// article through the `ingestArticles` mutation.
// Usage: node subscribe.mjs URL [API_KEY]   (default: the NEWSGRAPH_API_KEY environment variable)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, apiKey = process.env.NEWSGRAPH_API_KEY] = process.argv.slice(2);
if (!url || !apiKey) {
  console.error('usage: node subscribe.mjs URL [API_KEY]  (or set NEWSGRAPH_API_KEY)');
  process.exit(2);
}

const fail = (message) => {
  console.error(`subscribe: ${message}`);
  process.exit(1);
};
setTimeout(() => fail('no event within 20 s'), 20_000).unref();

let acknowledged;
const connected = new Promise((resolve) => (acknowledged = resolve));
const client = createClient({
  url: url.replace(/^http/, 'ws'),
  webSocketImpl: WebSocket,
  connectionParams: { 'X-Api-Key': apiKey },
  retryAttempts: 0,
  on: { connected: () => acknowledged() },
});

const event = new Promise((resolve, reject) => {
  client.subscribe(
    { query: 'subscription { articleIngested { articleKey title article { title } } }' },
    { next: resolve, error: reject, complete: () => reject(new Error('completed without an event')) },
  );
});

await connected;
// The subscribe message is sent right after the ack; give the server a moment to register it.
await new Promise((resolve) => setTimeout(resolve, 500));
const key = `https://example.org/subscribe-check/${Date.now()}`;
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-api-key': apiKey },
  body: JSON.stringify({
    query: 'mutation($input: [ArticleInput!]!) { ingestArticles(input: $input) { succeeded results { error } } }',
    variables: { input: [{ text: 'موسكو-سانا\nبحث ميخائيل بوغدانوف في موسكو اليوم مع رمزي رمزي تطورات الاوضاع في سورية.', title: 'subscribe check', url: key }] },
  }),
});
const mutation = await response.json();
if (mutation.data?.ingestArticles?.succeeded !== 1) {
  fail(`the mutation did not ingest the article: ${JSON.stringify(mutation)}`);
}

const result = await event.catch((error) => fail(String(error?.message ?? JSON.stringify(error))));
const received = result.data?.articleIngested;
if (received?.articleKey !== key || received?.article?.title !== 'subscribe check') {
  fail(`unexpected event: ${JSON.stringify(result)}`);
}

console.log(`subscribe: received articleIngested for ${received.articleKey}`);
await client.dispose();
process.exit(0);
