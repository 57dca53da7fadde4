import { settingsTable, type Setting } from './settings';

const SECTIONS: Array<Setting['section']> = ['service', 'quality'];

/** A configuration page with every generated table (between its markers) rewritten from the schema. */
export function renderSettingsDocs(page: string): string {
  let out = page;
  for (const section of SECTIONS) {
    const re = new RegExp(`(<!-- settings:${section} [^\\n]*-->\\n)[\\s\\S]*?(\\n<!-- /settings:${section} -->)`);
    if (!re.test(out)) throw new Error(`docs/configuration.md has no <!-- settings:${section} … --> markers`);
    out = out.replace(re, (_m, open: string, close: string) => `${open}${settingsTable(section)}${close}`);
  }
  return out;
}
