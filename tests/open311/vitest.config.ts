import { defineConfig } from 'vitest/config';

// Black-box suite of the public API: each file starts central as its own process and talks to it
// over HTTP only. Files run one after another: the machine is small and each file owns a server.
export default defineConfig({
  test: {
    include: ['tests/open311/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
