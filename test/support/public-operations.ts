import type { RegisteredRoute } from '@badges/service-kit';

import { FORWARDING_TABLE, LARGE_BODY_ROUTES } from '../../apps/gateway/src/routing/forwarding-table';

/** Methods OpenAPI describes; HEAD comes with GET and OPTIONS is the CORS preflight. */
const DESCRIBED_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Gateway routes that are not API: the Swagger UI and its assets (the document describes the
 * API, not itself), the web app's pages and assets, and Prometheus' /metrics (with METRICS_TOKEN;
 * docs/operations.md).
 */
const NOT_API = [/^\/docs(\/|$)/, /^\/app(\/|$)/, /^\/assets(\/|$)/, /^\/$/, /^\/favicon/, /^\/metrics$/];

/** `GET /v2/issuers/{entityId}`: one operation, in OpenAPI's path syntax. */
function operation(method: string, url: string): string {
  return `${method.toUpperCase()} ${url.replace(/:(\w+)/g, '{$1}')}`;
}

/** The forwarding entry the gateway would pick for a path: the longest prefix that holds it. */
function owningEntry(url: string) {
  const holders = FORWARDING_TABLE.filter((entry) => url === entry.prefix || url.startsWith(`${entry.prefix}/`));
  return holders.sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

function isForwardingRoute(url: string): boolean {
  return FORWARDING_TABLE.some((entry) => url === entry.prefix || url === `${entry.prefix}/*`) || LARGE_BODY_ROUTES.some((large) => large.url === url);
}

/**
 * What a caller can reach through the gateway: each service's routes that the forwarding table
 * sends to that service, and the gateway's own routes (not its forwarding wildcards).
 */
export function publicOperations(routesByService: Record<string, readonly RegisteredRoute[]>): Set<string> {
  const operations = new Set<string>();
  for (const [service, routes] of Object.entries(routesByService)) {
    for (const route of routes) {
      if (!DESCRIBED_METHODS.has(route.method)) continue;
      if (service === 'gateway') {
        if (isForwardingRoute(route.url) || NOT_API.some((pattern) => pattern.test(route.url))) continue;
      } else if (owningEntry(route.url)?.service !== service) {
        continue;
      }
      operations.add(operation(route.method, route.url));
    }
  }
  return operations;
}

/** Every operation an OpenAPI document describes. */
export function documentedOperations(document: { paths: Record<string, Record<string, unknown>> }): Set<string> {
  const operations = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of Object.keys(item)) if (DESCRIBED_METHODS.has(method.toUpperCase())) operations.add(operation(method, path));
  }
  return operations;
}
