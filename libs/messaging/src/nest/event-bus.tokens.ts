/** Injection tokens: inject the interfaces, never a transport (the domain cannot tell which it has). */
export const EVENT_PUBLISHER = Symbol('EVENT_PUBLISHER');
export const EVENT_SUBSCRIBER = Symbol('EVENT_SUBSCRIBER');
