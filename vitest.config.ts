import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '.next/**', '.palisade/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each PGlite instance costs ~300 MB; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    server: { deps: { inline: ['next-auth'] } },
  },
});
