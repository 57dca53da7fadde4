import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { FIELD_PROBLEM_DESCRIPTION, PROBLEM_DESCRIPTION } from '../../common/problem';
import { uuidParam } from '../../common/uuid-param';
import type { PendingAudit } from '../audit/audit-outbox';
import { Audited, AuditedInterceptor, PendingAuditOf } from '../audit/audited.interceptor';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import {
  AsOfQuery,
  DecideProposalDto,
  EntryListQuery,
  ExitEntryDto,
  OpenEntryDto,
} from './dto/governance-requests.dto';
import {
  DeclinedDto,
  EntryDto,
  EntryListDto,
  ExitStatisticsDto,
  KeyAttentionListDto,
  ProposalListDto,
  PublicBodyDefaultersDto,
} from './dto/governance-responses.dto';
import { GovernanceService } from './governance.service';

const CREDIT_OFFICE =
  'The credit office (信用主管部门) decides: an admin key (the scope `repair` reads the ledger, it does not change it).';

@ApiTags('special governance (专项治理)')
@RequireScopes('repair')
@Controller('api/v1/governance')
@UseInterceptors(AuditedInterceptor)
export class GovernanceController {
  constructor(private readonly governance: GovernanceService) {}

  @Get('proposals')
  @ApiOperation({
    summary: 'Proposed governance objects (建议列入专项治理的“屡禁不止、屡罚不改”对象)',
    description:
      'Subjects penalised at least `minPenalties` times for the same violation type (违法行为类型) with decision dates in the last `windowMonths` months up to asOf (revoked penalties do not count), ' +
      'not already in the ledger for that type and not declined on the same penalties. Both numbers are local parameters (see `parameters.basis`).',
  })
  @ApiOkResponse({ type: ProposalListDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: asOf` })
  proposals(@Query() q: AsOfQuery): Promise<ProposalListDto> {
    return this.governance.proposals(q.asOf);
  }

  @Post('proposals/accept')
  @RequireScopes('admin')
  @Audited('governance.accept')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Accept a proposal into the governance ledger (确认列入专项治理台账)',
    description: `${CREDIT_OFFICE} The proposal is recomputed today; the entry keeps its triggering penalties. 422 GOVERNANCE_NO_PROPOSAL when there is none (field violationType); 409 GOVERNANCE_ALREADY_OPEN.`,
  })
  @ApiCreatedResponse({ type: EntryDto })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: SUBJECT_NOT_FOUND (field subjectId)` })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_ALREADY_OPEN` })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_NO_PROPOSAL` })
  accept(
    @Body() dto: DecideProposalDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<EntryDto> {
    return this.governance.accept(dto, caller, audit);
  }

  @Post('proposals/decline')
  @HttpCode(200)
  @RequireScopes('admin')
  @Audited('governance.decline')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Decline a proposal (不予列入)',
    description: `${CREDIT_OFFICE} Kept with its reason; a new penalty of the same type proposes the subject again.`,
  })
  @ApiOkResponse({ type: DeclinedDto })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: SUBJECT_NOT_FOUND (field subjectId)` })
  @ApiUnprocessableEntityResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_NO_PROPOSAL` })
  decline(
    @Body() dto: DecideProposalDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<DeclinedDto> {
    return this.governance.decline(dto, caller, audit);
  }

  @Post('entries')
  @RequireScopes('admin')
  @Audited('governance.enter')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Enter a subject in the governance ledger by hand (信用主管部门列入专项治理台账)',
    description: `${CREDIT_OFFICE} With the reason and the responsible department. 409 GOVERNANCE_ALREADY_OPEN when an open entry of the same violation type exists.`,
  })
  @ApiCreatedResponse({ type: EntryDto })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: SUBJECT_NOT_FOUND (field subjectId)` })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_ALREADY_OPEN` })
  open(
    @Body() dto: OpenEntryDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<EntryDto> {
    return this.governance.openManual(dto, caller, audit);
  }

  @Get('entries')
  @ApiOperation({ summary: 'The governance ledger (专项治理台账), newest entry first' })
  @ApiOkResponse({ type: EntryListDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: status, department or limit invalid` })
  async list(@Query() q: EntryListQuery): Promise<EntryListDto> {
    return { items: await this.governance.list(q) };
  }

  @Get('entries/:id')
  @ApiOperation({ summary: 'One ledger entry (台账条目)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: EntryDto })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_ENTRY_NOT_FOUND` })
  get(@Param('id', uuidParam()) id: string): Promise<EntryDto> {
    return this.governance.get(id);
  }

  @Post('entries/:id/exit')
  @HttpCode(200)
  @RequireScopes('admin')
  @Audited('governance.exit')
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Record the exit of a governance object (治理对象退出)',
    description: `${CREDIT_OFFICE} rectified 整改到位, repaired 信用修复 or closed_other, with the date and the evidence note; once (409 GOVERNANCE_ENTRY_NOT_OPEN).`,
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: EntryDto })
  @ApiBadRequestResponse({ description: `${PROBLEM_DESCRIPTION} naming each field` })
  @ApiNotFoundResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_ENTRY_NOT_FOUND` })
  @ApiConflictResponse({ description: `${PROBLEM_DESCRIPTION}: GOVERNANCE_ENTRY_NOT_OPEN` })
  exit(
    @Param('id', uuidParam()) id: string,
    @Body() dto: ExitEntryDto,
    @Caller() caller: Caller | undefined,
    @PendingAuditOf() audit: PendingAudit | undefined,
  ): Promise<EntryDto> {
    return this.governance.exit(id, dto, caller, audit);
  }

  @Get('statistics')
  @ApiOperation({
    summary: 'Exit rate per department and overall (治理对象退出率)',
    description:
      'As of a day: entries opened by then; 退出率 = (rectified + repaired) / (entries − closedOther) — leaving closed_other out of the base is a local reading. District target: 100% (task 13).',
  })
  @ApiOkResponse({ type: ExitStatisticsDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: asOf` })
  statistics(@Query() q: AsOfQuery): Promise<ExitStatisticsDto> {
    return this.governance.statistics(q.asOf);
  }

  @Get('public-body-defaulters')
  @ApiOperation({
    summary: 'Public bodies on the 失信被执行人 list and their rectification rate (事业单位失信被执行人整改到位率)',
    description:
      'Subjects of kind public_body (机关事业单位) with a court_defaulter listing decided by asOf; a subject is rectified (整改到位) when none of its listings is in force on asOf (ended, removed, repaired or revoked). District target: 100% (task 14).',
  })
  @ApiOkResponse({ type: PublicBodyDefaultersDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: asOf` })
  publicBodies(@Query() q: AsOfQuery): Promise<PublicBodyDefaultersDto> {
    return this.governance.publicBodyDefaulters(q.asOf);
  }

  @Get('key-attention')
  @ApiOperation({
    summary: 'The key-attention list (重点关注名单) in force, with the governance entries of its subjects',
    description:
      'Subjects with a key_attention list entry in force on asOf (the records module keeps the list). `measures` is empty: no measure was found resting on the list itself; `note` says where closer supervision is carried (tier rules).',
  })
  @ApiOkResponse({ type: KeyAttentionListDto })
  @ApiBadRequestResponse({ description: `${FIELD_PROBLEM_DESCRIPTION}: asOf` })
  keyAttention(@Query() q: AsOfQuery): Promise<KeyAttentionListDto> {
    return this.governance.keyAttention(q.asOf);
  }
}
