// The floor of `npm run bench -- exchange`: a bare Node HTTP server that streams each POSTed
// body to a file of its own in the directory named on the command line and answers 200, with
// nothing else (no signature, parsing, database or file store). Prints `{"port":N}` once it listens.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('Cách dùng: node bench/bare-sink.mjs <thư mục>\n');
  process.exit(64);
}
let n = 0;
const server = http.createServer((req, res) => {
  const file = path.join(dir, `${process.pid}-${++n}.bin`);
  pipeline(req, fs.createWriteStream(file)).then(
    () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}'),
    () => res.writeHead(500).end(),
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
