/** Two tiers: unit tests beside the code, integration tests (real app, real database) in test/. */
const transform = { '^.+\\.ts$': ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }] };
const moduleNameMapper = { '^@mingle/shared$': '<rootDir>/../shared/src/index.ts' };
const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleNameMapper };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], slowTestThreshold: 30, testTimeout: 30_000 },
    // Private PostgreSQL and Redis servers that the tests stop, kill and restart (test/support/services.ts).
    { ...common, displayName: 'outage', testMatch: ['<rootDir>/test/outage/**/*.outage.ts'], slowTestThreshold: 120, testTimeout: 120_000 },
  ],
};
