import { Button, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useLang } from './i18n';
import { GROUPS, visiblePages } from './lib/access';
import { useSession } from './session';

/** Ant Design's admin layout: the menu grouped by role on the left, the key and language on top. */
export function Shell() {
  const { me, signOut } = useSession();
  const { lang, setLang, t } = useLang();
  const nav = useNavigate();
  const loc = useLocation();
  const pages = visiblePages(me?.scopes ?? []);
  const selected = pages.find((p) => loc.pathname === p.path || loc.pathname.startsWith(p.path + '/'))?.path;
  const items = GROUPS.map((g) => ({
    type: 'group' as const,
    key: g.id,
    label: t(g.zh, g.en),
    children: pages.filter((p) => p.group === g.id).map((p) => ({ key: p.path, label: t(p.zh, p.en) })),
  })).filter((g) => g.children.length > 0);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={200}
        theme="light"
        breakpoint="lg"
        collapsedWidth={0}
        style={{ borderRight: '1px solid #f0f0f0' }}
      >
        <div style={{ padding: '16px 16px 8px', fontWeight: 600, fontSize: 16 }}>
          {t('信用监管工作台', 'Credit supervision')}
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={(e) => void nav(e.key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <Space size="middle" wrap={false}>
            <span data-testid="caller-name">
              <Typography.Text type="secondary">{t('调用方', 'Key')}: </Typography.Text>
              <Typography.Text strong>{me?.name}</Typography.Text>
            </span>
            <span>
              {(me?.scopes ?? []).map((s) => (
                <Tag key={s}>{s}</Tag>
              ))}
            </span>
            <Segmented
              size="small"
              value={lang}
              onChange={(v) => setLang(v === 'en' ? 'en' : 'zh')}
              options={[
                { label: '中文', value: 'zh' },
                { label: 'English', value: 'en' },
              ]}
            />
            <Button size="small" onClick={signOut}>
              {t('退出', 'Sign out')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 16, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
