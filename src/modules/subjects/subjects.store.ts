import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Queryable } from '../../common/queryable';
import type { SubjectKind } from '../../rules/shared';
import type { SubjectDraft } from './subject-draft';
import type { SubjectBatchRef, SubjectView } from './subjects.types';

/** Dates as text (never through a JS Date and a time zone); no id_hash leaves the store. */
const COLUMNS = `id, kind, code, id_masked, name, region, to_char(registered_on, 'YYYY-MM-DD') AS registered_on, industry_code, created_at, updated_at`;
const NAME_KEY = `lower(name) COLLATE "C"`;
/** What a bulk resolution needs of a subject: its id, identity and industry code. */
const IDENTITY = `id, code, id_hash, industry_code`;

export interface SubjectIdentityRow {
  readonly id: string;
  readonly code: string | null;
  readonly id_hash: string | null;
  readonly industry_code: string | null;
}

interface SubjectRow {
  id: string;
  kind: SubjectKind;
  code: string | null;
  id_masked: string | null;
  name: string;
  region: string | null;
  registered_on: string | null;
  industry_code: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface StoreFilter {
  readonly code?: string;
  readonly name?: string;
  readonly kind?: SubjectKind;
  readonly region?: string;
  /** Only these ids (empty: none). */
  readonly ids?: readonly string[];
}

function toView(r: SubjectRow): SubjectView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    code: r.code,
    idMasked: r.id_masked,
    region: r.region,
    registeredOn: r.registered_on,
    industryCode: r.industry_code,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** LIKE metacharacters typed by a caller match themselves. */
function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL of the subjects table; used by SubjectsService only (other modules go through the service). */
@Injectable()
export class SubjectsStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** INSERT … ON CONFLICT DO NOTHING: the new row, or null when the code / ID hash already exists. */
  async insertIfAbsent(d: SubjectDraft, m: EntityManager = this.ds.manager): Promise<SubjectView | null> {
    const rows: SubjectRow[] = await m.query(
      `INSERT INTO subjects (kind, code, id_hash, id_masked, name, region, registered_on, industry_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [d.kind, d.code, d.idHash, d.idMasked, d.name, d.region, d.registeredOn, d.industryCode],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /**
   * Many subjects at once (bulk imports), inserted in the order given (so that concurrent imports take their
   * locks in the same order), ON CONFLICT DO NOTHING: the rows created (id and identity); the others exist.
   */
  async insertManyIfAbsent(drafts: readonly SubjectDraft[], m: EntityManager): Promise<SubjectIdentityRow[]> {
    if (!drafts.length) return [];
    const col = <K extends keyof SubjectDraft>(k: K) => drafts.map((d) => d[k]);
    return m.query(
      `INSERT INTO subjects (kind, code, id_hash, id_masked, name, region, registered_on, industry_code)
       SELECT kind, code, id_hash, id_masked, name, region, registered_on, industry_code
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[])
         WITH ORDINALITY AS x(kind, code, id_hash, id_masked, name, region, registered_on, industry_code, ord)
       ORDER BY ord
       ON CONFLICT DO NOTHING RETURNING ${IDENTITY}`,
      [
        col('kind'),
        col('code'),
        col('idHash'),
        col('idMasked'),
        col('name'),
        col('region'),
        col('registeredOn'),
        col('industryCode'),
      ],
    );
  }

  /** Many subjects by code or ID hash (indexed look-ups), in the caller's transaction: id, identity, industry code. */
  async identitiesOf(
    codes: readonly string[],
    idHashes: readonly string[],
    m: EntityManager,
  ): Promise<SubjectIdentityRow[]> {
    if (!codes.length && !idHashes.length) return [];
    return m.query(
      `SELECT ${IDENTITY} FROM subjects WHERE code = ANY($1::varchar[])
       UNION ALL SELECT ${IDENTITY} FROM subjects WHERE id_hash = ANY($2::bpchar[])`,
      [codes, idHashes],
    );
  }

  /**
   * fillIndustryCode for many subjects at once: each subject without an industry code gets the one paired with
   * it; rows locked in the order given (no deadlock between two imports filling the same subjects).
   */
  async fillIndustryCodes(pairs: readonly { id: string; industryCode: string }[], m: EntityManager): Promise<void> {
    if (!pairs.length) return;
    await m.query(
      `WITH target AS (
         SELECT s.id, x.industry_code FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(id, industry_code, ord)
         JOIN subjects s ON s.id = x.id WHERE s.industry_code IS NULL ORDER BY x.ord FOR UPDATE OF s)
       UPDATE subjects s SET industry_code = t.industry_code, updated_at = now()
       FROM target t WHERE s.id = t.id AND s.industry_code IS NULL`,
      [pairs.map((p) => p.id), pairs.map((p) => p.industryCode)],
    );
  }

  /**
   * Give a subject that has no industry code the one a later registration or import row carries; a code
   * already there is kept (a different one is not an error). The subject as it is afterwards, or null when
   * it already had a code.
   */
  async fillIndustryCode(
    id: string,
    industryCode: string,
    m: EntityManager = this.ds.manager,
  ): Promise<SubjectView | null> {
    const rows: SubjectRow[] = await m.query(
      `WITH u AS (UPDATE subjects SET industry_code = $2, updated_at = now()
                  WHERE id = $1::uuid AND industry_code IS NULL RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [id, industryCode],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByIdentity(
    key: { code: string | null; idHash: string | null },
    m: EntityManager = this.ds.manager,
  ): Promise<SubjectView | null> {
    const [column, value] = key.code !== null ? ['code', key.code] : ['id_hash', key.idHash];
    const rows: SubjectRow[] = await m.query(`SELECT ${COLUMNS} FROM subjects WHERE ${column} = $1`, [value]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findByIds(ids: readonly string[]): Promise<SubjectView[]> {
    if (!ids.length) return [];
    const rows: SubjectRow[] = await this.ds.query(`SELECT ${COLUMNS} FROM subjects WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toView);
  }

  /** Many subjects by code or ID hash in one query (the check API resolves all parties at once). */
  async findByIdentities(
    codes: readonly string[],
    idHashes: readonly string[],
  ): Promise<Array<SubjectView & { idHash: string | null }>> {
    if (!codes.length && !idHashes.length) return [];
    // Indexed look-ups only: an OR across the two columns (or id_hash compared as text) scans the table.
    const parts: string[] = [];
    const params: unknown[] = [];
    if (codes.length)
      parts.push(`SELECT ${COLUMNS}, id_hash FROM subjects WHERE code = ANY($${params.push(codes)}::varchar[])`);
    if (idHashes.length)
      parts.push(`SELECT ${COLUMNS}, id_hash FROM subjects WHERE id_hash = ANY($${params.push(idHashes)}::bpchar[])`);
    const rows: Array<SubjectRow & { id_hash: string | null }> = await this.ds.query(parts.join(' UNION ALL '), params);
    return rows.map((r) => ({ ...toView(r), idHash: r.id_hash }));
  }

  /** Keyset pagination: by (lower(name), id) when a name is searched, by id otherwise. */
  async search(f: StoreFilter, limit: number, after: string | null): Promise<SubjectView[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    if (f.code !== undefined) where.push(`code = ${p(f.code)}`);
    if (f.kind !== undefined) where.push(`kind = ${p(f.kind)}`);
    if (f.region !== undefined) where.push(`region = ${p(f.region)}`);
    if (f.ids !== undefined) where.push(`id = ANY(${p(f.ids)}::uuid[])`);
    const byName = f.name !== undefined;
    if (byName) where.push(`${NAME_KEY} LIKE '%' || lower(${p(escapeLike(f.name))}) || '%' ESCAPE '\\'`);
    if (after !== null) {
      const c = p(after);
      where.push(
        byName
          ? `(${NAME_KEY}, id) > (SELECT lower(s.name) COLLATE "C", s.id FROM subjects s WHERE s.id = ${c}::uuid)`
          : `id > ${c}::uuid`,
      );
    }
    const sql = `SELECT ${COLUMNS} FROM subjects ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${byName ? `${NAME_KEY}, id` : 'id'} LIMIT ${p(limit)}`;
    const rows: SubjectRow[] = await this.ds.query(sql, params);
    return rows.map(toView);
  }

  async listAfter(afterId: string | null, limit: number): Promise<SubjectView[]> {
    const rows: SubjectRow[] =
      afterId === null
        ? await this.ds.query(`SELECT ${COLUMNS} FROM subjects ORDER BY id LIMIT $1`, [limit])
        : await this.ds.query(`SELECT ${COLUMNS} FROM subjects WHERE id > $1::uuid ORDER BY id LIMIT $2`, [
            afterId,
            limit,
          ]);
    return rows.map(toView);
  }

  /** Keyset page of batch refs ordered by id (only the columns a batch reads). */
  async batchRefsAfter(afterId: string | null, limit: number): Promise<SubjectBatchRef[]> {
    const columns = `id, kind, to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", industry_code AS "industryCode"`;
    // Two statements, not `$1 IS NULL OR id > $1`: that form is planned as a scan of the whole table per page.
    return afterId === null
      ? this.ds.query(`SELECT ${columns} FROM subjects ORDER BY id LIMIT $1`, [limit])
      : this.ds.query(`SELECT ${columns} FROM subjects WHERE id > $1::uuid ORDER BY id LIMIT $2`, [afterId, limit]);
  }

  async count(): Promise<number> {
    const rows: { n: number }[] = await this.ds.query(`SELECT count(*)::int AS n FROM subjects`);
    return rows[0]?.n ?? 0;
  }

  /** The distinct (code, name) of organisations with a code; only those of `ids` when given. Runs on `db` (a snapshot's manager). */
  codedNames(ids: readonly string[] | null, db: Queryable = this.ds): Promise<Array<{ code: string; name: string }>> {
    return db.query(
      `SELECT DISTINCT code, name FROM subjects WHERE code IS NOT NULL AND ($1::uuid[] IS NULL OR id = ANY($1::uuid[]))`,
      [ids],
    );
  }
}

/**
 * The columns of a subject brief (SubjectBriefDto) from `subjects` under `alias`, prefixed `subject…`, for
 * the list reports of other modules that join subjects (read with `subjectBrief`).
 */
export function subjectBriefColumns(alias: string): string {
  return `${alias}.name AS "subjectName", ${alias}.kind AS "subjectKind", ${alias}.code AS "subjectCode", ${alias}.id_masked AS "subjectIdMasked"`;
}

export interface SubjectBriefColumns {
  subjectId: string;
  subjectName: string;
  subjectKind: string;
  subjectCode: string | null;
  subjectIdMasked: string | null;
}

/** The subject brief of a row read with `subjectBriefColumns` (and its `subjectId`). */
export function subjectBrief(r: SubjectBriefColumns): {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  idMasked: string | null;
} {
  return {
    id: r.subjectId,
    name: r.subjectName,
    kind: r.subjectKind,
    code: r.subjectCode,
    idMasked: r.subjectIdMasked,
  };
}
