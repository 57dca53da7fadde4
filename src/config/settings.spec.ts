import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_TIMELY_WORKING_DAYS } from '../rules/quality';
import { ConfigError, loadConfig } from './app.config';
import { loadQualityConfig } from './quality.config';
import { renderSettingsDocs } from './settings-docs';
import { SETTINGS, setting } from './settings';

const ROOT = resolve(__dirname, '..', '..');
const env = { DATA_DIR: '/tmp/credit-settings-spec', ID_HASH_KEY: 'k'.repeat(32) };

describe('the settings schema (src/config/settings.ts) and what follows from it', () => {
  it('docs/configuration.md holds the tables generated from the schema (npm run docs:config)', () => {
    const page = readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8');
    if (renderSettingsDocs(page) !== page)
      throw new Error('docs/configuration.md differs from src/config/settings.ts: run npm run docs:config');
  });

  it('every variable the configuration reads is declared, and every one declared is read', () => {
    const dir = __dirname;
    const source = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'settings.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const read = new Set(
      [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]+)|\b(?:int|setting|dates)\(\s*(?:env,\s*)?'([A-Z][A-Z0-9_]+)'/g)].map(
        (m) => m[1] ?? m[2],
      ),
    );
    const declared = new Set(SETTINGS.map((s) => s.name));
    expect([...read].filter((n) => !declared.has(n))).toEqual([]);
    expect([...declared].filter((n) => !read.has(n))).toEqual([]);
  });

  it('whole-number settings are validated against the schema’s bounds, naming the variable', () => {
    for (const s of SETTINGS.filter((x) => x.kind === 'int' && x.section === 'service' && x.fallback !== undefined)) {
      expect(() => loadConfig({ ...env, [s.name]: String(s.max! + 1) })).toThrow(
        new ConfigError(s.name, `must be between ${s.min} and ${s.max}, got ${s.max! + 1}`),
      );
    }
    expect(loadConfig(env).port).toBe(setting('PORT').fallback);
    expect(loadConfig({ ...env, DB_POOL_SIZE: String(setting('DB_POOL_SIZE').max) }).dbPoolSize).toBe(200);
  });

  it('the 及时率 window: the schema’s default is the rules core’s, its bounds are enforced', () => {
    expect(setting('QUALITY_TIMELY_WORKING_DAYS').fallback).toBe(DEFAULT_TIMELY_WORKING_DAYS);
    expect(loadQualityConfig({}).timelyWorkingDays).toBe(DEFAULT_TIMELY_WORKING_DAYS);
    expect(() => loadQualityConfig({ QUALITY_TIMELY_WORKING_DAYS: '61' })).toThrow(/from 0 to 60, got "61"/);
    expect(() => loadQualityConfig({ QUALITY_TIMELY_WORKING_DAYS: '-1' })).toThrow(/QUALITY_TIMELY_WORKING_DAYS/);
  });
});
