import { mkdir, rename, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

import { inSpan, SpanKind } from '@badges/tracing';

import { NOTIFICATION_CONFIG } from '../common/tokens';
import type { NotificationConfig } from '../config/notification.config';

export interface OutgoingEmail {
  /** Also the .eml file name in outbox mode. */
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachment?: { filename: string; contentType: string; content: Buffer };
}

/** A connection is closed and opened again after this many messages (nodemailer's pool). */
const MESSAGES_PER_CONNECTION = 1_000;
/** Bounded waits: a hung SMTP server must fail the run (and be retried), not block a worker slot. */
const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * Sends over SMTP when SMTP_URL is set; otherwise (the embedded default, design.md §5) writes each
 * message as `<DATA_DIR>/outbox/<delivery id>.eml`. A throw is a failed run (the job retries).
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  readonly mode: 'smtp' | 'outbox';
  private readonly transport: Transporter;
  private readonly outboxDir: string;

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    this.outboxDir = join(config.dataDir, 'outbox');
    if (config.smtpUrl) {
      this.mode = 'smtp';
      // Pooled (decision 0053): a batch's messages go over a few open connections, not one connection (and EHLO) each.
      // The URL is parsed here: nodemailer takes a `url` option INSTEAD of every other option, so
      // `{ url, pool: true, ... }` silently sent each message over a new connection with default timeouts.
      this.transport = createTransport({
        ...parseConnectionUrl(config.smtpUrl),
        pool: true,
        maxConnections: config.smtpPoolConnections, // each sends one message at a time
        maxMessages: MESSAGES_PER_CONNECTION,
        getSocket: connectWithoutDelay,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
    } else {
      this.mode = 'outbox';
      this.transport = createTransport({ streamTransport: true, buffer: true });
    }
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    // A CLIENT span around the hand-over to SMTP (decision 0052), child of the send-email job's.
    const info = await inSpan(`email ${this.mode}`, { kind: SpanKind.CLIENT, attributes: { 'badges.email.mode': this.mode } }, () => this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.html === null ? {} : { html: email.html }),
      ...(email.attachment
        ? { attachments: [{ filename: email.attachment.filename, contentType: email.attachment.contentType, content: email.attachment.content }] }
        : {}),
    }));
    const messageId = String(info.messageId ?? '');
    if (this.mode === 'outbox') await this.writeEml(email.deliveryId, info.message as Buffer);
    return { messageId };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }

  /** Written beside, then renamed: a reader never sees half a message. */
  private async writeEml(deliveryId: string, message: Buffer): Promise<void> {
    await mkdir(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${deliveryId}.eml`);
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, message, { mode: 0o600 });
    await rename(partial, file);
  }
}

/**
 * Opens the pool's TCP connections with Nagle's algorithm off (decision 0053). nodemailer writes a
 * message in many small chunks and the final `.` on its own; on a reused connection, Nagle holds
 * that last write until the server ACKs the previous one, which the server delays by 40 ms: each
 * message then took ~45 ms however idle both ends were. nodemailer has no noDelay option; its pool's
 * getSocket hook (meant for proxies) takes a connected socket, and still does EHLO, STARTTLS or,
 * for smtps, the TLS handshake over it.
 */
function connectWithoutDelay(options: SMTPPool.Options, callback: (error: Error | null, socketOptions?: { connection: Socket }) => void): void {
  // nodemailer's own defaults when the URL names no host or port.
  const socket = connect({ host: options.host ?? 'localhost', port: Number(options.port) || (options.secure ? 465 : 587), noDelay: true });
  const fail = (error: Error) => {
    clearTimeout(timer);
    socket.destroy();
    callback(error);
  };
  const timer = setTimeout(() => fail(Object.assign(new Error(`Could not connect to the SMTP server within ${CONNECTION_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })), CONNECTION_TIMEOUT_MS);
  socket.once('error', fail);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeListener('error', fail);
    callback(null, { connection: socket });
  });
}
