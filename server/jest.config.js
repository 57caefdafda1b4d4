/**
 * Three tiers: unit tests beside the code, integration tests (real app, real database) in test/,
 * and the fuzz tier (malformed input to every route and to the socket) in test/fuzz/.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const moduleNameMapper = { '^@mingle/shared$': '<rootDir>/../shared/src/index.ts' };
const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleNameMapper };
// testTimeout is a global option: Jest ignores it inside a project.
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], slowTestThreshold: 30 },
    { ...common, displayName: 'fuzz', testMatch: ['<rootDir>/test/fuzz/**/*.fuzz.ts'], slowTestThreshold: 120, testTimeout: 180_000 },
    // Private PostgreSQL and Redis servers that the tests stop, kill and restart (test/support/services.ts).
    { ...common, displayName: 'outage', testMatch: ['<rootDir>/test/outage/**/*.outage.ts'], slowTestThreshold: 120, testTimeout: 120_000 },
  ],
};
