import { Injectable } from '@nestjs/common';
import type { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { ActiveRow } from './pack-snapshot';
import type { PendingAudit } from '../audit/audit-outbox';
import { stageAuditChange } from '../audit/audit.store';

/** The channel a change of a pack's active version is announced on (notify), and listened to (pack-watcher.ts). */
export const PACK_CHANNEL = 'pack_changed';

/** On a dedicated connection (not the pool): LISTEN for the changes `notify` announces. */
export async function listenForPackChanges(client: Pick<Client, 'query'>): Promise<void> {
  await client.query(`LISTEN ${PACK_CHANNEL}`);
}

export interface PackVersionRow {
  readonly id: string;
  readonly packId: string;
  readonly seq: number;
  readonly version: string;
  readonly contentHash: string;
  readonly status: 'draft' | 'published' | 'retired';
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly publishedBy: string | null;
  readonly publishedAt: Date | null;
  readonly publishReason: string | null;
  readonly active: boolean;
}

export interface DraftRow {
  readonly packId: string;
  readonly content: unknown;
  readonly revision: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

export interface NewVersion {
  readonly packId: string;
  readonly version: string;
  readonly content: unknown;
  readonly contentHash: string;
  readonly by: string;
  readonly reason: string;
}

const VERSION_COLUMNS = `v.id, v.pack_id AS "packId", v.seq, v.version, v.content_hash AS "contentHash", v.status, v.created_by AS "createdBy",
  v.created_at AS "createdAt", v.published_by AS "publishedBy", v.published_at AS "publishedAt", v.publish_reason AS "publishReason",
  (a.version_id IS NOT NULL) AS active`;

/** SQL of the pack tables. Writes that must hold together run in one short transaction that awaits nothing else. */
@Injectable()
export class PackVersionsStore {
  constructor(private readonly ds: DataSource) {}

  /** The active version of every pack, with its content. */
  activeRows(): Promise<ActiveRow[]> {
    return this.ds.query(
      `SELECT a.pack_id AS "packId", v.id AS "versionId", v.seq, v.version, v.content, v.content_hash AS "contentHash"
       FROM pack_active a JOIN pack_versions v ON v.id = a.version_id ORDER BY a.pack_id`,
    );
  }

  /** `packId:versionId,…` of the active set, computed in the database (the poll's cheap question). */
  async activeSignature(): Promise<string> {
    const rows: { sig: string | null }[] = await this.ds.query(
      `SELECT string_agg(pack_id || ':' || version_id::text, ',' ORDER BY pack_id COLLATE "C") AS sig FROM pack_active`,
    );
    return rows[0]?.sig ?? '';
  }

  /** Ids of the packs that have at least one version. */
  async knownPacks(): Promise<Set<string>> {
    const rows: { packId: string }[] = await this.ds.query(`SELECT DISTINCT pack_id AS "packId" FROM pack_versions`);
    return new Set(rows.map((r) => r.packId));
  }

  /**
   * First import of a pack: version 1, published and active, in one transaction. Instances booting at once
   * may all try; one wins. (Two separate statements let another instance see the version without its
   * activation, skip the import as "known" and fail to find the pack active.)
   */
  async importFirst(v: NewVersion): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO pack_versions (pack_id, seq, version, content, content_hash, status, created_by, published_by, published_at, publish_reason)
         VALUES ($1, 1, $2, $3::jsonb, $4, 'published', $5, $5, now(), $6) ON CONFLICT DO NOTHING`,
        [v.packId, v.version, JSON.stringify(v.content), v.contentHash, v.by, v.reason],
      );
      await m.query(
        `INSERT INTO pack_active (pack_id, version_id, activated_by, reason)
         SELECT pack_id, id, $2, $3 FROM pack_versions WHERE pack_id = $1 AND seq = 1 ON CONFLICT (pack_id) DO NOTHING`,
        [v.packId, v.by, v.reason],
      );
    });
  }

  listVersions(packId: string): Promise<PackVersionRow[]> {
    return this.ds.query(
      `SELECT ${VERSION_COLUMNS} FROM pack_versions v LEFT JOIN pack_active a ON a.version_id = v.id
       WHERE v.pack_id = $1 ORDER BY v.seq DESC`,
      [packId],
    );
  }

  async version(packId: string, id: string): Promise<PackVersionRow | null> {
    const rows: PackVersionRow[] = await this.ds.query(
      `SELECT ${VERSION_COLUMNS} FROM pack_versions v LEFT JOIN pack_active a ON a.version_id = v.id
       WHERE v.pack_id = $1 AND v.id::text = $2`,
      [packId, id],
    );
    return rows[0] ?? null;
  }

  /** One published version with its content, by its sequence number in the pack. */
  async versionBySeq(packId: string, seq: number): Promise<(PackVersionRow & { content: unknown }) | null> {
    const rows: (PackVersionRow & { content: unknown })[] = await this.ds.query(
      `SELECT ${VERSION_COLUMNS}, v.content FROM pack_versions v LEFT JOIN pack_active a ON a.version_id = v.id
       WHERE v.pack_id = $1 AND v.seq = $2`,
      [packId, seq],
    );
    return rows[0] ?? null;
  }

  async draft(packId: string): Promise<DraftRow | null> {
    const rows: DraftRow[] = await this.ds.query(
      `SELECT pack_id AS "packId", content, revision, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM pack_drafts WHERE pack_id = $1`,
      [packId],
    );
    return rows[0] ?? null;
  }

  /**
   * Save a draft if it is still at `revision` (0: no draft yet). The condition is in the statement
   * itself, so of two saves on the same revision exactly one changes a row. Null: the revision is stale.
   */
  async saveDraft(packId: string, revision: number, content: unknown, by: string): Promise<DraftRow | null> {
    const json = JSON.stringify(content);
    const returning = `RETURNING pack_id AS "packId", content, revision, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
    // TypeORM answers an UPDATE … RETURNING as [rows, affected]; an INSERT as rows.
    const raw: unknown[] =
      revision === 0
        ? await this.ds.query(
            `INSERT INTO pack_drafts (pack_id, content, revision, updated_by) VALUES ($1, $2::jsonb, 1, $3) ON CONFLICT (pack_id) DO NOTHING ${returning}`,
            [packId, json, by],
          )
        : await this.ds.query(
            `UPDATE pack_drafts SET content = $3::jsonb, revision = revision + 1, updated_by = $4, updated_at = now()
             WHERE pack_id = $1 AND revision = $2 ${returning}`,
            [packId, revision, json, by],
          );
    const rows = (Array.isArray(raw[0]) ? raw[0] : raw) as DraftRow[];
    return rows[0] ?? null;
  }

  /** Insert the next version of a pack and make it the active one, in one transaction. Answers its id. */
  publish(v: NewVersion, audit?: PendingAudit): Promise<string> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('pack_versions:' || $1::text))`, [v.packId]);
      const rows: { id: string }[] = await m.query(
        `INSERT INTO pack_versions (pack_id, seq, version, content, content_hash, status, created_by, published_by, published_at, publish_reason)
         SELECT $1::varchar, coalesce(max(seq), 0) + 1, $2::varchar, $3::jsonb, $4::char(64), 'published', $5::varchar, $5::varchar, now(), $6::text
         FROM pack_versions WHERE pack_id = $1::varchar
         RETURNING id`,
        [v.packId, v.version, JSON.stringify(v.content), v.contentHash, v.by, v.reason],
      );
      await activate(m, v.packId, rows[0].id, v.by, v.reason);
      if (audit)
        await stageAuditChange(m, audit, {
          subjectIds: [],
          change: {
            packId: v.packId,
            versionId: rows[0].id,
            version: v.version,
            contentHash: v.contentHash,
            reason: v.reason,
          },
        });
      return rows[0].id;
    });
  }

  /** Make an existing version the active one. */
  async activate(packId: string, versionId: string, by: string, reason: string, audit?: PendingAudit): Promise<void> {
    await this.ds.transaction(async (m) => {
      await activate(m, packId, versionId, by, reason);
      if (audit)
        await stageAuditChange(m, audit, { subjectIds: [], change: { packId, versionId, reason, rollback: true } });
    });
  }

  /** Tell every instance listening that a pack's active version changed (delivered at commit). */
  async notify(packId: string, versionId: string): Promise<void> {
    await this.ds.query(`SELECT pg_notify($1, $2)`, [PACK_CHANNEL, `${packId}:${versionId}`]);
  }
}

async function activate(
  m: EntityManager,
  packId: string,
  versionId: string,
  by: string,
  reason: string,
): Promise<void> {
  await m.query(
    `INSERT INTO pack_active (pack_id, version_id, activated_at, activated_by, reason) VALUES ($1, $2, clock_timestamp(), $3, $4)
     ON CONFLICT (pack_id) DO UPDATE SET version_id = EXCLUDED.version_id, activated_at = EXCLUDED.activated_at,
       activated_by = EXCLUDED.activated_by, reason = EXCLUDED.reason`,
    [packId, versionId, by, reason],
  );
}
