import { ApiProperty } from '@nestjs/swagger';
import { SCOPES } from '../scopes';

/** Who the presented API key is (当前调用方): what a console needs to show the pages the key may use. */
export class MeDto {
  @ApiProperty({ example: 'qijiang-service-hall', description: 'The caller system the key was issued to (调用方名称)' })
  name: string;
  @ApiProperty({
    enum: SCOPES,
    isArray: true,
    example: ['checks', 'feedback'],
    description: 'Scopes granted (权限范围); admin implies every other scope',
  })
  scopes: string[];
  @ApiProperty({
    type: [String],
    example: ['tendering'],
    description: 'Scenarios the key may check (可核查场景); `*` = all',
  })
  scenarios: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'The department (部门) the key acts for; null = not bound',
  })
  department: string | null;
}
