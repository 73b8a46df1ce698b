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
      {
        extends: true,
        test: {
          // Timing tests (/health within 100 ms during a long computation) run on their own, after the
          // others, so that other test files do not take the cores they are measuring: `npm test` runs
          // this project in a second vitest run.
          name: 'responsiveness',
          include: ['test/responsiveness/**/*.test.ts'],
          globalSetup: ['test/setup/global-neo4j.ts'],
          maxWorkers: 1,
        },
      },
    ],
  },
});
