/**
 * Preloaded into the server by `npm run soak` (`node --expose-gc -r dist/scripts/soak-probe.js
 * dist/src/main.js`): every few seconds a full GC, then one line `SOAKMEM {t, rss, heapUsed, heapTotal,
 * external}` on stdout, so that the heap figure is the live heap, not garbage waiting to be collected.
 */
const every = Number(process.env.SOAK_SAMPLE_MS ?? 5000);
const gc = (globalThis as { gc?: () => void }).gc;
setInterval(() => {
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(
    `SOAKMEM ${JSON.stringify({ t: Date.now(), rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })}\n`,
  );
}, every).unref();
export {};
