import { useEffect, useMemo, useState } from 'react';
import { Card, Empty, Select, Space, Spin, Tag, Typography } from 'antd';
import { diffLines } from 'diff';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import { packText } from './pack-format';
import { unifiedLines, type Line } from './diff-lines';

type Version = Schemas['PackVersionDto'];

const BG: Record<Line['kind'], string | undefined> = { '+': '#e6ffec', '-': '#ffebe9', ' ': undefined, '…': '#f6f8fa' };

/** Compare two published versions (版本对比): pick any two, see the changed lines of their content. */
export function VersionDiff({ id, versions }: { id: string; versions: readonly Version[] }) {
  const { t } = useLang();
  const [a, setA] = useState<number | undefined>(versions[1]?.seq ?? versions[0]?.seq);
  const [b, setB] = useState<number | undefined>(versions[0]?.seq);
  const [texts, setTexts] = useState<[string, string] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    if (a === undefined || b === undefined) return;
    let live = true;
    setTexts(null);
    setProblem(null);
    const get = (seq: number) =>
      unwrap(api.GET('/api/v1/packs/{id}/versions/{seq}', { params: { path: { id, seq: String(seq) } } })).then((v) =>
        packText(v.content, id !== 'measures'),
      );
    Promise.all([get(a), get(b)])
      .then((x) => live && setTexts(x))
      .catch((e: unknown) => live && setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 }));
    return () => {
      live = false;
    };
  }, [id, a, b]);
  const lines = useMemo(() => (texts ? unifiedLines(diffLines(texts[0], texts[1])) : []), [texts]);
  const added = lines.filter((l) => l.kind === '+').length;
  const removed = lines.filter((l) => l.kind === '-').length;
  const options = versions.map((v) => ({
    value: v.seq,
    label: `#${v.seq} · v${v.version}${v.active ? ` (${t('生效中', 'active')})` : ''}`,
  }));
  return (
    <Card size="small" title={t('版本对比', 'Compare versions')} data-testid="version-diff">
      <Space style={{ marginBottom: 8 }} wrap>
        <Select style={{ width: 220 }} value={a} onChange={setA} options={options} data-testid="diff-from" />
        →
        <Select style={{ width: 220 }} value={b} onChange={setB} options={options} data-testid="diff-to" />
        {texts && (
          <span data-testid="diff-stats">
            <Tag color="green">+{added}</Tag>
            <Tag color="red">−{removed}</Tag>
          </span>
        )}
      </Space>
      <ProblemAlert problem={problem} />
      {!texts ? (
        !problem && <Spin style={{ display: 'block', margin: 24 }} />
      ) : added + removed === 0 ? (
        <Empty description={t('两个版本内容相同。', 'The two versions have the same content.')} />
      ) : (
        <pre
          data-testid="diff-lines"
          style={{ fontSize: 12, maxHeight: 480, overflow: 'auto', margin: 0, border: '1px solid #f0f0f0' }}
        >
          {lines.map((l, i) =>
            l.kind === '…' ? (
              <div key={i} style={{ background: BG['…'], color: '#888', padding: '0 8px' }}>
                ⋯ {t(`${l.text} 行未变`, `${l.text} unchanged lines`)}
              </div>
            ) : (
              <div
                key={i}
                className={`diff-${l.kind === '+' ? 'add' : l.kind === '-' ? 'del' : 'ctx'}`}
                style={{ background: BG[l.kind], whiteSpace: 'pre' }}
              >
                <Typography.Text
                  type="secondary"
                  style={{ display: 'inline-block', width: 72, userSelect: 'none', fontSize: 11 }}
                >
                  {String(l.a ?? '').padStart(4)} {String(l.b ?? '').padStart(4)}
                </Typography.Text>
                {l.kind} {l.text}
              </div>
            ),
          )}
        </pre>
      )}
    </Card>
  );
}
