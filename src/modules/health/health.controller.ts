import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/scopes.decorator';
import { LivenessDto } from './dto/liveness.dto';

@ApiTags('health (健康检查)')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (就绪): 200 when the service and its database answer, 503 otherwise' })
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 2000 })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness (就绪), database included' })
  readiness() {
    return this.ready();
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness (存活): the process answers' })
  @ApiOkResponse({ type: LivenessDto, description: 'The process is alive' })
  live(): LivenessDto {
    return { status: 'ok' };
  }
}
