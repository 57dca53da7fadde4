import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PendingAudit } from '../audit/audit-outbox';
import { AuditService } from '../audit/audit.service';
import { stageAuditChange } from '../audit/audit.store';
import type { ApiKeyRecord } from '../auth/api-keys.store';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Caller } from '../auth/caller';
import type { ApiKeyDto, ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto';

/** What an administrator sees of a key: never the key, never its hash. */
export function keyView(r: ApiKeyRecord): ApiKeyDto {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: [...r.scopes],
    scenarios: [...r.scenarios],
    rateLimitPerMinute: r.rateLimitPerMinute,
    department: r.department,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Key administration over HTTP (API密钥管理), for admin keys: list, create, revoke. Each change is written
 * with the outbox row of its audit entry in one transaction, then appended to the trail before the answer
 * leaves (as feedback is). The entry holds the key's settings, id and prefix: never the key, never its hash.
 */
@Injectable()
export class KeysService {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKeyListDto> {
    return { items: (await this.keys.admin.list()).map(keyView) };
  }

  async create(caller: Caller | undefined, operator: string | null, body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const input = {
      name: body.name,
      scopes: body.scopes,
      scenarios: body.scenarios ?? [],
      rateLimitPerMinute: body.rateLimitPerMinute ?? null,
      department: body.department ?? null,
    };
    const pending = this.pending('api-key.create', caller, operator, {
      method: 'POST',
      path: '/api/v1/api-keys',
      ...input,
    });
    const { key, record } = await this.keys.createAudited(input, (db, r) =>
      stageAuditChange(db, pending, { subjectIds: [], change: { created: keyView(r) } }),
    );
    const apiKey = keyView(record);
    await this.appendEntry(pending, { created: apiKey });
    return { key, apiKey };
  }

  async revoke(caller: Caller | undefined, operator: string | null, ref: string): Promise<ApiKeyDto> {
    let pending: PendingAudit | undefined;
    const record = await this.keys.revokeAudited(ref, (db, r) => {
      pending = this.pending('api-key.revoke', caller, operator, {
        method: 'POST',
        path: `/api/v1/api-keys/${r.id}/revoke`,
        id: r.id,
        name: r.name,
      });
      return stageAuditChange(db, pending, { subjectIds: [], change: { revoked: keyView(r) } });
    });
    const view = keyView(record);
    await this.appendEntry(pending!, { revoked: view });
    return view;
  }

  private pending(
    kind: string,
    caller: Caller | undefined,
    operator: string | null,
    request: Record<string, unknown>,
  ): PendingAudit {
    return { entryId: randomUUID(), kind, caller: caller?.name ?? null, operator, request };
  }

  private async appendEntry(p: PendingAudit, response: Record<string, unknown>): Promise<void> {
    await this.audit.append({
      id: p.entryId,
      kind: p.kind,
      caller: p.caller,
      operator: p.operator,
      subjectIds: [],
      request: p.request,
      response,
    });
  }
}
