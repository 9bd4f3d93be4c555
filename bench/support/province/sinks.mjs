// What the platform sends out, caught in the bench process: an SMTP server that keeps, per
// message, its recipients and the assertion it is about (or the confirmation link it carries), and
// an HTTP receiver that counts webhook deliveries per endpoint, event type and assertion.
import http from 'node:http';
import { createRequire } from 'node:module';

const { SMTPServer } = createRequire(import.meta.url)('smtp-server');

/** Quoted-printable soft breaks and `=3D` undone: enough to find the links in a message. */
const unfold = (raw) => raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');

export async function startSmtpSink() {
  const sink = {
    total: 0,
    /** assertion id -> recipients of each email about it */
    byAssertion: new Map(),
    /** email address -> the newest confirmation token sent to it */
    confirmations: new Map(),
    other: 0,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        sink.total++;
        const text = unfold(Buffer.concat(chunks).toString('latin1'));
        const to = session.envelope.rcptTo.map(({ address }) => address.toLowerCase()).join(',');
        const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
        const assertions = new Set([...text.matchAll(/\/public\/assertions\/([A-Za-z0-9_-]{6,})/g)].map((match) => match[1]));
        if (token) sink.confirmations.set(to, token);
        else if (assertions.size === 1) {
          const [id] = assertions;
          if (!sink.byAssertion.has(id)) sink.byAssertion.set(id, []);
          sink.byAssertion.get(id).push(to);
        } else sink.other++;
        callback();
      });
    },
  });
  // A stopped platform's pooled connections are reset: not the sink's problem.
  server.on('error', () => undefined);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { sink, url: `smtp://127.0.0.1:${server.server.address().port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

export async function startWebhookReceiver() {
  const receiver = {
    total: 0,
    /** endpoint name -> Map(`${eventType} ${assertionId}` -> deliveries) */
    byEndpoint: new Map(),
  };
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      receiver.total++;
      const endpoint = request.url.slice(1);
      try {
        const event = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!receiver.byEndpoint.has(endpoint)) receiver.byEndpoint.set(endpoint, new Map());
        const counts = receiver.byEndpoint.get(endpoint);
        const key = `${event.type} ${event.payload?.assertionId}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } catch {
        // counted in total; a body that is not JSON shows as a webhook nobody expected
      }
      response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    receiver,
    url: (endpoint) => `http://127.0.0.1:${server.address().port}/${endpoint}`,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
