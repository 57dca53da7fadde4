import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { ValidationFailed } from '../../common/problem';
import { DrawImpossible, drawInspectionPlan, type DrawInput } from '../../rules/draw';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/caller';
import { SubjectsService } from '../subjects/subjects.service';
import type { CreatePlanDto } from './dto/plan-request.dto';
import { NoSubjectsToDraw, PlanNotDrawable, PlanNotFound } from './inspections.exception';
import { InspectionsStore, type PlanRow } from './inspections.store';
import { buildDrawInput, inputsHash, packVersionsOf } from './plan-inputs';
import { planView, type PlanView } from './plan-view';

/**
 * Inspection plans (双随机、一公开): draw from the industry's current tiers, store the plan with what it
 * was drawn from, and read it back. The draw itself is pure (src/rules/draw/inspection-draw.ts).
 */
@Injectable()
export class InspectionPlansService {
  constructor(
    private readonly store: InspectionsStore,
    private readonly subjects: SubjectsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreatePlanDto, caller: Caller | undefined): Promise<PlanView> {
    validate(dto);
    const region = dto.region ?? null;
    const today = this.clock.today();
    const candidates = await this.store.candidates(dto.industry, region, today);
    if (candidates.length === 0) throw new NoSubjectsToDraw(dto.industry, region);
    const seed = dto.seed ?? randomBytes(16).toString('hex');
    const inputs = buildDrawInput(dto, candidates, seed, today);
    let drawn;
    try {
      drawn = drawInspectionPlan(inputs);
    } catch (err) {
      if (err instanceof DrawImpossible) throw new PlanNotDrawable(err);
      throw err;
    }
    const packVersions = packVersionsOf(candidates);
    const id = await this.store.insert(
      {
        department: dto.department,
        industry: dto.industry,
        region,
        period: dto.period,
        inputsHash: inputsHash(inputs),
        inputs,
        inspectors: [...dto.inspectors]
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .map((i) => ({ id: i.id, name: i.name, department: i.department })),
        packVersions,
        caller: caller?.name ?? null,
      },
      drawn,
    );
    const view = await this.get(id);
    await this.audit.append({
      kind: 'inspection.plan',
      caller: caller?.name ?? null,
      packVersions,
      request: {
        department: dto.department,
        industry: dto.industry,
        region,
        period: dto.period,
        seed,
        inspectors: dto.inspectors.length,
        leads: dto.leads?.length ?? 0,
      },
      response: { planId: id, inputsHash: view.inputsHash, tiers: view.tiers, items: view.items.length },
    });
    return view;
  }

  async get(id: string): Promise<PlanView> {
    const plan = await this.planRow(id);
    const items = await this.store.items(plan.id);
    const refs = await this.subjects.findRefs(items.map((i) => i.subjectId));
    return planView(plan, items, refs);
  }

  /** The plan with its published inputs: enough to re-run the draw. */
  async published(id: string): Promise<{ plan: PlanView; inputs: DrawInput }> {
    const plan = await this.get(id);
    const row = await this.planRow(id);
    return { plan, inputs: row.inputs };
  }

  async planRow(id: string): Promise<PlanRow> {
    const plan = await this.store.plan(id);
    if (!plan) throw new PlanNotFound(id);
    return plan;
  }
}

function validate(dto: CreatePlanDto): void {
  if (dto.period.from > dto.period.to)
    throw new ValidationFailed([{ field: 'period.to', reason: 'must be on or after period.from' }]);
  const seen = new Set<string>();
  dto.inspectors.forEach((i, at) => {
    if (seen.has(i.id))
      throw new ValidationFailed([{ field: `inspectors[${at}].id`, reason: `inspector ${i.id} is listed twice` }]);
    seen.add(i.id);
  });
}
