/**
 * Browser end-to-end tests of the console (`npm run test:browser`, after `npm run build:console`): Debian's
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium) driven by playwright-core against the real service
 * on the real database (DATABASE_URL, or the embedded one), with the suite's global setup (a rebuilt
 * schema) and log capture (no resident ID number in any log line). Screenshots of every page go to
 * test-output/browser/ (gitignored). Separate from `npm test`: a newcomer's machine may lack Chromium.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 180000,
  maxWorkers: 1,
};
