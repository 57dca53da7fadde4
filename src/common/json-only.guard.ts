import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './problem';

/** 415 naming the content types a route takes. */
export class UnsupportedMediaType extends DomainError {
  constructor(accepted: readonly string[], got: string) {
    super(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Unsupported content type (不支持的内容类型)',
      `Send the body as ${accepted.join(' or ')}.`,
      [{ field: 'content-type', reason: `must be ${accepted.join(' or ')}${got ? `, got ${got.slice(0, 100)}` : ''}` }],
    );
  }
}

/**
 * JSON bodies only. The application also parses text/plain and text/csv (for bulk imports); on the other
 * routes such a body is a 415, not a string half-validated as an object.
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (type === 'application/json') return true;
    throw new UnsupportedMediaType(['application/json'], type);
  }
}
