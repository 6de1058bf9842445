export * from './types.js';
export * from './lexicon.js';
export * from './engine.js';
export * from './redact.js';
export * from './resolve.js';
export { validateHetu, hetuCheckChar } from './recognizers/hetu.js';
export { validateYtunnus, ytunnusCheckDigit, luhnValid, domesticAccountToMachineFormat } from './recognizers/bank.js';
export { nameLemmaCandidates } from './finnish-inflection.js';
export { findGuardedIdentifiers, GUARDED_KINDS, type GuardedKind, type GuardOptions } from './guard.js';
