import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { api, unwrap, ApiError, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLang } from '../../i18n';
import type { Problem } from '../../lib/problem';
import { useApi } from '../../lib/useApi';
import type { Draft } from '../PackPage';
import { VersionDiff } from './VersionDiff';
import { versionColumns } from './version-columns';

type Version = Schemas['PackVersionDto'];
type Action = { kind: 'publish' } | { kind: 'rollback'; version: Version };

/**
 * Versions and publication (版本与发布): the published versions, publishing the saved draft (If-Match: the
 * draft revision shown here, so only what was validated and simulated goes out) and rolling back to an
 * earlier version; both need a reason and a confirmation. Then a diff of any two versions.
 */
export function VersionsTab({ id, draft, onChanged }: { id: string; draft: Draft; onChanged(): void }) {
  const { t } = useLang();
  const { message } = App.useApp();
  const versions = useApi(() => unwrap(api.GET('/api/v1/packs/{id}/versions', { params: { path: { id } } })), [id]);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const items = versions.data?.items ?? [];

  const open = (a: Action) => {
    form.resetFields();
    setProblem(null);
    setAction(a);
  };
  const confirm = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setProblem(null);
    try {
      const v =
        action?.kind === 'rollback'
          ? await unwrap(
              api.POST('/api/v1/packs/{id}/rollback', {
                params: { path: { id } },
                body: { versionId: action.version.id, reason },
              }),
            )
          : await unwrap(
              api.POST('/api/v1/packs/{id}/publish', {
                params: { path: { id }, header: { 'if-match': String(draft.revision) } },
                body: { reason },
              }),
            );
      void message.success(
        action?.kind === 'rollback'
          ? t(`已回退到 #${v.seq} v${v.version}`, `Rolled back to #${v.seq} v${v.version}`)
          : t(`已发布 #${v.seq} v${v.version}`, `Published #${v.seq} v${v.version}`),
      );
      setAction(null);
      versions.reload();
      onChanged();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.problem : { title: String(e), status: 0 });
    } finally {
      setBusy(false);
    }
  };

  const content = draft.content as { version?: string; rules?: { version?: string } };
  const draftVersion = content.version ?? content.rules?.version; // the measures: {catalogue, rules}
  // Publishing a version number already taken is refused (409 PACK_VERSION_EXISTS): said before the click.
  const taken = items.some((v) => v.version === draftVersion);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('发布草稿', 'Publish the draft')}>
        <Space wrap>
          <Typography.Text>
            {t('草稿', 'Draft')} v{draftVersion ?? '?'} · {t('修订号', 'revision')} {draft.revision}
          </Typography.Text>
          {draft.revision === 0 && <Tag>{t('尚未保存草稿', 'No draft saved')}</Tag>}
          {taken && (
            <Tag color="orange" data-testid="version-taken">
              {t(
                `v${draftVersion} 已发布过：请先在草稿中提高版本号`,
                `v${draftVersion} is published already: raise the draft's version first`,
              )}
            </Tag>
          )}
          {!draft.valid && (
            <Tag color="red">{t(`${draft.findings.length} 个校验问题`, `${draft.findings.length} findings`)}</Tag>
          )}
          <Button
            type="primary"
            danger
            disabled={draft.revision === 0 || taken}
            onClick={() => open({ kind: 'publish' })}
            data-testid="publish"
          >
            {t('发布…', 'Publish…')}
          </Button>
        </Space>
      </Card>
      <ProblemAlert problem={versions.problem} />
      <Table<Version>
        rowKey="id"
        size="small"
        loading={versions.loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        data-testid={`versions-${id}`}
        columns={[
          ...versionColumns(t),
          {
            title: t('操作', 'Action'),
            key: 'act',
            render: (_: unknown, x) =>
              !x.active && (
                <Button
                  size="small"
                  onClick={() => open({ kind: 'rollback', version: x })}
                  data-testid={`rollback-${x.seq}`}
                >
                  {t('回退到此版本…', 'Roll back to this…')}
                </Button>
              ),
          },
        ]}
      />
      {items.length > 0 && <VersionDiff key={items[0]!.id} id={id} versions={items} />}
      <Modal
        open={action !== null}
        title={
          action?.kind === 'rollback'
            ? t(
                `确认回退到 #${action.version.seq} v${action.version.version}`,
                `Confirm: roll back to #${action.version.seq} v${action.version.version}`,
              )
            : t(`确认发布草稿（修订号 ${draft.revision}）`, `Confirm: publish the draft (revision ${draft.revision})`)
        }
        okText={action?.kind === 'rollback' ? t('确认回退', 'Roll back') : t('确认发布', 'Publish')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'confirm-action' } as ButtonProps}
        cancelText={t('取消', 'Cancel')}
        onOk={() => void confirm()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            '生效后所有实例一秒内切换，主体的信用等级将按新版本在后台重算；操作记入审计日志。',
            'Every instance switches within a second and stored tiers are recomputed in the background; the action is audited.',
          )}
        />
        <ProblemAlert problem={problem} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('理由（必填）', 'Reason (required)')}
            rules={[{ required: true, whitespace: true, message: t('请填写理由', 'A reason is required') }]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="action-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
