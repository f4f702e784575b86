export * from './database';
export * from './evaluations';
export * from './scorecards';
export * from './settings';
export * from './tickets';
export * from './bulk';
export * from './backup';
export * from './export-evaluations';
