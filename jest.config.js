/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  // The database outage tests cut a TCP link to, or close, a PostgreSQL server; the embedded database (DATABASE_URL
  // unset) has none to cut or close, and runs one transaction at a time, so these files are not collected there (see their
  // headers).
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.DATABASE_URL
      ? []
      : ['<rootDir>/test/e2e/(outage[a-z-]*|concurrent-start|webhooks-order)\\.e2e\\.spec\\.ts$']),
  ],
  // global-setup.ts / global-teardown.ts, plus log capture: every worker's application logs go to
  // .test-logs/ (test/setup/log-capture.ts) and the teardown fails on any resident ID number in them.
  globalSetup: '<rootDir>/test/setup/log-global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/log-global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/setup/log-capture.ts'],
  testTimeout: 60000,
  // The embedded database is a single PostgreSQL session: one worker keeps tests from queueing behind
  // each other's transactions. On a real server (DATABASE_URL set) two workers are fine.
  maxWorkers: process.env.DATABASE_URL ? 2 : 1,
  // A worker keeps what every test file it ran left behind (a Nest application's modules, TypeORM metadata): seen
  // at 1.9 and 2.9 GB resident late in a run, where garbage collection over such a heap slowed the files after it
  // several times over. Past 1 GB a worker is replaced between two files.
  workerIdleMemoryLimit: '1GB',
};
