import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { keyMatches, prefixOf, presentedKey } from './api-key.secret';
import { ValidationFailed } from '../../common/problem';
import { isUuid } from '../../common/uuid';
import { ApiKeysAdmin, CreatedKey, isKeyName, KeyNameTaken, KeySettingsRefused, NewKeyInput } from './api-keys.admin';
import { ApiKeyRecord, ApiKeysStore, Queryable } from './api-keys.store';
import {
  ApiKeyAlreadyRevoked,
  ApiKeyNameTaken,
  ApiKeyNotFound,
  AuthInvalid,
  AuthRequired,
  LastAdminKey,
} from './auth.errors';
import type { Caller } from './caller';

/**
 * How long a key looked up by prefix is trusted without asking the database again. A key revoked by
 * another process (the CLI) stops working within this bound; one revoked through this service at once.
 */
export const KEY_CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const TOUCH_EVERY_MS = 60_000;

export type Authentication =
  { readonly caller: Caller; readonly record: ApiKeyRecord } | { readonly refusal: AuthRequired | AuthInvalid };
type Headers = Record<string, string | string[] | undefined>;

/** Runs in the transaction of a key's creation or revocation, after the row is written (its audit entry is staged there). */
export type StageKeyChange = (db: Queryable, record: ApiKeyRecord) => Promise<void>;

/** Resolves API keys to callers (cached), and issues and revokes keys. */
@Injectable()
export class ApiKeysService implements OnModuleDestroy {
  private readonly logger = new Logger('Auth');
  private readonly store: ApiKeysStore;
  readonly admin: ApiKeysAdmin;
  private readonly cache = new Map<string, { at: number; row: Promise<ApiKeyRecord | null> }>();
  private readonly touched = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();
  private readonly perRequest = new WeakMap<object, Promise<Authentication>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {
    this.store = new ApiKeysStore(ds);
    this.admin = new ApiKeysAdmin(this.store);
  }

  /** `authenticate` once per request: the rate limiter and the guard share the answer. */
  authenticateRequest(req: { readonly headers: Headers }): Promise<Authentication> {
    let auth = this.perRequest.get(req);
    if (!auth) this.perRequest.set(req, (auth = this.authenticate(req.headers)));
    return auth;
  }

  /** The caller behind the request's headers, or the refusal to answer (401). */
  async authenticate(headers: Headers): Promise<Authentication> {
    const presented = presentedKey(headers);
    if ('missing' in presented) return { refusal: new AuthRequired() };
    if ('bad' in presented) return { refusal: new AuthInvalid(presented.bad) };
    const prefix = prefixOf(presented.key);
    if (!prefix) return { refusal: new AuthInvalid('malformed') };
    const record = await this.lookup(prefix);
    if (!record || !keyMatches(presented.key, record.keyHash)) return { refusal: new AuthInvalid('unknown') };
    if (record.revokedAt) return { refusal: new AuthInvalid('revoked') };
    return {
      record,
      caller: {
        keyId: record.id,
        name: record.name,
        scopes: record.scopes,
        scenarios: record.scenarios,
        department: record.department,
      },
    };
  }

  /** Record use at most once a minute per key, off the request's path. */
  touch(record: ApiKeyRecord): void {
    const now = this.clock.now().getTime();
    const last = this.touched.get(record.id);
    if (last !== undefined && now >= last && now - last < TOUCH_EVERY_MS) return;
    this.touched.set(record.id, now);
    const p = this.store
      .touch(record.id)
      .catch((err: unknown) => this.logger.warn({ err }, 'could not update last_used_at'));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  create(input: NewKeyInput): Promise<CreatedKey> {
    return this.admin.create(input);
  }

  async revoke(name: string): Promise<ApiKeyRecord> {
    const record = await this.admin.revoke(name);
    this.cache.delete(record.prefix);
    return record;
  }

  /**
   * Issue a key for the HTTP route: `stage` runs in the key's transaction. Wrong settings answer 400 naming
   * each field, a live key of the same name 409; nothing is stored then.
   */
  async createAudited(input: NewKeyInput, stage: StageKeyChange): Promise<CreatedKey> {
    try {
      return await this.ds.transaction((m) => new ApiKeysAdmin(new ApiKeysStore(m)).create(input, (r) => stage(m, r)));
    } catch (err: unknown) {
      if (err instanceof KeySettingsRefused) throw new ValidationFailed(err.problems);
      if (err instanceof KeyNameTaken) throw new ApiKeyNameTaken(input.name);
      throw err;
    }
  }

  /**
   * Revoke a key by id (a UUID) or by the name of a live key, `stage` running in its transaction. 404 when
   * there is no such key, 409 when it is revoked already or is the last live admin key (the CLI can still
   * revoke that one: it is the operator's way back in).
   */
  async revokeAudited(ref: string, stage: StageKeyChange): Promise<ApiKeyRecord> {
    if (!isUuid(ref) && !isKeyName(ref)) throw new ApiKeyNotFound(); // no key could have it (nor a NUL reach the database)
    const record = await this.ds.transaction(async (m) => {
      const store = new ApiKeysStore(m);
      const admins = await store.lockLiveAdminIds();
      const target = isUuid(ref) ? await store.findById(ref.toLowerCase()) : await store.findLive(ref);
      if (!target) throw new ApiKeyNotFound();
      if (target.revokedAt) throw new ApiKeyAlreadyRevoked(target.name);
      if (admins.length === 1 && admins[0] === target.id) throw new LastAdminKey(target.name);
      const revoked = await store.revokeById(target.id);
      if (!revoked) throw new ApiKeyAlreadyRevoked(target.name);
      await stage(m, revoked);
      return revoked;
    });
    this.cache.delete(record.prefix);
    return record;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private lookup(prefix: string): Promise<ApiKeyRecord | null> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(prefix);
    if (hit && now >= hit.at && now - hit.at < KEY_CACHE_MS) return hit.row;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    // Concurrent requests with one key share a single query; a failed query is not cached.
    const row = this.store.findByPrefix(prefix);
    this.cache.set(prefix, { at: now, row });
    void row.catch(() => {
      if (this.cache.get(prefix)?.row === row) this.cache.delete(prefix);
    });
    return row;
  }
}
