// Public API of the framework-free Open Badges 2.0 library.
export * from './baking';
export * from './crypto';
export * from './model';
export * from './builders';
export * from './context';
export * from './recipient';
export * from './validation';
export * from './verification';
export * from './json';
export * from './report-texts';
export * from './editions';
