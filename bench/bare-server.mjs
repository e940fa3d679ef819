// The baseline of `npm run bench -- http`: the product's Fastify, nothing else (no plugins,
// hooks, database, session or schema), answering one JSON body read from the file named on
// the command line, serialized afresh for every request as any real answer is.
// Prints `{"port":N}` on its first line once it listens.
import fs from 'node:fs';
import Fastify from 'fastify';

const file = process.argv[2];
if (!file) {
  process.stderr.write('Cách dùng: node bench/bare-server.mjs <tệp JSON>\n');
  process.exit(64);
}
const body = JSON.parse(fs.readFileSync(file, 'utf8'));
const app = Fastify({ logger: false });
app.get('/list', async () => body);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
const stop = () => app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
