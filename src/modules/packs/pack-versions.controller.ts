import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiExtraModels,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ValidationFailed } from '../../common/problem';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { PublishDto, RollbackDto, SaveDraftDto } from './dto/pack-versions.dto';
import {
  DraftViewDto,
  PackVersionContentDto,
  PackVersionDto,
  PackVersionListDto,
} from './dto/pack-authoring-responses.dto';
import { PackAuthoringService } from './pack-authoring.service';
import { CONFLICT_EXAMPLE, DRAFT_VIEW_EXAMPLE, INVALID_EXAMPLE, VERSION_EXAMPLE } from './pack-versions.examples';

/** A JSON answer with its schema and an example (`type` alone would drop the example). */
const json = (model: Function, example: unknown) => ({
  'application/json': { schema: { $ref: getSchemaPath(model) }, example },
});
import { RevisionRequired } from './packs.exception';

const ID = { name: 'id', example: 'tax', description: 'Pack id (a tier pack, or `measures`)' };

/** "3", "\"3\"" or W/"3" -> 3; the body's revision when no header was sent. */
const REVISION = /^(?:W\/)?"?(\d{1,9})"?$/;

function revisionOf(ifMatch: string | undefined, body: number | undefined): number {
  if (ifMatch === undefined) {
    if (body === undefined) throw new RevisionRequired();
    return body;
  }
  const m = REVISION.exec(ifMatch.trim());
  if (!m) throw new RevisionRequired();
  return Number(m[1]);
}

@ApiTags('rule pack versions (规则包版本)')
@RequireScopes('packs')
@ApiExtraModels(DraftViewDto, PackVersionDto, PackVersionListDto, PackVersionContentDto)
@Controller('api/v1/packs/:id')
export class PackVersionsController {
  constructor(private readonly authoring: PackAuthoringService) {}

  @Get('versions')
  @ApiParam(ID)
  @ApiOperation({
    summary: 'Every published version of a pack, newest first, with who published it, when, why and which is active',
  })
  @ApiOkResponse({
    description: 'The versions (版本列表)',
    content: json(PackVersionListDto, { items: [VERSION_EXAMPLE] }),
  })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  async versions(@Param('id') id: string) {
    return { items: await this.authoring.versions(id) };
  }

  @Get('versions/:seq')
  @ApiParam(ID)
  @ApiParam({ name: 'seq', example: 1, description: 'Sequence number of the version in the pack (版本序号)' })
  @ApiOperation({ summary: 'One published version with its content (版本内容), e.g. to compare two versions' })
  @ApiOkResponse({
    description: 'The version and its content',
    content: json(PackVersionContentDto, { ...VERSION_EXAMPLE, content: { id: 'tax', version: '1.0.0', rules: [] } }),
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: seq is not a positive integer' })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND, PACK_VERSION_NOT_FOUND' })
  version(@Param('id') id: string, @Param('seq') seq: string) {
    if (!/^[1-9]\d{0,8}$/.test(seq))
      throw new ValidationFailed([{ field: 'seq', reason: 'must be a positive integer' }]);
    return this.authoring.versionContent(id, Number(seq));
  }

  @Get('draft')
  @ApiParam(ID)
  @ApiOperation({
    summary:
      'The draft (草稿) with its revision and validation findings; revision 0 and the active content when none was saved',
  })
  @ApiOkResponse({ description: 'The draft (草稿)', content: json(DraftViewDto, DRAFT_VIEW_EXAMPLE) })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  draft(@Param('id') id: string) {
    return this.authoring.draft(id);
  }

  @Put('draft')
  @ApiParam(ID)
  @ApiHeader({
    name: 'if-match',
    required: false,
    description: 'Revision the edit is based on (0: no draft yet); or `revision` in the body',
  })
  @ApiBody({ type: SaveDraftDto })
  @ApiOperation({
    summary:
      'Save the draft if it is still at the given revision (optimistic locking); answers the new revision and findings',
  })
  @ApiOkResponse({
    description: 'The saved draft with its new revision and findings',
    content: json(DraftViewDto, DRAFT_VIEW_EXAMPLE),
  })
  @ApiConflictResponse({
    description: 'DRAFT_CONFLICT: saved by someone else meanwhile',
    schema: { example: CONFLICT_EXAMPLE },
  })
  saveDraft(
    @Param('id') id: string,
    @Body() body: SaveDraftDto,
    @Caller() caller: Caller,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.authoring.saveDraft(id, revisionOf(ifMatch, body.revision), body.content, {
      caller,
      operator: body.operator,
    });
  }

  @Post('publish')
  @HttpCode(201)
  @ApiParam(ID)
  @ApiOperation({
    summary:
      'Publish the draft: validate, store as an immutable version, activate it on every instance (within a second); audited pack.publish',
  })
  @ApiCreatedResponse({
    description: 'The version published and now active (已发布版本)',
    content: json(PackVersionDto, VERSION_EXAMPLE),
  })
  @ApiUnprocessableEntityResponse({
    description: 'PACK_INVALID: findings name file, rule and JSON pointer; nothing changed',
    schema: { example: INVALID_EXAMPLE },
  })
  @ApiHeader({
    name: 'if-match',
    required: false,
    description:
      'The draft revision (草稿版本号) you validated and simulated: publish only that one (409 DRAFT_CONFLICT when another save came since). Without it the current draft is published.',
    example: '3',
  })
  @ApiConflictResponse({
    description:
      'PACK_NO_DRAFT, PACK_VERSION_EXISTS (raise `version` first), or DRAFT_CONFLICT: the draft is no longer at the If-Match revision',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: reason missing, or If-Match not a draft revision' })
  publish(
    @Param('id') id: string,
    @Body() body: PublishDto,
    @Caller() caller: Caller,
    @Headers('if-match') ifMatch?: string,
  ) {
    const m = ifMatch === undefined ? null : REVISION.exec(ifMatch.trim());
    if (ifMatch !== undefined && !m)
      throw new ValidationFailed([{ field: 'If-Match', reason: 'must be the draft revision, a non-negative integer' }]);
    const expected = m ? Number(m[1]) : undefined;
    return this.authoring.publish(id, body.reason, { caller, operator: body.operator }, expected);
  }

  @Post('rollback')
  @HttpCode(200)
  @ApiParam(ID)
  @ApiOperation({ summary: 'Activate an earlier published version again on every instance; audited pack.rollback' })
  @ApiOkResponse({ description: 'The version active again', content: json(PackVersionDto, VERSION_EXAMPLE) })
  @ApiNotFoundResponse({ description: 'PACK_VERSION_NOT_FOUND' })
  rollback(@Param('id') id: string, @Body() body: RollbackDto, @Caller() caller: Caller) {
    return this.authoring.rollback(id, body.versionId, body.reason, { caller, operator: body.operator });
  }
}
