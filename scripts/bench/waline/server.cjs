// Waline's own server (@waline/vercel, a ThinkJS app) in one Node process on 127.0.0.1: the handler its
// package exports for serverless hosts, behind a plain http.Server, so the bench can pin it to one core
// and read its CPU from /proc like workerd's. Storage comes from the environment (SQLITE_PATH, SQLITE_DB).
//   node waline-server.cjs PORT             Waline
//   node waline-server.cjs --oauth-stub PORT   the list of OAuth services Waline fetches (OAUTH_URL) on
//                                              every request, answered empty on loopback: offline, the real
//                                              one fails every request with a 500.
const http = require('node:http');

if (process.argv[2] === '--oauth-stub') {
  const body = JSON.stringify({ services: [] });
  http
    .createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
    .listen(Number(process.argv[3]), '127.0.0.1', () => console.log('oauth stub listening'));
} else {
  const waline = require('@waline/vercel');
  const handler = waline({});
  http.createServer(handler).listen(Number(process.argv[2]), '127.0.0.1', () => {
    console.log('waline listening');
  });
}
