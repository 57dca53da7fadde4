import { Controller, Get, Param } from '@nestjs/common';
import { ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FACT_CATALOGUE } from '../../rules';
import { PacksService } from './packs.service';
import { packSummary } from './packs.view';
import { RequireScopes } from '../auth/scopes.decorator';
import {
  FactCatalogueDto,
  PackDetailDto,
  PackInspectionPolicyDto,
  PackListDto,
  PackParameterDto,
} from './dto/pack-responses.dto';

@ApiTags('rule packs (规则包)')
@RequireScopes('packs', 'tiers')
@ApiExtraModels(PackInspectionPolicyDto, PackParameterDto)
@Controller('api/v1')
export class PacksController {
  constructor(private readonly packs: PacksService) {}

  @Get('packs')
  @ApiOperation({
    summary: 'Active rule packs (生效规则包): id, industry, version, legal sources, tiers, inspection policy',
  })
  @ApiOkResponse({ type: PackListDto, description: 'The active rule packs (生效规则包)' })
  list() {
    return { items: this.packs.active().map((p) => packSummary(p)) };
  }

  @Get('packs/:id')
  @ApiParam({ name: 'id', example: 'tax' })
  @ApiOperation({ summary: 'One active rule pack with its rules (规则), each with reason and legal basis (法律依据)' })
  @ApiOkResponse({ type: PackDetailDto, description: 'The pack with its rules (规则)' })
  @ApiNotFoundResponse({ description: 'PACK_NOT_FOUND' })
  get(@Param('id') id: string) {
    const p = this.packs.get(id);
    return { ...packSummary(p), rules: p.pack.rules };
  }

  @Get('facts')
  @ApiOperation({
    summary: 'The fact catalogue (事实目录) rule authors write against',
    description:
      'Each fact is derived from the credit records in force at an instant T, so "as of date T" answers are reproducible.',
  })
  @ApiOkResponse({
    type: FactCatalogueDto,
    description: 'Every fact with its type, default, English and Chinese description and source records',
  })
  facts() {
    return { items: FACT_CATALOGUE };
  }
}
