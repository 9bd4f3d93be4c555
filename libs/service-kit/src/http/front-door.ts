import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';

import type { FastifyServerOptions } from 'fastify';

import type { HttpObserver } from '../metrics/http-metrics';

/** Answers a request itself and returns true, or returns false to let Fastify handle it. */
export type FrontDoorAnswer = (request: IncomingMessage, response: ServerResponse) => boolean;

type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A way in before Fastify: for answers that are ready as bytes (the gateway's cached public
 * documents), Fastify's request and reply objects, routing and hooks cost more than the answer
 * itself, and allocating them is most of what the collector then has to sweep. The app decides
 * what the door answers once it is built (`use`); until then, and for everything it declines,
 * Fastify handles the request as usual. `app.inject()` never passes it (it calls Fastify
 * directly), so whatever the door answers must also be answered the same way inside Fastify.
 */
export class FrontDoor {
  private readonly answers: { answer: FrontDoorAnswer; route: string }[] = [];
  private observe?: HttpObserver;

  /**
   * Adds a way to answer; each is asked in turn until one answers. `route` names what it answers
   * in the HTTP metrics, as a Fastify route pattern would (Fastify's hooks never see these).
   */
  use(answer: FrontDoorAnswer, route: string): void {
    this.answers.push({ answer, route });
  }

  /** createServiceApp hands in the app's HTTP metrics. */
  measureWith(observe: HttpObserver): void {
    this.observe = observe;
  }

  private answer(request: IncomingMessage, response: ServerResponse): boolean {
    const started = this.observe && performance.now();
    for (const { answer, route } of this.answers) {
      if (!answer(request, response)) continue;
      // Answers are ready bytes, written before `answer` returns: the time is already known.
      if (this.observe && started !== undefined) this.observe(request.method ?? 'GET', route, response.statusCode, (performance.now() - started) / 1000);
      return true;
    }
    return false;
  }

  /**
   * Fastify's `serverFactory`: the HTTP/1 server Fastify would have made (same timeouts), with
   * the door in front of its handler.
   */
  readonly serverFactory = (handler: HttpHandler, options: FastifyServerOptions & { http?: ServerOptions }): Server => {
    const server = createServer(options.http ?? {}, (request, response) => {
      if (!this.answer(request, response)) handler(request, response);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
