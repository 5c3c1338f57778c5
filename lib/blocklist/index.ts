/**
 * Palisade's blocklist library: pure functions (no database, no React), shared by the federation
 * screens, the blocklist exchange and the CLI.
 */
export * from './canary';
export * from './csv';
export * from './domain';
export * from './export';
export * from './obfuscation';
export * from './parse';
export * from './review';
export * from './severity';
