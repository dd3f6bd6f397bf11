export * from './enums';
export * from './accounts';
export * from './consortia';
export * from './audit';
export * from './requirements';
export * from './collab';
export * from './baselines';
export * from './decisions';
