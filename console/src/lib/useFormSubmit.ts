import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { mapProblemToForm, type Problem } from './problem';

/**
 * A form sent to the service (the dialogs that record, decide or declare): `busy` while the call runs; a
 * refusal shows each error naming one of `fields` under that field and keeps the whole problem for the
 * alert above the form. Anything but a refusal is thrown on.
 */
export function useFormSubmit<V>(
  form: FormInstance<V>,
  fields: readonly string[],
  send: (values: V) => Promise<void>,
): { busy: boolean; problem: Problem | null; submit: (values: V) => void } {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = async (values: V) => {
    setBusy(true);
    setProblem(null);
    try {
      await send(values);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(mapProblemToForm(e.problem, (p) => fields.includes(String(p[0]))).fields as never);
      setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, submit: (values) => void run(values) };
}
