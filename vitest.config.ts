import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway Neo4j for the whole run (unless NEO4J_URI is given); each test file owns its data.
    globalSetup: ['test/setup/global-neo4j.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
