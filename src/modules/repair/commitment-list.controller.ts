import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIELD_PROBLEM_DESCRIPTION } from '../../common/problem';
import { RequireScopes } from '../auth/scopes.decorator';
import { subjectBrief } from '../subjects/subjects.store';
import { CommitmentsQueries } from './commitments.queries';
import { CommitmentListQuery, CommitmentPageDto } from './dto/commitment-list.dto';

@ApiTags('credit commitments (信用承诺)')
@RequireScopes('records', 'repair')
@Controller('api/v1/commitments')
export class CommitmentListController {
  constructor(private readonly queries: CommitmentsQueries) {}

  @Get()
  @ApiOperation({
    summary: 'Credit commitments (信用承诺) with their outcome, newest first',
    description:
      'Commitment records (type commitment) with the subject (a natural person masked), the type (承诺类型: 告知承诺, 容缺受理型, 主动公开型, 行业自律型, 审批替代型, 信用修复型; filter `type`), the accepting department, the state (pending 待核查 / fulfilled 已履行 / breached 违背承诺) and the outcome recorded by POST /api/v1/records/{id}/commitment-outcome. Keyset pages: pass `nextCursor` back as `cursor`.',
  })
  @ApiOkResponse({ type: CommitmentPageDto })
  @ApiBadRequestResponse({
    description: `${FIELD_PROBLEM_DESCRIPTION}: status or type unknown, department, limit or cursor invalid`,
  })
  async list(@Query() q: CommitmentListQuery): Promise<CommitmentPageDto> {
    const limit = q.limit ?? 20;
    const rows = await this.queries.list({
      commitmentStatus: q.status ?? null,
      commitmentType: q.type ?? null,
      department: q.department ?? null,
      limit: limit + 1,
      after: q.cursor ?? null,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        subject: subjectBrief(r),
        source: r.source,
        decisionNumber: r.decisionNumber,
        industry: r.industry ?? 'general',
        decisionDate: r.decisionDate,
        status: r.status,
        commitmentStatus: r.commitmentStatus,
        commitmentStatusDate: r.commitmentStatusDate,
        commitmentType: r.commitmentType,
        outcome: r.outcome,
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }
}
