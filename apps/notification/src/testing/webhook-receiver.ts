import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  answeredWith: number;
  at: number;
}

/** A local HTTP receiver; `respond(path)` decides the status of each answer (200 by default). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  respond: (path: string) => number = () => 200;
  private server?: Server;

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  hits(path: string): ReceivedWebhook[] {
    return this.received.filter((hit) => hit.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const status = this.respond(path);
        this.received.push({ path, at: Date.now(), headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8'), answeredWith: status });
        response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
