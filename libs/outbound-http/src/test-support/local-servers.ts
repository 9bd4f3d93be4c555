import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';

// Real servers on 127.0.0.1 for the specs. Every server is registered in a pool and closed
// (connections included) after each test, so a test that fails half-way leaks nothing.

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface LocalServer {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far: proves whether a refused fetch ever reached us. */
  readonly connections: () => number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export class ServerPool {
  private readonly closers: Array<() => Promise<void>> = [];

  /** An HTTP server; the handler runs once the request body has been read. */
  async http(handler: Handler): Promise<LocalServer> {
    const requests: RecordedRequest[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        handler(req, res, body);
      });
    });
    const { port, connections } = await this.listen(server);
    return { port, origin: `http://127.0.0.1:${port}`, requests, connections };
  }

  /** A TCP server that accepts connections and never says a word (stalls a TLS handshake). */
  async silentTcp(): Promise<LocalServer> {
    const server = createTcpServer(() => undefined);
    const { port, connections } = await this.listen(server);
    return { port, origin: `http://127.0.0.1:${port}`, requests: [], connections };
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.closers.splice(0).map((close) => close()));
  }

  private async listen(server: Server): Promise<{ port: number; connections: () => number }> {
    const sockets = new Set<Socket>();
    let accepted = 0;
    server.on('connection', (socket: Socket) => {
      accepted++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    this.closers.push(
      () =>
        new Promise<void>((resolve) => {
          sockets.forEach((s) => s.destroy());
          server.close(() => resolve());
        }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { port: (server.address() as AddressInfo).port, connections: () => accepted };
  }
}

/**
 * Counts client sockets this process opens while `work` runs (Node's 'net.client.socket'
 * diagnostics channel), so a test can prove a refusal happened before any connection attempt,
 * without ever sending a packet to the address being refused.
 */
export async function countClientSockets<T>(work: () => Promise<T>): Promise<{ sockets: number; result: PromiseSettledResult<T> }> {
  let sockets = 0;
  const onSocket = () => sockets++;
  subscribe('net.client.socket', onSocket);
  try {
    const [result] = await Promise.allSettled([work()]);
    return { sockets, result };
  } finally {
    unsubscribe('net.client.socket', onSocket);
  }
}
