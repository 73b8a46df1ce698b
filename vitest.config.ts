import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // One throwaway Neo4j for the run (unless NEO4J_URI is given); each test file owns its data.
          globalSetup: ['test/setup/global-neo4j.ts'],
        },
      },
    ],
  },
});
