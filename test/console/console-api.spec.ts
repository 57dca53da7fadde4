import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The console's generated API client matches openapi.json (scripts/console-api-check.mjs). */
describe('console API client', () => {
  it('is generated from the committed openapi.json', () => {
    const out = execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'console-api-check.mjs')], {
      encoding: 'utf8',
    });
    expect(out).toContain('up to date');
  });
});
