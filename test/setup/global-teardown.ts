export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embeddedDb?: { stop(): Promise<void> } }).__embeddedDb;
  if (embedded) await embedded.stop();
}
