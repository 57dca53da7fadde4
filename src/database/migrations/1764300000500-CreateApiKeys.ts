import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys of the caller systems (调用方). Only the SHA-256 of a key is kept; `prefix` is its public
 * lookup handle. A name is unique among live keys (a partial unique index), so a caller system whose
 * key was revoked can be issued a new one under the same name while the revoked row stays as history.
 */
export class CreateApiKeys1764300000500 implements MigrationInterface {
  readonly name = 'CreateApiKeys1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        name                  varchar(100) NOT NULL,
        prefix                char(8)      NOT NULL,
        key_hash              char(64)     NOT NULL,
        scopes                text[]       NOT NULL,
        scenarios             text[]       NOT NULL,
        rate_limit_per_minute integer      NULL,
        created_at            timestamptz  NOT NULL DEFAULT now(),
        revoked_at            timestamptz  NULL,
        last_used_at          timestamptz  NULL,
        CONSTRAINT api_keys_prefix_key UNIQUE (prefix),
        CONSTRAINT api_keys_name_check CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
        CONSTRAINT api_keys_prefix_check CHECK (prefix ~ '^[0-9a-f]{8}$'),
        CONSTRAINT api_keys_key_hash_check CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT api_keys_scopes_check CHECK (cardinality(scopes) > 0),
        CONSTRAINT api_keys_rate_check CHECK (rate_limit_per_minute IS NULL OR rate_limit_per_minute > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX api_keys_name_live_key ON api_keys (name) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
