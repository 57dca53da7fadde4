import type { LoadedMeasures } from '../../rules';
import type { ActivePack } from './active-pack';
import { compileContent, compileMeasuresContent, MEASURES_PACK } from './pack-content';

export type { ActivePack } from './active-pack';

/** One active version as stored (pack_active joined with pack_versions). */
export interface ActiveRow {
  readonly packId: string;
  readonly versionId: string;
  readonly seq: number;
  readonly version: string;
  readonly content: unknown;
  readonly contentHash: string;
}

/**
 * Everything an evaluation uses, compiled completely and frozen. The service swaps the whole snapshot
 * at once: an evaluation holding one keeps it to the end, and nobody ever sees a half-loaded set.
 */
export interface PackSnapshot {
  readonly packs: readonly ActivePack[];
  readonly measures: LoadedMeasures;
  readonly measuresVersionId: string;
  /** e.g. {"construction": "1.0.0", …, "measures": "1.0.0"} */
  readonly versions: Readonly<Record<string, string>>;
  /** `packId:versionId,…` sorted by pack id: what the change detector compares. */
  readonly signature: string;
}

export function signatureOf(rows: readonly { packId: string; versionId: string }[]): string {
  return [...rows]
    .sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0))
    .map((r) => `${r.packId}:${r.versionId}`)
    .join(',');
}

/** Compile a whole active set; throws (PackValidationError or a plain Error) if any part fails. */
export function buildSnapshot(rows: readonly ActiveRow[]): PackSnapshot {
  const m = rows.find((r) => r.packId === MEASURES_PACK);
  if (!m) throw new Error('no active version of the measures pack');
  const packs = rows
    .filter((r) => r.packId !== MEASURES_PACK)
    .sort((a, b) => (a.packId < b.packId ? -1 : 1))
    .map((r) => compileContent(r.packId, r.versionId, r.seq, r.content, r.contentHash));
  const measures = compileMeasuresContent(m.seq, m.content, m.contentHash);
  const versions: Record<string, string> = {};
  for (const p of packs) versions[p.pack.id] = p.pack.version;
  versions[MEASURES_PACK] = measures.version;
  return Object.freeze({
    packs: Object.freeze(packs),
    measures,
    measuresVersionId: m.versionId,
    versions: Object.freeze(versions),
    signature: signatureOf(rows),
  });
}
