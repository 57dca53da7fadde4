import { Body, Controller, Get, Headers, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FIELD_PROBLEM_DESCRIPTION, PROBLEM_DESCRIPTION } from '../../common/problem';
import { JsonOnlyGuard } from '../../common/json-only.guard';
import { Caller } from '../auth/caller';
import { RequireScopes } from '../auth/scopes.decorator';
import { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto';
import { KeysService } from './keys.service';

const operatorOf = (v: string | undefined): string | null => (typeof v === 'string' && v.length <= 100 ? v : null);

@ApiTags('API keys (API密钥管理)')
@RequireScopes('admin')
@Controller('api/v1/api-keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every API key (API密钥列表): name, prefix, scopes, scenarios, department, rate, created, last used, revoked',
    description: 'Never a key, never its hash. Live keys first.',
  })
  @ApiOkResponse({ type: ApiKeyListDto })
  list() {
    return this.keys.list();
  }

  @Post()
  @UseGuards(JsonOnlyGuard)
  @ApiOperation({
    summary: 'Issue an API key (新建API密钥): the key is answered this once',
    description:
      'The same rules as `npm run keys -- create`. The key in full is in this answer only: it is stored as a SHA-256, never logged, never in the audit entry (kind api-key.create, which records the settings, id and prefix).',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse({
    description: `VALIDATION_FAILED naming the field (name, scopes, scenarios, rateLimitPerMinute, department): ${FIELD_PROBLEM_DESCRIPTION}`,
  })
  @ApiConflictResponse({ description: `API_KEY_NAME_TAKEN: a live key has this name: ${PROBLEM_DESCRIPTION}` })
  create(
    @Body() body: CreateApiKeyDto,
    @Caller() caller: Caller | undefined,
    @Headers('x-operator') operator: string | undefined,
  ) {
    return this.keys.create(caller, operatorOf(operator), body);
  }

  @Post(':key/revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an API key (吊销API密钥), by id or by the name of a live key',
    description:
      'A running server refuses the key at once (401 AUTH_INVALID, "revoked"). Audited (kind api-key.revoke). The last live admin key is not revoked here (409 LAST_ADMIN_KEY): the CLI can.',
  })
  @ApiParam({
    name: 'key',
    description: 'Key id (密钥编号, UUID) or the name of a live key (调用方名称)',
    example: 'qijiang-tendering-platform',
  })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiNotFoundResponse({ description: `API_KEY_NOT_FOUND: ${PROBLEM_DESCRIPTION}` })
  @ApiConflictResponse({ description: `API_KEY_ALREADY_REVOKED or LAST_ADMIN_KEY: ${PROBLEM_DESCRIPTION}` })
  revoke(
    @Param('key') key: string,
    @Caller() caller: Caller | undefined,
    @Headers('x-operator') operator: string | undefined,
  ) {
    return this.keys.revoke(caller, operatorOf(operator), key);
  }
}
