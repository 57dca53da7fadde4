import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CATALOGUE_FILE, loadMeasures, loadPacks, MEASURE_RULES_FILE, PACK_FILE, packDirs } from '../../rules';
import { contentHash, contentVersion, MEASURES_PACK } from './pack-content';
import type { NewVersion } from './pack-versions.store';

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8')) as unknown;

/**
 * The bundled rule packs (`rule-packs/`) as first versions: every pack validated first (a bad file
 * stops the boot with findings naming file, rule and field), then its content as stored.
 */
export function bundledVersions(rootDir: string, by: string): NewVersion[] {
  loadPacks(rootDir);
  loadMeasures(rootDir);
  // The folder's name, not its path: the reason is answered to callers, the server's file system is not.
  const reason = `imported from ${basename(rootDir)}/`;
  const out: NewVersion[] = packDirs(rootDir).map((packId) => {
    const content = readJson(join(rootDir, packId, PACK_FILE));
    return {
      packId,
      content,
      version: contentVersion(packId, content)!,
      contentHash: contentHash(content),
      by,
      reason,
    };
  });
  const measures = {
    catalogue: readJson(join(rootDir, MEASURES_PACK, CATALOGUE_FILE)),
    rules: readJson(join(rootDir, MEASURES_PACK, MEASURE_RULES_FILE)),
  };
  out.push({
    packId: MEASURES_PACK,
    content: measures,
    version: contentVersion(MEASURES_PACK, measures)!,
    contentHash: contentHash(measures),
    by,
    reason,
  });
  return out;
}
