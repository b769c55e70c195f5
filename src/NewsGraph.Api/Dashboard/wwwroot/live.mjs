// A small graphql-transport-ws client for one subscription: the browser's WebSocket to this
// server's /graphql (same origin, so the server's origin check lets it in), reconnecting with a
// growing delay when the connection drops. The protocol: connection_init → connection_ack,
// subscribe → next… ; ping is answered with pong.

const RETRY_MS = [1000, 2000, 5000, 10000];

/**
 * Subscribes to `query` and calls `onEvent(data)` for each `next`; `onState('live' | 'connecting' |
 * 'offline', detail)` reports the connection. Returns a function that closes it for good.
 */
export function subscribe(query, { onEvent, onState }) {
  const url = new URL('../graphql', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket;
  let attempt = 0;
  let closed = false;
  let retry;

  const connect = () => {
    onState('connecting');
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      switch (message.type) {
        case 'connection_ack':
          attempt = 0;
          socket.send(JSON.stringify({ id: 'live', type: 'subscribe', payload: { query } }));
          onState('live');
          break;
        case 'next':
          onEvent(message.payload.data);
          break;
        case 'ping':
          socket.send(JSON.stringify({ type: 'pong' }));
          break;
        case 'error':
          onState('offline', message.payload?.map((e) => e.message).join(' — '));
          break;
        default:
          break;
      }
    });
    socket.addEventListener('close', (event) => {
      if (closed) {
        return;
      }

      onState('offline', event.reason || `WebSocket ${event.code}`);
      retry = setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
    });
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    socket?.close(1000);
  };
}
