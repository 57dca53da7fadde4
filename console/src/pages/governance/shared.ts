import type { Schemas } from '../../api/client';

export type Entry = Schemas['EntryDto'];
export type Proposal = Schemas['ProposalDto'];
export type EntryStatus = 'open' | 'rectified' | 'repaired' | 'closed_other';
export type ExitStatus = Exclude<EntryStatus, 'open'>;

/** Ledger states, always with their word (治理中 蓝, 整改到位 绿, 信用修复 绿, 其他 灰). */
export const ENTRY_STATUS: Record<EntryStatus, { color: string; zh: string; en: string }> = {
  open: { color: 'processing', zh: '治理中', en: 'Open' },
  rectified: { color: 'success', zh: '整改到位', en: 'Rectified' },
  repaired: { color: 'success', zh: '信用修复', en: 'Credit repaired' },
  closed_other: { color: 'default', zh: '其他情形办结', en: 'Closed otherwise' },
};

/** A rate (0..1) as a percentage with two decimals; "—" when there is nothing to count. */
export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

/** The subject as lists show it: the name, then the credit code or the masked ID number the service answers. */
export const subjectText = (s: Schemas['SubjectBriefDto']) => `${s.name} ${s.code ?? s.idMasked ?? ''}`.trim();
