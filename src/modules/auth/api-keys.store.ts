/** Anything that runs SQL: a TypeORM DataSource or EntityManager (the app), a DataSource (the CLI). */
export interface Queryable {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/** One row of api_keys; the hash never leaves the store except for verification. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly keyHash: string;
  readonly scopes: readonly string[];
  readonly scenarios: readonly string[];
  readonly rateLimitPerMinute: number | null;
  /** The department (部门) the key acts for; null = not bound. */
  readonly department: string | null;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** What a new key is stored with; id and dates come from the table. */
export type NewApiKeyRow = Pick<
  ApiKeyRecord,
  'name' | 'prefix' | 'keyHash' | 'scopes' | 'scenarios' | 'rateLimitPerMinute' | 'department'
>;

const COLUMNS = `id, name, prefix, key_hash, scopes, scenarios, rate_limit_per_minute, department, created_at, revoked_at, last_used_at`;

interface Row {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  scenarios: string[];
  rate_limit_per_minute: number | null;
  department: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

function toRecord(r: Row): ApiKeyRecord {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    keyHash: r.key_hash,
    scopes: r.scopes,
    scenarios: r.scenarios,
    rateLimitPerMinute: r.rate_limit_per_minute,
    department: r.department,
    createdAt: new Date(r.created_at),
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
    lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  };
}

/** SQL of the api_keys table; used by ApiKeysAdmin and ApiKeysService only. */
export class ApiKeysStore {
  constructor(private readonly db: Queryable) {}

  /** The new row, or null when a live key has this name or (astronomically rarely) the prefix is taken. */
  async insert(k: NewApiKeyRow): Promise<ApiKeyRecord | null> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO api_keys (name, prefix, key_hash, scopes, scenarios, rate_limit_per_minute, department)
       VALUES ($1, $2, $3, $4::text[], $5::text[], $6, $7) ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [k.name, k.prefix, k.keyHash, k.scopes, k.scenarios, k.rateLimitPerMinute, k.department],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByPrefix(prefix: string): Promise<ApiKeyRecord | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE prefix = $1`, [prefix]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findLive(name: string): Promise<ApiKeyRecord | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE name = $1 AND revoked_at IS NULL`, [
      name,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Every key, live ones first, then by name and creation. */
  async list(): Promise<ApiKeyRecord[]> {
    const rows: Row[] = await this.db.query(
      `SELECT ${COLUMNS} FROM api_keys ORDER BY revoked_at IS NOT NULL, name, created_at`,
    );
    return rows.map(toRecord);
  }

  /** Revoke the live key of this name; the revoked row, or null when there is none. */
  async revoke(name: string): Promise<ApiKeyRecord | null> {
    // TypeORM answers an UPDATE as [rows, rowCount].
    const [rows]: [Row[], number] = await this.db.query(
      `UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [name],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * The ids of the live admin keys, locked until the transaction ends: two admins revoking the last two
   * admin keys at once then see each other's revoke (the second waits, then counts one key left).
   */
  async lockLiveAdminIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM api_keys WHERE revoked_at IS NULL AND 'admin' = ANY(scopes) ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  /** Revoke the key with this id if it is live; the revoked row, or null when it is not (or not there). */
  async revokeById(id: string): Promise<ApiKeyRecord | null> {
    const [rows]: [Row[], number] = await this.db.query(
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** last_used_at = now(), unless it was set less than a minute ago (no write per request). */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
