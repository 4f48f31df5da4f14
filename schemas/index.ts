export * from './common.js';
export * from './config.js';
export * from './key-result.js';
export * from './kpi.js';
export * from './okr.js';
export * from './page.js';
export * from './publish.js';
export * from './visibility.js';
