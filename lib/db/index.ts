export * from './database';
export * from './evaluations';
export * from './kpis';
export * from './scorecards';
export * from './settings';
export * from './tickets';
