// The ceiling this machine allows: a bare Node `http` server, in a process of its own (wrk runs
// synchronously in the bench's process), answering recorded bytes and nothing else. Each recorded
// answer gets a path of its own and an ETag, so an If-None-Match row has a bare 304 beside it too.
import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = `
const { readFileSync } = require('node:fs');
const answers = new Map(JSON.parse(readFileSync(process.argv[1], 'utf8')).map(([path, a]) => [path, { ...a, body: Buffer.from(a.body, 'base64') }]));
require('node:http').createServer((req, res) => {
  const a = answers.get(req.url);
  if (!a) return res.writeHead(404).end();
  if (req.headers['if-none-match'] === a.etag) return res.writeHead(304, { etag: a.etag }).end();
  req.resume();
  res.writeHead(200, { 'content-type': a.contentType, 'content-length': a.body.length, etag: a.etag }).end(a.body);
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

/**
 * `answers` = { name: { contentType, body: Buffer } }. Returns { url(name), etag(name), stop() }.
 */
export async function startBareNode(answers) {
  const file = join(tmpdir(), `bench-bare-node-${process.pid}.json`);
  const names = Object.keys(answers);
  const pathOf = (name) => `/${names.indexOf(name)}`;
  const etagOf = (name) => `"bare-${names.indexOf(name)}"`;
  writeFileSync(file, JSON.stringify(names.map((name) => [pathOf(name), { contentType: answers[name].contentType, etag: etagOf(name), body: answers[name].body.toString('base64') }])));
  const child = spawn(process.execPath, ['-e', SERVER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(Number(String(data).trim())));
    child.once('exit', (code) => reject(new Error(`bare Node server exited with ${code}`)));
  });
  return {
    url: (name) => `http://127.0.0.1:${port}${pathOf(name)}`,
    etag: etagOf,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(file, { force: true });
    },
  };
}
