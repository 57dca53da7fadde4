import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';

/** Breadcrumbs above every page, the title, and the page's one primary action at the top right. */
export function PageHead({
  crumbs,
  title,
  extra,
}: {
  crumbs: { label: string; to?: string }[];
  title: string;
  extra?: ReactNode;
}) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))} />
      <Flex justify="space-between" align="center" wrap="wrap" gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <div className="no-print">{extra}</div>
      </Flex>
    </div>
  );
}
