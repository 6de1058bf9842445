export * from './enums.js';
export * from './ids.js';
export * from './reference.js';
export * from './collaboration.js';
export * from './feedback-item.js';
export * from './attachments.js';
