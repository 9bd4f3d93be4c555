// Public API of the framework-free Open Badges library: 2.0, and 3.0 in ./ob3.
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
export * from './ob3';
