import { useState } from 'react';
import { Button, Space, Table, Typography, type TableProps } from 'antd';
import { useLang } from '../i18n';
import type { Problem } from '../lib/problem';
import { ProblemAlert } from './ProblemAlert';

/** Keyset paging of a list the service pages (`nextCursor`, `nextAfterSeq`): the cursors of the pages walked. */
export interface CursorPages<C> {
  /** The cursor of the page shown (undefined: the first page). */
  readonly cursor: C | undefined;
  /** 1 for the first page. */
  readonly page: number;
  /** Back to the first page (the filters changed). */
  reset(): void;
  next(cursor: C): void;
  previous(): void;
}

export function useCursorPages<C = string>(): CursorPages<C> {
  const [stack, setStack] = useState<(C | undefined)[]>([undefined]);
  return {
    cursor: stack[stack.length - 1],
    page: stack.length,
    reset: () => setStack([undefined]),
    next: (cursor) => setStack((s) => [...s, cursor]),
    previous: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
  };
}

/** 上一页 / 第 n 页 / 下一页 under a table; `next` is the service's cursor of the following page, if any. */
export function Pager<C>({ pages, next }: { pages: CursorPages<C>; next: C | null | undefined }) {
  const { t } = useLang();
  return (
    <Space style={{ marginTop: 12, display: 'flex', justifyContent: 'flex-end' }}>
      <Button disabled={pages.page <= 1} onClick={pages.previous} data-testid="previous-page">
        {t('上一页', 'Previous')}
      </Button>
      <Typography.Text type="secondary">{t(`第 ${pages.page} 页`, `Page ${pages.page}`)}</Typography.Text>
      <Button
        disabled={next === null || next === undefined}
        onClick={() => next !== null && next !== undefined && pages.next(next)}
        data-testid="next-page"
      >
        {t('下一页', 'Next')}
      </Button>
    </Space>
  );
}

/**
 * A list the service pages by cursor, as every list page shows it: the problem (if any), the table (small,
 * no client-side paging, the empty text saying what to do) and the pager under it.
 */
export function PagedTable<T extends object, C>({
  problem,
  loading,
  items,
  pages,
  next,
  testId,
  empty,
  ...table
}: {
  problem: Problem | null;
  loading: boolean;
  items: readonly T[] | undefined;
  pages: CursorPages<C>;
  next: C | null | undefined;
  testId: string;
  empty: string;
} & Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <>
      <ProblemAlert problem={problem} style={{ marginTop: 12 }} />
      <Table<T>
        style={{ marginTop: 12 }}
        size="small"
        {...table}
        loading={loading}
        dataSource={items ?? []}
        pagination={false}
        data-testid={testId}
        locale={{ emptyText: empty }}
      />
      <Pager pages={pages} next={next} />
    </>
  );
}
