import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

import { parseEmail, type ParsedEmail } from './mime';

export interface ReceivedEmail extends ParsedEmail {
  envelopeTo: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (random port). `reject = true` makes it refuse every message, `rejectTo` those to some addresses. */
export class SmtpTestServer {
  readonly received: ReceivedEmail[] = [];
  reject = false;
  /** Refuses only the messages to these addresses (a batch with one bad recipient). */
  readonly rejectTo = new Set<string>();
  /** SMTP connections opened to this server so far: a pooled sender reuses them. */
  connections = 0;
  private server?: SMTPServer;
  private port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (session, callback) => {
        this.connections++;
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.reject || session.envelope.rcptTo.some((rcpt) => this.rejectTo.has(rcpt.address))) {
            callback(Object.assign(new Error('Mailbox unavailable (test server refuses)'), { responseCode: 550 }));
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({ ...parseEmail(raw), raw, envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = ((this.server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
