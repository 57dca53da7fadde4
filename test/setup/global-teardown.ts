export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __embeddedDb?: { stop(): Promise<void> }; __embeddedFactory?: { stop(): Promise<void> } };
  if (g.__embeddedFactory) await g.__embeddedFactory.stop();
  if (g.__embeddedDb) await g.__embeddedDb.stop();
}
