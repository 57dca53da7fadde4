import type { SubjectRef } from '../subjects/subjects.types';
import type { ItemRow, PlanRow } from './inspections.store';

export interface PlanItemView {
  id: string;
  position: number;
  subject: {
    id: string;
    kind: string | null;
    name: string | null;
    code: string | null;
    idMasked: string | null;
    region: string | null;
  };
  tier: string;
  reason: string;
  inspectors: Array<{ id: string; name: string | null }>;
  onSite: boolean;
  keyItemsFull: boolean;
  result: { result: string; date: string | null; findings: string | null; recordId: string | null } | null;
}

export interface PlanView {
  id: string;
  department: string;
  industry: string;
  region: string | null;
  period: { from: string; to: string };
  seed: string;
  algorithm: string;
  inputsHash: string;
  packVersions: Record<string, string>;
  tiers: PlanRow['tiers'];
  inspectors: Array<{ id: string; name: string; department: string; load: number }>;
  items: PlanItemView[];
  createdAt: string;
}

/** A natural person's name shows its first character only (张**): a published plan carries no personal data. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

function subjectView(id: string, ref: SubjectRef | undefined): PlanItemView['subject'] {
  if (!ref) return { id, kind: null, name: null, code: null, idMasked: null, region: null };
  const person = ref.kind === 'natural_person';
  return {
    id,
    kind: ref.kind,
    name: person ? maskName(ref.name) : ref.name,
    code: ref.code,
    idMasked: ref.idMasked,
    region: ref.region,
  };
}

export function planView(
  plan: PlanRow,
  items: readonly ItemRow[],
  subjects: ReadonlyMap<string, SubjectRef>,
): PlanView {
  const names = new Map(plan.inspectors.map((i) => [i.id, i.name]));
  const load = new Map<string, number>();
  for (const item of items) for (const i of item.inspectors) load.set(i, (load.get(i) ?? 0) + 1);
  return {
    id: plan.id,
    department: plan.department,
    industry: plan.industry,
    region: plan.region,
    period: { from: plan.periodFrom, to: plan.periodTo },
    seed: plan.seed,
    algorithm: plan.algorithm,
    inputsHash: plan.inputsHash,
    packVersions: plan.packVersions,
    tiers: plan.tiers,
    inspectors: plan.inspectors.map((i) => ({ ...i, load: load.get(i.id) ?? 0 })),
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      subject: subjectView(item.subjectId, subjects.get(item.subjectId)),
      tier: item.tier,
      reason: item.reason,
      inspectors: item.inspectors.map((id) => ({ id, name: names.get(id) ?? null })),
      onSite: item.onSite,
      keyItemsFull: item.keyItemsFull,
      result: item.result
        ? { result: item.result, date: item.resultDate, findings: item.findings, recordId: item.recordId }
        : null,
    })),
    createdAt: new Date(plan.createdAt).toISOString(),
  };
}
