import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { PageHead } from '../components/PageHead';
import { ProblemAlert } from '../components/ProblemAlert';
import { useLang } from '../i18n';
import { scenarioLabel, SCENARIOS } from '../lib/labels';
import { mapProblemToForm, type Problem } from '../lib/problem';
import { useApi } from '../lib/useApi';

type ApiKey = Schemas['ApiKeyDto'];
type Created = Schemas['CreatedApiKeyDto'];
type Scope = Schemas['CreateApiKeyDto']['scopes'][number];

/** The scopes (权限范围) with the names officers use. */
export const SCOPE_LABELS: Record<string, { zh: string; en: string }> = {
  subjects: { zh: '主体', en: 'Subjects' },
  records: { zh: '信用记录', en: 'Records' },
  tiers: { zh: '信用分级', en: 'Tiers' },
  packs: { zh: '规则包', en: 'Rule packs' },
  checks: { zh: '逢办必查', en: 'Checks' },
  feedback: { zh: '核查反馈', en: 'Feedback' },
  audit: { zh: '审计日志', en: 'Audit trail' },
  inspections: { zh: '双随机抽查', en: 'Inspections' },
  repair: { zh: '信用修复', en: 'Credit repair' },
  quality: { zh: '双公示质量', en: 'Data quality' },
  metrics: { zh: '监控指标（Prometheus）', en: 'Metrics (Prometheus)' },
  admin: { zh: '系统管理员（全部权限）', en: 'Administrator (all)' },
};
/** YYYY-MM-DD HH:mm, China Standard Time. */
const day = (iso: string | null | undefined) =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '—';

