import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScopes } from '../auth/scopes.decorator';
import { MetricsService } from './metrics.service';

@ApiTags('operations (运维)')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @RequireScopes('metrics')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics (监控指标)',
    description:
      'Text exposition format 0.0.4, for a Prometheus scrape with a key of scope `metrics` (Authorization: Bearer). ' +
      'HTTP latency per route, checks per scenario and verdict, audit batch sizes and commit time, the audit outbox depth, ' +
      'rule-pack versions in force, database pool use, process metrics. See docs/operations.md.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The metrics of this instance', schema: { type: 'string' } })
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.text();
    await reply.header('content-type', contentType).send(body);
  }
}
