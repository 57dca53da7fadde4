import type { CompiledPack, LoadedPack } from '../../rules';

/**
 * A loaded, compiled pack, the version row it came from and the SHA-256 of its canonical content.
 * A file of its own: pack-content.ts builds one and pack-snapshot.ts holds them, so neither may declare
 * it without importing the other.
 */
export interface ActivePack {
  readonly compiled: CompiledPack;
  readonly pack: LoadedPack;
  readonly contentHash: string;
  readonly versionId: string;
  readonly seq: number;
}
