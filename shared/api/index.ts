export * from './desk-api.js';
export * from './sync-protocol.js';
export * from './desk-dispatch.js';
