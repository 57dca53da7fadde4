import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { operationId, shapeDocument } from './openapi-shape';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Credit supervision rules engine (信用分级分类监管规则引擎)')
    .setDescription(
      [
        'Credit tiers per industry (信用分级分类监管), joint rewards and punishments (守信联合激励、失信联合惩戒),',
        'and the inline check on every transaction (逢办必查). Errors are RFC 9457 problem details',
        "(`application/problem+json`) naming the field and the reason. A natural person's ID number is",
        'never returned in full and never goes in a URL.',
      ].join(' '),
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'API key of the caller system: cse_<prefix>_<secret>',
    })
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'The same API key, in a header of its own' },
      'api-key',
    )
    .build();
  return shapeDocument(SwaggerModule.createDocument(app, config, { operationIdFactory: operationId }));
}

/** The OpenAPI document at /docs (UI) and /docs-json (JSON). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
  });
}
