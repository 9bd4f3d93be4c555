import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An old origin the operator redirects (issue #18's new-domain set-up, decision 0044): every path,
 * permanently (301), to the same path on the platform at `targetPort`. Counts the requests it saw.
 */
export async function startRedirectingOrigin(targetPort: number): Promise<{ url: string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const server = createServer((request, response) => {
    hits += 1;
    response.writeHead(301, { location: `http://127.0.0.1:${targetPort}${request.url}` }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
