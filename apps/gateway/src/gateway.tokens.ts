/** Nest injection tokens for the values createGatewayApp is given (not classes, so not injectable by type). */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const GATEWAY_DATABASE = Symbol('GATEWAY_DATABASE');
/** `Record<string, ServiceClient>`: the owning services, by name (see routing/forwarding-table.ts). */
export const SERVICE_CLIENTS = Symbol('SERVICE_CLIENTS');
/** The gateway's OutboxRelay (messaging): the events it writes in its transactions (staff emails) are published by it. */
export const GATEWAY_OUTBOX_RELAY = Symbol('GATEWAY_OUTBOX_RELAY');
