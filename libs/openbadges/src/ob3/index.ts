// Open Badges 3.0 (Verifiable Credentials), beside the 2.0 modules (decision 0048).
export * from './issue';
export * from './verify';
