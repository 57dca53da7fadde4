import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { ApiError } from '../api/client';
import { useLang } from '../i18n';
import { useSession } from '../session';

/**
 * Sign-in with an API key (API密钥登录). The key stays in this tab's session storage only. A session that
 * ended because the key was revoked says so here.
 */
export function SignIn() {
  const { signIn, endedBecause } = useSession();
  const { lang, setLang, t } = useLang();
  const [form] = Form.useForm<{ key: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async ({ key }: { key: string }) => {
    setBusy(true);
    try {
      await signIn(key.trim());
    } catch (e) {
      const p = e instanceof ApiError ? e.problem : null;
      form.setFields([{ name: 'key', errors: [p ? [p.title, p.detail].filter(Boolean).join(' — ') : String(e)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f5f5',
      }}
    >
      <Card style={{ width: 440 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('信用监管工作台', 'Credit supervision console')}
          </Typography.Title>
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v === 'en' ? 'en' : 'zh')}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t(
            '请输入管理员发放的 API 密钥。密钥只保存在本标签页中，关闭即失效。',
            'Enter the API key your administrator gave you. It is kept in this tab only and forgotten when the tab closes.',
          )}
        </Typography.Paragraph>
        {endedBecause && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('登录已失效，请重新登录', 'Your session ended: sign in again')}
            description={[endedBecause.title, endedBecause.detail].filter(Boolean).join(' — ')}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
          <Form.Item
            name="key"
            label={t('API 密钥', 'API key')}
            rules={[
              { required: true, message: t('请输入 API 密钥', 'Enter an API key') },
              {
                pattern: /^\s*cse_[A-Za-z0-9]+_[A-Za-z0-9_-]+\s*$/,
                message: t('密钥格式应为 cse_<前缀>_<密文>', 'A key looks like cse_<prefix>_<secret>'),
              },
            ]}
          >
            <Input.Password autoComplete="off" placeholder="cse_…" data-testid="api-key" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录', 'Sign in')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
