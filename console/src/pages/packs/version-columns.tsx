import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Schemas } from '../../api/client';
import { cstDateTime } from '../../lib/dates';

type Version = Schemas['PackVersionDto'];

/** The columns every table of a pack's published versions (发布记录) starts with: #, version, who, when, why. */
export function versionColumns(t: (zh: string, en: string) => string): ColumnsType<Version> {
  return [
    { title: '#', dataIndex: 'seq', width: 60 },
    {
      title: t('版本', 'Version'),
      dataIndex: 'version',
      render: (v: string, x) => (
        <span>
          v{v} {x.active && <Tag color="green">{t('生效中', 'Active')}</Tag>}
        </span>
      ),
    },
    {
      title: t('发布人', 'Published by'),
      dataIndex: 'publishedBy',
      render: (v: string | null, x) => v ?? x.createdBy,
    },
    {
      title: t('发布时间', 'Published'),
      dataIndex: 'publishedAt',
      render: (v: string | null, x) => cstDateTime(v ?? x.createdAt),
    },
    { title: t('发布理由', 'Reason'), dataIndex: 'publishReason', render: (v: string | null) => v ?? '—' },
  ];
}
