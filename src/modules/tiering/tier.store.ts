import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ComputedTier } from './tier-computation';
import { stageEvents } from '../webhooks/webhooks.store';

export interface StoredTier {
  subjectId: string;
  industry: string;
  tier: string;
  score: number;
  packId: string;
  packVersion: string;
  packHash: string;
  fired: unknown[];
  facts: Record<string, unknown>;
  inspectionPolicy: Record<string, unknown>;
  /** The bases of the subject's membership of the industry (行业归属依据). */
  membership: unknown[];
  asOf: string;
  computedAt: string;
}

export interface TierHistoryEntry extends Omit<StoredTier, 'inspectionPolicy' | 'membership' | 'tier' | 'score'> {
  id: string;
  /** Null (with score) when the tier was removed: previousTier is the tier removed. */
  tier: string | null;
  score: number | null;
  previousTier: string | null;
  trigger: string;
}

const COLUMNS = `subject_id AS "subjectId", industry, tier, score::float AS score, pack_id AS "packId",
  pack_version AS "packVersion", pack_hash AS "packHash", fired, facts, to_char(as_of, 'YYYY-MM-DD') AS "asOf",
  computed_at AS "computedAt"`;

/** A change of tier as announced to subscribed systems (tier null: the tier was removed). */
interface TierMove {
  subjectId: string;
  industry: string;
  tier: string | null;
  previousTier: string | null;
  score: number | null;
  packId: string;
  packVersion: string;
  asOf: string;
}

const announce = (m: EntityManager, moves: readonly TierMove[], trigger: string) =>
  stageEvents(
    m,
    moves.map((move) => ({ kind: 'tier.changed' as const, payload: { ...move, trigger } })),
  );

/** What a save wrote: tiers that changed or were removed (a history row each), tiers whose facts alone were brought up to date. */
export interface SaveResult {
  readonly changed: number;
  readonly refreshed: number;
}

/**
 * The subjects and industries an evaluation covered: a stored tier of one of these subjects in one of these
 * industries that the evaluation did not give (the subject left the industry, 分行业, or its kind left the
 * pack) is removed, with a history row (tier NULL, previous_tier the tier removed) and the save's trigger.
 */
export interface Coverage {
  readonly subjectIds: readonly string[];
  readonly industries: readonly string[];
  readonly asOf: string;
}

/**
 * SQL of the tier tables. A save writes only what changed: the current row is replaced per subject and
 * industry whose fingerprint moved (tier, score, fired rules, pack or facts), in one statement per chunk,
 * and a history row appended where the tier's meaning moved (pack, tier, score or the rules that fired): the
 * stored facts always agree with a live computation of the same day, while history records changes of the
 * tier, not of every count. Two saves of the same tier at once (a batch run beside a record-change
 * recompute) append one history row: the upsert's conditional update re-checks the fingerprint under the
 * row lock, and history follows what it wrote.
 */
@Injectable()
export class TierStore {
  constructor(private readonly ds: DataSource) {}

  /**
   * Each change of tier is announced (tier.changed, to subscribed systems) by an event staged in the same
   * transaction: the caller's (`manager`), or one of its own.
   */
  async save(all: readonly ComputedTier[], trigger: string, covered?: Coverage): Promise<SaveResult> {
    const { changed: tiers, stale } = await this.compare(all, covered);
    return this.apply(tiers, stale, trigger, covered?.asOf ?? '');
  }

  /**
   * Write what a comparison found, in one transaction: `tiers` whose fingerprint is not stored (upserted, with
   * history where the tier moved) and `stale` stored tiers no longer given (removed as of `asOf`). Nothing to
   * write: no statement (most of a batch run).
   */
  async apply(
    tiers: readonly ComputedTier[],
    stale: ReadonlyArray<{ subjectId: string; industry: string }>,
    trigger: string,
    asOf: string,
  ): Promise<SaveResult> {
    if (tiers.length === 0 && stale.length === 0) return { changed: 0, refreshed: 0 };
    return this.ds.transaction(async (m) => {
      const written = tiers.length > 0 ? await this.write(tiers, trigger, m) : { changed: 0, refreshed: 0, moves: [] };
      const removed = stale.length > 0 ? await this.remove(m, stale, asOf, trigger) : { n: 0, moves: [] };
      // Last statement of the transaction: staging takes the events' lock until the commit (see stageEvents).
      await announce(m, [...written.moves, ...removed.moves], trigger);
      return { changed: written.changed + removed.n, refreshed: written.refreshed };
    });
  }

  /** The stored keys and fingerprints of the subjects whose id is in (afterId, lastId]: a batch's keyset page, one index range. */
  fingerprintsInRange(
    afterId: string | null,
    lastId: string,
  ): Promise<Array<{ subjectId: string; industry: string; fingerprint: string }>> {
    return this.ds.query(
      `SELECT subject_id AS "subjectId", industry, fingerprint FROM credit_tiers
       WHERE ($1::uuid IS NULL OR subject_id > $1::uuid) AND subject_id <= $2::uuid`,
      [afterId, lastId],
    );
  }

