import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../common/problem';

/**
 * JSON bodies only. The application also parses text/plain and text/csv (for bulk imports); on these
 * routes such a body is a 415, not a string half-validated as an object.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type === 'application/json') return true;
    throw new DomainError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Unsupported content type (不支持的内容类型)',
      'Send the body as application/json.',
      [{ field: 'content-type', reason: `must be application/json${type ? `, got ${type.slice(0, 100)}` : ''}` }],
    );
  }
}
