import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/problem';
import { PackAuthoringService } from '../packs/pack-authoring.service';
import {
  compileContent,
  compileMeasuresContent,
  contentFindings,
  contentHash,
  MEASURES_PACK,
} from '../packs/pack-content';
import { PackInvalid } from '../packs/packs.exception';
import { PacksService } from '../packs/packs.service';
import { RecordsService } from '../records/records.service';
import { SubjectsService } from '../subjects/subjects.service';
import { TieringService } from '../tiering/tiering.service';
import type { MeasuresSimulationReport, SimulationReport, TierChange } from './simulation.types';
import { MeasuresReplay } from './measures-replay';

const CHUNK = 1000;
const LISTED = 1000;

/**
 * Simulate before publishing (发布前模拟): every subject is evaluated as of a date under the active version
 * of a tier pack and under its draft, with the same records, so the difference is the draft's alone.
 */
@Injectable()
export class SimulationService {
  constructor(
    private readonly packs: PacksService,
    private readonly authoring: PackAuthoringService,
    private readonly subjects: SubjectsService,
    private readonly records: RecordsService,
    private readonly tiering: TieringService,
    private readonly clock: Clock,
    private readonly replay: MeasuresReplay,
  ) {}

  /** A measures draft: the checks of [from, to) replayed from the audit trail under the active measures and the draft. */
  async simulateMeasures(from?: string, to?: string): Promise<MeasuresSimulationReport> {
    if (!from || !to)
      throw new ValidationFailed([
        { field: from ? 'to' : 'from', reason: 'is required to replay the checks of a period' },
      ]);
    const draft = await this.authoring.draft(MEASURES_PACK);
    const findings = contentFindings(MEASURES_PACK, draft.content, `draft r${draft.revision}`);
    if (findings.length) throw new PackInvalid(findings);
    const candidate = compileMeasuresContent(0, draft.content, contentHash(draft.content));
    const active = this.packs.measures();
    const r = await this.replay.replay(active, candidate, from, to);
    const summary = [
      `联合奖惩措施 ${active.version} → 草稿 ${candidate.version}：回放 ${from} 至 ${to} 的核查 ${r.replayed} 次，结论改变 ${r.changed.length} 次`,
      `Measures ${active.version} → draft ${candidate.version}: ${r.changed.length} of ${r.replayed} checks from ${from} to ${to} would get another verdict`,
      ...r.changed.slice(0, 20).map((c) => `  ${c.checkId} ${c.scenario} (${c.caller}): ${c.active} → ${c.draft}`),
    ];
    return {
      packId: MEASURES_PACK,
      activeVersion: active.version,
      draftVersion: candidate.version,
      draftRevision: draft.revision,
      from,
      to,
      checksReplayed: r.replayed,
      truncated: r.truncated,
      changedCount: r.changed.length,
      changed: r.changed.slice(0, LISTED),
      summary,
    };
  }

  async simulate(packId: string, asOfGiven?: string): Promise<SimulationReport> {
    const draft = await this.authoring.draft(packId);
    const findings = contentFindings(packId, draft.content, `draft r${draft.revision}`, this.packs.packIndustries());
    if (findings.length) throw new PackInvalid(findings);
    const current = this.packs.get(packId);
    const candidate = compileContent(packId, 'draft', 0, draft.content, contentHash(draft.content));
    const asOf = asOfGiven ?? this.clock.today();
    const zero = () => Object.fromEntries(candidate.pack.tiers.map((t) => [t.tier, 0])) as Record<string, number>;
    const before = { ...Object.fromEntries(current.pack.tiers.map((t) => [t.tier, 0])), ...zero() };
    const after = zero();
    const changed: TierChange[] = [];
    let evaluated = 0;
    let changedCount = 0;
    let joined = 0;
    let left = 0;
    for (let afterId: string | null = null; ;) {
      const refs = await this.subjects.listRefs(afterId, CHUNK);
      if (!refs.length) break;
      afterId = refs[refs.length - 1].id;
      const recs = await this.records.recordsInForceFor(
        refs.map((r) => r.id),
        asOf,
      );
      const assignments = await this.tiering.assignmentsFor(refs.map((r) => r.id));
      for (const ref of refs) {
        const given = assignments.get(ref.id) ?? [];
        const [b] = this.tiering.tiersFor(ref, recs.get(ref.id) ?? [], asOf, [current], given);
        const [a] = this.tiering.tiersFor(ref, recs.get(ref.id) ?? [], asOf, [candidate], given);
        if (!b && !a) continue;
        evaluated += 1;
        if (b) before[b.evaluation.tier] = (before[b.evaluation.tier] ?? 0) + 1;
        if (a) after[a.evaluation.tier] = (after[a.evaluation.tier] ?? 0) + 1;
        if (!b) joined += 1; // the draft's membership takes the subject in (分行业)
        if (!a) left += 1; // … or leaves it out: it would lose its tier
        if (!a || !b || a.evaluation.tier === b.evaluation.tier) continue;
        changedCount += 1;
        if (changed.length >= LISTED) continue;
        const firedB = new Set(b.evaluation.fired.map((f) => f.rule));
        const firedA = new Set(a.evaluation.fired.map((f) => f.rule));
        changed.push({
          subjectId: ref.id,
          name: ref.name,
          code: ref.code,
          before: { tier: b.evaluation.tier, score: b.evaluation.score },
          after: { tier: a.evaluation.tier, score: a.evaluation.score },
          rulesAdded: [...firedA].filter((r) => !firedB.has(r)),
          rulesRemoved: [...firedB].filter((r) => !firedA.has(r)),
        });
      }
    }
    const report = {
      packId,
      industry: current.pack.industry,
      activeVersion: current.pack.version,
      draftVersion: candidate.pack.version,
      draftRevision: draft.revision,
      asOf,
      subjectsEvaluated: evaluated,
      distribution: { before, after },
      changedCount,
      membership: { joined, left },
      changed,
    };
    return {
      ...report,
      summary: summarise(
        report,
        current.pack.tiers.map((t) => t.tier),
      ),
    };
  }
}

function summarise(r: Omit<SimulationReport, 'summary'>, tiers: readonly string[]): string[] {
  const lines = [
    `规则包 ${r.packId}: 现行 ${r.activeVersion} → 草稿 ${r.draftVersion} (r${r.draftRevision})，基准日 ${r.asOf}，评价主体 ${r.subjectsEvaluated} 个`,
    `Pack ${r.packId}: active ${r.activeVersion} → draft ${r.draftVersion}, as of ${r.asOf}: ${r.changedCount} of ${r.subjectsEvaluated} subjects change tier`,
  ];
  if (r.membership.joined + r.membership.left > 0)
    lines.push(
      `行业归属变化：新纳入 ${r.membership.joined} 个，移出 ${r.membership.left} 个 / membership: ${r.membership.joined} subjects join the industry, ${r.membership.left} leave it`,
    );
  for (const t of tiers) {
    const b = r.distribution.before[t] ?? 0;
    const a = r.distribution.after[t] ?? 0;
    lines.push(`  ${t}: ${b} → ${a} (${a - b >= 0 ? '+' : ''}${a - b})`);
  }
  for (const c of r.changed.slice(0, 20)) {
    lines.push(
      `  ${c.name} (${c.code ?? c.subjectId}): ${c.before.tier} ${c.before.score} → ${c.after.tier} ${c.after.score}`,
    );
  }
  if (r.changedCount > 20) lines.push(`  … and ${r.changedCount - 20} more`);
  return lines;
}