/** API keys (API密钥, 系统管理): every key, issue one (shown once), revoke with confirmation. Admin keys only. */
export default function KeysPage() {
  const { t, lang } = useLang();
  const { data, loading, problem, reload } = useApi(() => unwrap(api.GET('/api/v1/api-keys')), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [revokeProblem, setRevokeProblem] = useState<Problem | null>(null);
  const scopeTag = (s: string) => (
    <Tag key={s} color={s === 'admin' ? 'red' : 'blue'}>
      {lang === 'zh' ? (SCOPE_LABELS[s]?.zh ?? s) : (SCOPE_LABELS[s]?.en ?? s)}
    </Tag>
  );
  const revoke = (k: ApiKey) =>
    Modal.confirm({
      title: t(`吊销 ${k.name} 的API密钥？`, `Revoke the key of ${k.name}?`),
      content: t(
        '吊销后该密钥立即失效，调用方须使用新密钥；此操作不可撤销。',
        'The key stops working at once; the caller needs a new key. This cannot be undone.',
      ),
      okText: t('吊销', 'Revoke'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-revoke' } as never,
      cancelText: t('取消', 'Cancel'),
      onOk: async () => {
        setRevokeProblem(null);
        try {
          await unwrap(api.POST('/api/v1/api-keys/{key}/revoke', { params: { path: { key: k.id } } }));
        } catch (e) {
          if (e instanceof ApiError) setRevokeProblem(e.problem);
        }
        reload();
      },
    });
  return (
    <>
      <PageHead
        crumbs={[{ label: t('系统管理', 'System') }, { label: t('API密钥', 'API keys') }]}
        title={t('API密钥', 'API keys')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="new-key">
            {t('新建密钥', 'New key')}
          </Button>
        }
      />
      {created && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 16 }}
          data-testid="created-key"
          title={t(
            `已为 ${created.apiKey.name} 创建API密钥：请立即复制保存，关闭后将不再显示。`,
            `Key created for ${created.apiKey.name}: copy it now; it will not be shown again.`,
          )}
          description={
            <Typography.Paragraph
              copyable={{ text: created.key, tooltips: [t('复制', 'Copy'), t('已复制', 'Copied')] }}
              style={{ margin: 0 }}
            >
              <code data-testid="created-key-value">{created.key}</code>
            </Typography.Paragraph>
          }
        />
      )}
      <ProblemAlert problem={problem ?? revokeProblem} />
      <Card>
        <Table<ApiKey>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          data-testid="keys-table"
          scroll={{ x: 1500 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: t('还没有API密钥。点击“新建密钥”为调用方签发。', 'No keys yet. Use "New key" to issue one.'),
          }}
          columns={[
            { title: t('调用方名称', 'Caller'), dataIndex: 'name', fixed: 'left', width: 220 },
            { title: t('前缀', 'Prefix'), dataIndex: 'prefix', width: 90, render: (v: string) => <code>{v}</code> },
            {
              title: t('权限范围', 'Scopes'),
              dataIndex: 'scopes',
              width: 200,
              render: (v: string[]) => v.map(scopeTag),
            },
            {
              title: t('可核查场景', 'Scenarios'),
              dataIndex: 'scenarios',
              width: 170,
              render: (v: string[]) =>
                v.length ? v.map((c) => (c === '*' ? '*' : scenarioLabel(c, lang))).join('、') : '—',
            },
            {
              title: t('所属部门', 'Department'),
              dataIndex: 'department',
              width: 180,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('每分钟请求数', 'Requests/min'),
              dataIndex: 'rateLimitPerMinute',
              width: 110,
              render: (v: number | null) => (v === null ? t('默认', 'default') : v.toLocaleString()),
            },
            { title: t('创建时间', 'Created'), dataIndex: 'createdAt', width: 160, render: day },
            { title: t('最近使用', 'Last used'), dataIndex: 'lastUsedAt', width: 160, render: day },
            {
              title: t('状态', 'Status'),
              key: 'status',
              width: 190,
              render: (_: unknown, k) =>
                k.revokedAt ? (
                  <Tag>
                    {t('已吊销', 'Revoked')} {day(k.revokedAt)}
                  </Tag>
                ) : (
                  <Tag color="success">{t('有效', 'Live')}</Tag>
                ),
            },
            {
              title: t('操作', 'Action'),
              key: 'act',
              width: 90,
              fixed: 'right',
              render: (_: unknown, k) =>
                k.revokedAt ? null : (
                  <Button size="small" danger onClick={() => revoke(k)} data-testid={`revoke-${k.name}`}>
                    {t('吊销', 'Revoke')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {creating && (
        <CreateModal
          onClose={(c) => {
            setCreating(false);
            if (c) {
              setCreated(c);
              reload();
            }
          }}
        />
      )}
    </>
  );
}

interface KeyForm {
  name: string;
  scopes: Scope[];
  scenarios?: string[];
  rateLimitPerMinute?: number | null;
  department?: string;
}

function CreateModal({ onClose }: { onClose: (created: Created | null) => void }) {
  const { t, lang } = useLang();
  const [form] = Form.useForm<KeyForm>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: KeyForm) => {
    setBusy(true);
    setProblem(null);
    try {
      const body = {
        name: v.name.trim(),
        scopes: v.scopes,
        scenarios: v.scenarios ?? [],
        rateLimitPerMinute: v.rateLimitPerMinute ?? null,
        department: v.department?.trim() || null,
      };
      onClose(await unwrap(api.POST('/api/v1/api-keys', { body })));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      form.setFields(
        mapProblemToForm(e.problem, (p) =>
          ['name', 'scopes', 'scenarios', 'rateLimitPerMinute', 'department'].includes(String(p[0])),
        ).fields as never,
      );
      setProblem(e.problem);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('新建API密钥', 'New API key')}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('创建', 'Create')}
      okButtonProps={{ 'data-testid': 'create-key' } as never}
      destroyOnHidden
    >
      <ProblemAlert problem={problem} />
      <Form
        form={form}
        labelCol={{ span: 6 }}
        wrapperCol={{ span: 18 }}
        initialValues={{ scopes: [], scenarios: [] }}
        onFinish={(v) => void submit(v)}
        data-testid="key-form"
      >
        <Form.Item
          name="name"
          label={t('调用方名称', 'Caller')}
          extra={t(
            '小写字母、数字、“.”“_”“-”，如 qijiang-tendering-platform',
            'a-z, 0-9, ".", "_", "-", e.g. qijiang-tendering-platform',
          )}
          rules={[{ required: true, whitespace: true, message: t('请输入调用方名称', 'Enter the caller') }]}
        >
          <Input data-testid="key-name" />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('权限范围', 'Scopes')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('至少选择一项权限', 'Choose at least one scope') },
          ]}
        >
          <Checkbox.Group
            data-testid="key-scopes"
            options={Object.entries(SCOPE_LABELS).map(([value, l]) => ({
              value,
              label: `${lang === 'zh' ? l.zh : l.en} (${value})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="scenarios"
          label={t('可核查场景', 'Scenarios')}
          extra={t(
            '逢办必查的场景代码；“*”表示全部；不选则不能核查',
            'Scenario codes it may check; * = all; none = no checks',
          )}
        >
          <Select
            mode="tags"
            data-testid="key-scenarios"
            options={[
              { value: '*', label: t('* 全部', '* all') },
              ...SCENARIOS.map((s) => ({ value: s.code, label: `${lang === 'zh' ? s.zh : s.en} ${s.code}` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('所属部门', 'Department')}
          extra={t(
            '信用修复、承诺结果须绑定认定部门（谁认定、谁修复）',
            'Repair decisions and commitment outcomes need the recognising department',
          )}
        >
          <Input data-testid="key-department" />
        </Form.Item>
        <Form.Item
          name="rateLimitPerMinute"
          label={t('每分钟请求数', 'Requests/min')}
          extra={t('留空为服务默认值', 'Empty = the server default')}
        >
          <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
