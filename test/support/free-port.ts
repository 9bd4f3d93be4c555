import { createServer } from 'node:net';

/**
 * Ports this test process has handed out. The kernel may give a just-closed port to the next
 * bind(0), and two services of one stack on one port fail silently: the second dies with
 * EADDRINUSE while the first answers its health check (a suite then saw another service's 404).
 */
const handedOut = new Set<number>();

/** Ids embed PUBLIC_URL, so an e2e test needs its port before the platform starts. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await unusedPort();
    if (handedOut.has(port)) continue;
    handedOut.add(port);
    return port;
  }
}

function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
