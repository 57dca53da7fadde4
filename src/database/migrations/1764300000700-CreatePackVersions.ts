import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule packs in the database (规则包版本): every published version (immutable: a trigger refuses any
 * change of its content, and its removal), one editable draft per pack guarded by a revision number
 * (optimistic locking with a conditional UPDATE), and the version each pack evaluates with now.
 * The measures catalogue and measure rules are the pack `measures` ({catalogue, rules}).
 */
export class CreatePackVersions1764300000700 implements MigrationInterface {
  name = 'CreatePackVersions1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pack_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pack_id varchar(64) NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        version varchar(64) NOT NULL,
        content jsonb NOT NULL,
        content_hash char(64) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'retired')),
        created_by varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_by varchar(100),
        published_at timestamptz,
        publish_reason text,
        CONSTRAINT pack_versions_seq UNIQUE (pack_id, seq),
        CONSTRAINT pack_versions_version UNIQUE (pack_id, version)
      )`);
    await q.query(`
      CREATE FUNCTION pack_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'pack version % is published: it is never removed', OLD.id USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status <> 'draft' AND (NEW.content IS DISTINCT FROM OLD.content OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
            OR NEW.version IS DISTINCT FROM OLD.version OR NEW.pack_id IS DISTINCT FROM OLD.pack_id OR NEW.seq IS DISTINCT FROM OLD.seq) THEN
          RAISE EXCEPTION 'pack version % is published: its content is immutable', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER pack_versions_immutable BEFORE UPDATE OR DELETE ON pack_versions
      FOR EACH ROW EXECUTE FUNCTION pack_versions_immutable()`);
    await q.query(`
      CREATE TABLE pack_drafts (
        pack_id varchar(64) PRIMARY KEY,
        content jsonb NOT NULL,
        revision integer NOT NULL CHECK (revision > 0),
        updated_by varchar(100) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE pack_active (
        pack_id varchar(64) PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES pack_versions (id),
        activated_at timestamptz NOT NULL DEFAULT now(),
        activated_by varchar(100) NOT NULL,
        reason text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pack_active`);
    await q.query(`DROP TABLE pack_drafts`);
    await q.query(`DROP TABLE pack_versions`);
    await q.query(`DROP FUNCTION pack_versions_immutable()`);
  }
}
