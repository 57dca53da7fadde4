import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * What the OpenAPI document says beyond the decorators, applied once to the whole document so that every
 * route follows it (a route added tomorrow too): readable operation ids, every error answer as RFC 9457
 * problem details under `application/problem+json`, Retry-After on 429 and 503, and the 503 that any route
 * touching the database can answer.
 */

/** Resource name of a controller's operations (`checks.create`): controllers of one resource share it. */
const RESOURCES: Record<string, string> = {
  PackVersions: 'packs',
  PacksLint: 'packs',
  PackCases: 'packs',
  Simulation: 'packs',
  SubjectSearch: 'subjects',
  InspectionPlanList: 'inspectionPlans',
  Inspections: 'inspectionPlans',
  InspectionStatistics: 'inspections',
  DueInspections: 'inspections',
  TierOverview: 'tiering',
  CommitmentList: 'commitments',
  Repair: 'repairApplications',
  CreditReport: 'creditReports',
  Keys: 'apiKeys',
};
/** Handler names that read badly as an operation (`checks.check`). */
const RENAMES: Record<string, string> = {
  'checks.check': 'checks.create',
  'me.me': 'me.get',
  'metrics.scrape': 'metrics.get',
};

/** `ChecksController` + `check` → `checks.create`. */
export function operationId(controllerKey: string, methodKey: string): string {
  const name = controllerKey.replace(/Controller$/, '');
  const resource = RESOURCES[name] ?? name.charAt(0).toLowerCase() + name.slice(1);
  const id = `${resource}.${methodKey}`;
  return RENAMES[id] ?? id;
}

const PROBLEM = 'application/problem+json';
const PROBLEM_REF = { $ref: '#/components/schemas/ProblemResponse' };
const RETRY_AFTER = {
  description: 'Seconds to wait before retrying',
  schema: { type: 'integer', minimum: 1 },
};
const UNAVAILABLE =
  'DATABASE_UNAVAILABLE (the database cannot be used now) or AUDIT_UNAVAILABLE (the audit entry could not be committed): nothing was done; retry after Retry-After seconds';

type Response = { description?: string; content?: Record<string, { schema?: unknown; example?: unknown }> };
type Operation = { operationId?: string; responses?: Record<string, Response>; parameters?: unknown[] };

/** Rewrites the error answers of every operation in place; answers the document. */
export function shapeDocument(doc: OpenAPIObject): OpenAPIObject {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      if (!value || typeof value !== 'object' || !value.responses) continue;
      if (value.operationId) {
        if (seen.has(value.operationId))
          throw new Error(`operationId ${value.operationId} used twice (${method} ${path})`);
        seen.add(value.operationId);
      }
      // Readiness answers Terminus' own shape, not a problem.
      const health = path.startsWith('/health');
      if (!health && path !== '/metrics' && !value.responses['503'])
        value.responses['503'] = { description: UNAVAILABLE };
      for (const [status, response] of Object.entries(value.responses)) {
        if (Number(status) < 400 || health) continue;
        const example = Object.values(response.content ?? {})
          .map((c) => c.example ?? (c.schema as { example?: unknown } | undefined)?.example)
          .find((e) => e !== undefined);
        response.content = { [PROBLEM]: { schema: PROBLEM_REF, ...(example === undefined ? {} : { example }) } };
        if (status === '429' || status === '503')
          (response as { headers?: Record<string, unknown> }).headers = { 'Retry-After': RETRY_AFTER };
      }
    }
  }
  return doc;
}
