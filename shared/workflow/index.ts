export * from './status.js';
export * from './due-dates.js';
export * from './permissions.js';
export * from './registry-redirect.js';
export * from './suggestions.js';
