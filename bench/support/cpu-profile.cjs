// Preloaded into each service by `bench/events.mjs` when BENCH_PROFILE_DIR is set: a CPU profile
// of the whole run, written to $BENCH_PROFILE_DIR/<service>.cpuprofile when the service is told to
// stop (open it in Chrome DevTools or speedscope). The profiler starts here, before the app loads:
// starting it later, once Prisma's WebAssembly is compiled, killed some services outright (Node 20).
const { writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { basename, dirname, join } = require('node:path');

const service = basename(dirname(dirname(process.argv[1] ?? 'unknown/src/x')));
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
let written = false;
const write = () => {
  if (written) return;
  written = true;
  // The in-process session answers synchronously, so this works in an exit handler too.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(process.env.BENCH_PROFILE_DIR, `${service}.cpuprofile`), JSON.stringify(result.profile));
  });
};
process.prependListener('SIGTERM', write);
process.on('exit', write);
