/**
 * The throughput baseline: a bare node:http server that answers every request with the same JSON body
 * Cairn returned for the item (from BASELINE_BODY), so the ratio shows what Cairn's stack costs.
 * Prints its port on stdout once listening.
 */
import http from 'node:http';

const body = Buffer.from(process.env.BASELINE_BODY ?? '{}', 'utf8');
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
process.on('SIGTERM', () => process.exit(0));
