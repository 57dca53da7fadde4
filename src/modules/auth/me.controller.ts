import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from './caller';
import { MeDto } from './dto/me.dto';
import { SCOPES } from './scopes';
import { RequireScopes } from './scopes.decorator';

/**
 * `GET /api/v1/me`: the presented key's own name, scopes, scenarios and department, so a client (the
 * console, 信用监管工作台) shows only what the key may do. Any valid key may ask; nothing secret is answered.
 */
@ApiTags('auth (调用方与权限)')
@Controller('api/v1/me')
export class MeController {
  @Get()
  @RequireScopes(...SCOPES)
  @ApiOperation({
    summary: 'The calling API key (当前调用方): its name, scopes, scenarios and department',
    description:
      'Any valid key may call it. A revoked or unknown key gets 401 AUTH_INVALID, which a client takes as "sign in again".',
  })
  @ApiOkResponse({ type: MeDto })
  me(@Caller() caller: Caller | undefined): MeDto {
    // The guard sets the caller on every route that is not public; this route is not.
    const c = caller!;
    return { name: c.name, scopes: [...c.scopes], scenarios: [...c.scenarios], department: c.department };
  }
}
