/** Legal bases resolved against a file's legal sources: what every fired rule and applied measure cites. */
import type { LegalBasis, LegalSource, ResolvedLegalBasis } from './rule.types';

/** A file's legal sources by id. */
export function sourcesById(sources: readonly LegalSource[]): Map<string, LegalSource> {
  return new Map(sources.map((s) => [s.id, s] as const));
}

export function resolveBasis(sources: ReadonlyMap<string, LegalSource>, basis: LegalBasis): ResolvedLegalBasis {
  const s = sources.get(basis.source);
  if (!s) throw new Error(`unknown legal source "${basis.source}" (the loader should have refused the pack)`);
  const article = basis.article ?? s.article;
  const note = basis.note ?? s.note;
  return {
    source: s.id,
    title: s.title,
    ...(s.titleZh === undefined ? {} : { titleZh: s.titleZh }),
    ...(s.documentNumber === undefined ? {} : { documentNumber: s.documentNumber }),
    ...(article === undefined ? {} : { article }),
    ...(s.url === undefined ? {} : { url: s.url }),
    status: s.status,
    ...(note === undefined ? {} : { note }),
  };
}
