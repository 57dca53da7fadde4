import { Alert } from 'antd';
import type { Problem } from '../lib/problem';
import { useLang } from '../i18n';

/** A problem-details answer: its title and detail, each field error with its reason, the request id. */
export function ProblemAlert({ problem, style }: { problem: Problem | null; style?: React.CSSProperties }) {
  const { t } = useLang();
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={`${problem.title}${problem.code ? ` [${problem.code}]` : ''}`}
      description={
        <div>
          {problem.detail && <div>{problem.detail}</div>}
          {(problem.errors ?? []).length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {problem.errors!.map((e, i) => (
                <li key={i}>
                  <code>{e.field}</code>: {e.reason}
                </li>
              ))}
            </ul>
          )}
          {problem.requestId && (
            <div style={{ opacity: 0.7, fontSize: 12 }}>
              {t('请求编号', 'Request id')}: {problem.requestId}
            </div>
          )}
        </div>
      }
    />
  );
}
