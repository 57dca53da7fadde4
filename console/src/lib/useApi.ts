import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { Problem } from './problem';

/** Load on mount and when `deps` change: loading, data, problem (the loading / empty / error states). */
export function useApi<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): { data: T | null; loading: boolean; problem: Problem | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [tick, setTick] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setProblem(null);
    run()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [run, tick]);
  return { data, loading, problem, reload: () => setTick((n) => n + 1) };
}
