export * from './create-salt';
export * from './normalize-identity';
export * from './hash-identity';
export * from './identity-matches';
