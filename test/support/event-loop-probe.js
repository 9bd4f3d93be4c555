// Preloaded (`node --require`) into a platform process that a test starts with an IPC channel: it
// measures that process's own event-loop delay, so a test can tell how long one request held the
// loop. The test sends {probe: 'reset'} before a request and {probe: 'read'} after its answer.
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 5 });
histogram.enable();

process.on('message', (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.probe === 'reset') {
    histogram.reset();
    process.send({ probe: 'reset' });
  } else if (message.probe === 'read') {
    process.send({ probe: 'read', maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 });
  }
});
// The IPC channel must not keep the platform alive once it has been asked to stop.
process.channel?.unref();
