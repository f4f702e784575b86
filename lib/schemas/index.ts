export * from './common';
export * from './ticket';
export * from './scorecard';
export * from './evaluation';
export * from './profile';
