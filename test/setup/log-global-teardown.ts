import globalTeardown from './global-teardown';
import { scanLogDir } from './log-scan';

/**
 * The suite's global teardown, then the check that no log line of the whole run carries a valid
 * resident ID number (GB 11643). Fails naming file:line and the spec, the number masked.
 */
export default async function logGlobalTeardown(): Promise<void> {
  await globalTeardown();
  const dir = process.env.TEST_LOG_DIR;
  if (!dir) return;
  const { files, lines, leaks, keyLeaks } = scanLogDir(dir);
  process.stderr.write(
    `\nlog capture: ${lines} log lines in ${files} file(s) under ${dir} checked for resident ID numbers: ${leaks.length} found; for API keys: ${keyLeaks.length} found\n`,
  );
  if (keyLeaks.length > 0) {
    const shown = keyLeaks.slice(0, 20).map((l) => `  ${l.file}:${l.line} (${l.spec}): ${l.masked}`);
    throw new Error(`API keys in full in the logs (${keyLeaks.length} line(s)):\n${shown.join('\n')}`);
  }
  if (leaks.length > 0) {
    const shown = leaks.slice(0, 20).map((l) => `  ${l.file}:${l.line} (${l.spec}): ${l.masked}`);
    throw new Error(
      `Resident ID numbers in the logs (${leaks.length} line(s)):\n${shown.join('\n')}${leaks.length > 20 ? '\n  …' : ''}`,
    );
  }
}
