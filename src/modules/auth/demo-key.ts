import { ApiKeysService } from './api-keys.service';

export const DEMO_KEY_NAME = 'demo-admin';

/**
 * `npm start -- --demo`: an admin key named demo-admin, created once (idempotent by name). Answers the
 * lines to print: the key itself the first time, otherwise how to get a new one.
 */
export async function demoKeyLines(keys: ApiKeysService, port: number): Promise<string[]> {
  const existing = await keys.admin.findLive(DEMO_KEY_NAME);
  if (existing) {
    return [
      `Demo API key "${DEMO_KEY_NAME}" (prefix ${existing.prefix}) exists already; it was printed once, when it was created.`,
      `Lost it? Stop the server, run: npm run keys -- revoke --name ${DEMO_KEY_NAME}   then start with --demo again for a new one.`,
    ];
  }
  const { key } = await keys.create({ name: DEMO_KEY_NAME, scopes: ['admin'], scenarios: ['*'] });
  return [
    `Demo API key (${DEMO_KEY_NAME}, scope admin; shown this once, keep it): ${key}`,
    `Every /api route needs it:  KEY=${key}  then  curl -H "Authorization: Bearer $KEY" localhost:${port}/api/v1/packs`,
  ];
}
