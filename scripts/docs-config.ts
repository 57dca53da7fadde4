import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSettingsDocs } from '../src/config/settings-docs';

/** `npm run docs:config`: write docs/configuration.md's settings tables from src/config/settings.ts. */
const file = join(__dirname, '..', '..', 'docs', 'configuration.md');
const before = readFileSync(file, 'utf8');
const after = renderSettingsDocs(before);
writeFileSync(file, after);
console.log(after === before ? 'docs/configuration.md is up to date' : 'docs/configuration.md written');
