import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subjects (信用主体). A natural person is kept only as an HMAC of the ID number plus its masked form;
 * every other kind by its unified social credit code. No extension is needed (PGlite has none):
 * gen_random_uuid() is built in and name search uses a plain btree on lower(name).
 */
export class CreateSubjects1764300000100 implements MigrationInterface {
  readonly name = 'CreateSubjects1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subjects (
        id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        kind          varchar(32)  NOT NULL,
        code          varchar(18)  NULL,
        id_hash       char(64)     NULL,
        id_masked     varchar(18)  NULL,
        name          varchar(200) NOT NULL,
        region        char(6)      NULL,
        registered_on date         NULL,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        updated_at    timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT subjects_code_key UNIQUE (code),
        CONSTRAINT subjects_id_hash_key UNIQUE (id_hash),
        CONSTRAINT subjects_kind_check CHECK (
          kind IN ('legal_person', 'unincorporated_org', 'individual_business', 'natural_person', 'public_body')),
        CONSTRAINT subjects_identity_check CHECK (
          (kind = 'natural_person' AND id_hash IS NOT NULL AND id_masked IS NOT NULL AND code IS NULL)
          OR (kind <> 'natural_person' AND code IS NOT NULL AND id_hash IS NULL AND id_masked IS NULL)),
        CONSTRAINT subjects_code_shape_check CHECK (code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
        CONSTRAINT subjects_id_hash_shape_check CHECK (id_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT subjects_name_check CHECK (length(btrim(name)) > 0),
        CONSTRAINT subjects_region_check CHECK (region ~ '^[0-9]{6}$')
      )`);
    // Name search: ordered walk (keyset by lower(name), id) and prefix ranges; "C" collation so that
    // LIKE 'abc%' can use the index whatever the database's default collation is.
    await q.query(`CREATE INDEX subjects_name_idx ON subjects (lower(name) COLLATE "C", id)`);
    await q.query(`CREATE INDEX subjects_region_idx ON subjects (region, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE subjects`);
  }
}