  private async write(
    tiers: readonly ComputedTier[],
    trigger: string,
    manager: EntityManager,
  ): Promise<SaveResult & { moves: TierMove[] }> {
    const rows = tiers.map((t) => ({
      subject_id: t.subjectId,
      industry: t.evaluation.industry,
      tier: t.evaluation.tier,
      score: t.evaluation.score,
      pack_id: t.evaluation.packId,
      pack_version: t.evaluation.version,
      pack_hash: t.packHash,
      fired: t.evaluation.fired,
      facts: t.facts,
      inspection_policy: t.evaluation.inspectionPolicy,
      membership: t.membership,
      as_of: t.asOf,
      fingerprint: t.fingerprint,
    }));
    const result: Array<{ changed: number; written: number; moves: TierMove[] }> = await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(subject_id uuid, industry text, tier text, score numeric,
           pack_id text, pack_version text, pack_hash text, fired jsonb, facts jsonb, inspection_policy jsonb,
           membership jsonb, as_of date, fingerprint text)
       ), changed AS (
         SELECT i.*, c.tier AS previous_tier,
           (c.subject_id IS NULL OR c.pack_hash IS DISTINCT FROM i.pack_hash OR c.tier IS DISTINCT FROM i.tier
             OR c.score IS DISTINCT FROM i.score
             OR jsonb_path_query_array(c.fired, '$[*].rule') IS DISTINCT FROM jsonb_path_query_array(i.fired, '$[*].rule')) AS moved
         FROM input i
         LEFT JOIN credit_tiers c ON c.subject_id = i.subject_id AND c.industry = i.industry
         WHERE c.fingerprint IS DISTINCT FROM i.fingerprint
       ), upserted AS (
         INSERT INTO credit_tiers (subject_id, industry, tier, score, pack_id, pack_version, pack_hash, fired, facts,
           inspection_policy, membership, as_of, fingerprint, computed_at)
         SELECT subject_id, industry, tier, score, pack_id, pack_version, pack_hash, fired, facts, inspection_policy,
           membership, as_of, fingerprint, now() FROM changed
         ON CONFLICT (subject_id, industry) DO UPDATE SET tier = EXCLUDED.tier, score = EXCLUDED.score,
           pack_id = EXCLUDED.pack_id, pack_version = EXCLUDED.pack_version, pack_hash = EXCLUDED.pack_hash,
           fired = EXCLUDED.fired, facts = EXCLUDED.facts, inspection_policy = EXCLUDED.inspection_policy,
           membership = EXCLUDED.membership, as_of = EXCLUDED.as_of, fingerprint = EXCLUDED.fingerprint, computed_at = now()
         WHERE credit_tiers.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint
         RETURNING subject_id, industry
       ), history AS (
         INSERT INTO credit_tier_history (subject_id, industry, tier, previous_tier, score, pack_id, pack_version,
           pack_hash, fired, facts, as_of, trigger)
         SELECT c.subject_id, c.industry, c.tier, c.previous_tier, c.score, c.pack_id, c.pack_version, c.pack_hash, c.fired,
           c.facts, c.as_of, $2 FROM changed c JOIN upserted u ON u.subject_id = c.subject_id AND u.industry = c.industry
         WHERE c.moved
         RETURNING subject_id, industry, tier, previous_tier, score, pack_id, pack_version, as_of
       )
       SELECT (SELECT count(*) FROM history)::int AS changed, (SELECT count(*) FROM upserted)::int AS written,
         (SELECT coalesce(json_agg(json_build_object('subjectId', subject_id, 'industry', industry, 'tier', tier,
            'previousTier', previous_tier, 'score', score::float, 'packId', pack_id, 'packVersion', pack_version,
            'asOf', to_char(as_of, 'YYYY-MM-DD'))), '[]'::json) FROM history) AS moves`,
      [JSON.stringify(rows), trigger],
    );
    const changed = result[0]?.changed ?? 0;
    return { changed, refreshed: (result[0]?.written ?? 0) - changed, moves: result[0]?.moves ?? [] };
  }

  /**
   * One read of the stored keys of the chunk's subjects: the tiers whose fingerprint is not stored yet (most of a
   * batch run stores nothing), and the stored tiers of `covered` the evaluation no longer gives (see Coverage).
   */
  private async compare(
    all: readonly ComputedTier[],
    covered?: Coverage,
  ): Promise<{ changed: readonly ComputedTier[]; stale: Array<{ subjectId: string; industry: string }> }> {
    const ids = [...new Set([...all.map((t) => t.subjectId), ...(covered?.subjectIds ?? [])])];
    if (ids.length === 0) return { changed: [], stale: [] };
    const stored: Array<{ subjectId: string; industry: string; fingerprint: string }> = await this.ds.query(
      // A join on the ids, not `= ANY($1)`: with a thousand ids the planner scanned the whole table per chunk
      // (a batch run grew quadratically); this is a primary-key look-up per id.
      `SELECT t.subject_id AS "subjectId", t.industry, t.fingerprint
       FROM unnest($1::uuid[]) AS s(id) JOIN credit_tiers t ON t.subject_id = s.id`,
      [ids],
    );
    const known = new Set(stored.map((r) => `${r.subjectId}/${r.industry}/${r.fingerprint}`));
    const kept = new Set(all.map((t) => `${t.subjectId}/${t.evaluation.industry}`));
    const inScope = covered ? new Set(covered.industries) : new Set<string>();
    const coveredIds = new Set(covered?.subjectIds ?? []);
    return {
      changed: all.filter((t) => !known.has(`${t.subjectId}/${t.evaluation.industry}/${t.fingerprint}`)),
      stale: stored
        .filter(
          (r) => coveredIds.has(r.subjectId) && inScope.has(r.industry) && !kept.has(`${r.subjectId}/${r.industry}`),
        )
        .map(({ subjectId, industry }) => ({ subjectId, industry })),
    };
  }

  /** Remove these stored tiers, a history row each (tier null, previous_tier the tier removed); the moves to announce. */
  private async remove(
    m: EntityManager,
    stale: ReadonlyArray<{ subjectId: string; industry: string }>,
    asOf: string,
    trigger: string,
  ): Promise<{ n: number; moves: TierMove[] }> {
    const [row]: Array<{ n: number; moves: TierMove[] }> = await m.query(
      `WITH removed AS (
         DELETE FROM credit_tiers t USING unnest($1::uuid[], $2::text[]) AS r(subject_id, industry)
         WHERE t.subject_id = r.subject_id AND t.industry = r.industry
         RETURNING t.subject_id, t.industry, t.tier, t.pack_id, t.pack_version, t.pack_hash
       ), logged AS (
         INSERT INTO credit_tier_history (subject_id, industry, tier, previous_tier, score, pack_id, pack_version, pack_hash, fired, facts, as_of, trigger)
         SELECT subject_id, industry, NULL, tier, NULL, pack_id, pack_version, pack_hash, '[]'::jsonb, '{}'::jsonb, $3::date, $4 FROM removed
         RETURNING subject_id, industry, previous_tier, pack_id, pack_version
       )
       SELECT (SELECT count(*) FROM logged)::int AS n,
         (SELECT coalesce(json_agg(json_build_object('subjectId', subject_id, 'industry', industry, 'tier', NULL,
            'previousTier', previous_tier, 'score', NULL, 'packId', pack_id, 'packVersion', pack_version, 'asOf', $3::text)),
            '[]'::json) FROM logged) AS moves`,
      [stale.map((x) => x.subjectId), stale.map((x) => x.industry), asOf, trigger],
    );
    return { n: row?.n ?? 0, moves: row?.moves ?? [] };
  }

  /**
   * Fresh planner statistics for the tier tables after a batch wrote many rows: autovacuum would take them in a
   * minute or so, but the queries right after (the next chunk's look-ups, an inspection draw, a second run) were
   * planned on the old ones — sequential scans of the whole table per chunk.
   */
  async analyze(): Promise<void> {
    await this.ds.query(`ANALYZE credit_tiers`);
  }

  async current(subjectId: string): Promise<Array<StoredTier>> {
    return this.ds.query(
      `SELECT ${COLUMNS}, inspection_policy AS "inspectionPolicy", membership FROM credit_tiers WHERE subject_id = $1 ORDER BY industry`,
      [subjectId],
    );
  }

  async history(subjectId: string, industry: string | undefined, limit: number): Promise<TierHistoryEntry[]> {
    return this.ds.query(
      // Ordered by the bigint column, not by the text alias `id` ("9" would sort after "10").
      `SELECT h.id::text AS id, ${COLUMNS}, previous_tier AS "previousTier", trigger FROM credit_tier_history h
       WHERE subject_id = $1 AND ($2::text IS NULL OR industry = $2) ORDER BY h.id DESC LIMIT $3`,
      [subjectId, industry ?? null, limit],
    );
  }

  /** The subjects holding a stored tier of `industry` (of `tier` only, when given): the subject search's tier filter. */
  async subjectIdsWith(industry: string, tier?: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT subject_id AS id FROM credit_tiers WHERE industry = $1 AND ($2::text IS NULL OR tier = $2)`,
      [industry, tier ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** Subjects per industry and tier, optionally for one region (administrative division prefix). */
  async distribution(region?: string): Promise<Array<{ industry: string; tier: string; subjects: number }>> {
    return this.ds.query(
      `SELECT t.industry, t.tier, count(*)::int AS subjects FROM credit_tiers t
       JOIN subjects s ON s.id = t.subject_id
       WHERE ($1::text IS NULL OR s.region LIKE $1 || '%')
       GROUP BY t.industry, t.tier ORDER BY t.industry, t.tier`,
      [region ?? null],
    );
  }
}
