import { lazy, Suspense, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Col, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { api, ApiError, unwrap } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import { cstDateTime } from '../../lib/dates';
import type { Problem } from '../../lib/problem';
import { useApi } from '../../lib/useApi';
import type { Draft } from '../PackPage';
import { FactCatalogue } from './FactCatalogue';
import { packText } from './pack-format';
import type { PackEditorHandle } from './PackEditor';
import type { PackDiagnostic } from './pack-lint';

// CodeMirror, the pack schema and the validator: their own chunk, loaded when the draft tab opens.
const PackEditor = lazy(() => import('./PackEditor'));

/** The draft tab: the editor with its diagnostics, the fact catalogue beside it, and saving with If-Match. */
export function DraftTab({
  id,
  draft,
  tierPack,
  onSaved,
  onReload,
}: {
  id: string;
  draft: Draft;
  tierPack: boolean;
  onSaved(d: Draft): void;
  onReload(): void;
}) {
  const { t } = useLang();
  const { message } = App.useApp();
  const editor = useRef<PackEditorHandle>(null);
  const facts = useApi(() => unwrap(api.GET('/api/v1/facts')), []);
  const [text, setText] = useState(() => packText(draft.content, tierPack));
  const [base, setBase] = useState(draft.revision);
  const [dirty, setDirty] = useState(false);
  const [diags, setDiags] = useState<readonly PackDiagnostic[]>([]);
  const [checking, setChecking] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Problem | null>(null);

  const save = async () => {
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch {
      setProblem({ title: t('JSON 语法错误，无法保存', 'The JSON does not parse: not saved'), status: 400 });
      return;
    }
    setSaving(true);
    setProblem(null);
    setConflict(null);
    const r = await api.PUT('/api/v1/packs/{id}/draft', {
      params: { path: { id }, header: { 'if-match': String(base) } },
      body: { content: content as Record<string, never> },
    });
    setSaving(false);
    if (r.response.ok && r.data) {
      setBase(r.data.revision);
      setDirty(false);
      onSaved(r.data);
      void message.success(t(`草稿已保存（修订号 ${r.data.revision}）`, `Draft saved (revision ${r.data.revision})`));
      return;
    }
    const p = (r.error ?? { title: `HTTP ${r.response.status}`, status: r.response.status }) as Problem;
    if (r.response.status === 409 || r.response.status === 412) setConflict(p);
    else setProblem(new ApiError(p).problem);
  };

  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Space style={{ marginBottom: 8 }} wrap>
          <Button
            type="primary"
            onClick={() => void save()}
            loading={saving}
            disabled={!dirty}
            data-testid="save-draft"
          >
            {t('保存草稿', 'Save draft')}
          </Button>
          <Typography.Text type="secondary">
            {t('基于修订号', 'Based on revision')} {base}
            {draft.updatedBy && ` · ${draft.updatedBy} ${draft.updatedAt ? cstDateTime(draft.updatedAt) : ''}`}
          </Typography.Text>
          {dirty && <Tag color="orange">{t('未保存', 'Unsaved')}</Tag>}
          <span data-testid="diagnostics-count">
            {checking ? (
              <Tag icon={<Spin size="small" />}>{t('校验中…', 'Checking…')}</Tag>
            ) : errors + warnings === 0 ? (
              <Tag color="green">{t('无问题', 'No findings')}</Tag>
            ) : (
              <Space size={4}>
                <Badge color="red" text={`${errors} ${t('错误', 'errors')}`} />
                <Badge color="orange" text={`${warnings} ${t('警告', 'warnings')}`} />
              </Space>
            )}
          </span>
        </Space>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            data-testid="draft-conflict"
            title={t('保存冲突：草稿已被他人修改', 'Conflict: someone else saved the draft meanwhile')}
            description={`${conflict.detail ?? conflict.title} ${t('请重新载入最新草稿后再修改（本地修改将丢失，可先复制）。', 'Reload the latest draft, then edit again (your changes here are lost: copy them first).')}`}
            action={<Button onClick={onReload}>{t('载入最新草稿', 'Load the latest draft')}</Button>}
          />
        )}
        <ProblemAlert problem={problem} />
        {!tierPack && draft.findings.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 8 }}
            title={t('已保存草稿的校验问题', 'Findings of the saved draft')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {draft.findings.map((f, i) => (
                  <li key={i}>
                    <code>
                      {f.file}#{f.path}
                    </code>
                    : {f.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
          <PackEditor
            handle={editor}
            initial={text}
            tierPack={tierPack}
            facts={(facts.data?.items ?? []).map((f) => ({ name: f.name, label: f.descriptionZh, type: f.type }))}
            onChange={(s) => {
              setText(s);
              setDirty(true);
            }}
            onDiagnostics={(ds, busy) => {
              setChecking(busy);
              if (!busy) setDiags(ds);
            }}
          />
        </Suspense>
        <List
          size="small"
          style={{ marginTop: 8 }}
          data-testid="diagnostics"
          dataSource={[...diags]}
          locale={{ emptyText: t('没有校验问题。', 'No findings.') }}
          renderItem={(d) => (
            <List.Item style={{ cursor: 'pointer', display: 'block' }} onClick={() => editor.current?.reveal(d)}>
              <div>
                <Tag color={d.severity === 'error' ? 'red' : 'orange'}>{d.source}</Tag>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {d.pointer || '/'}
                </Typography.Text>
              </div>
              <div style={{ marginTop: 4 }}>{d.message}</div>
            </List.Item>
          )}
        />
      </Col>
      <Col xs={24} xl={8}>
        <FactCatalogue facts={facts} onPick={(name) => editor.current?.insert(`"${name}"`)} />
      </Col>
    </Row>
  );
}
