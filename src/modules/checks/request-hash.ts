import { createHmac } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../../common/canonical-json';

/**
 * Fingerprint of a check request, to tell an idempotent retry from a different request under the same
 * key. Computed on the request as sent (ID numbers unmasked: two people who share a masked form must
 * not share a fingerprint) and keyed (HMAC), because a plain hash of a low-entropy ID number could be
 * reversed by trying them all.
 */
export function requestHash(body: unknown, key: string): string {
  return createHmac('sha256', key)
    .update(canonicalJson(JSON.parse(JSON.stringify(body)) as JsonValue))
    .digest('hex');
}
