/**
 * A data table with a caption, sortable column headers and a results block around it (count,
 * export, empty state, pagination), so every list screen reads the same way.
 */
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { ApiError, ListResult } from '../api/http.js';
import {
  EmptyState,
  ExportButton,
  Pagination,
  ResultCount,
  SortHeader,
  type SortValue,
  useSort,
} from './ListParts.js';
import { LoadError, Loading } from './LoadState.js';
import { PAGE_SIZE } from './use-list-params.js';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** Present: the column can be sorted by this value. */
  sortValue?: (row: T) => SortValue;
  numeric?: boolean;
}

/**
 * A row under the data, such as totals: its label heads the first column, the cells are by column
 * key (a column without one stays empty). It stays put when the rows are sorted.
 */
export interface TableFooterRow {
  label: string;
  cells: Readonly<Record<string, ReactNode>>;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  footer,
}: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The key of a sortable column to sort ascending by when the table first shows. */
  initialSort?: string;
  footer?: TableFooterRow;
}) {
  const accessors: Record<string, (row: T) => SortValue> = {};
  for (const column of columns) if (column.sortValue) accessors[column.key] = column.sortValue;
  const sort = useSort(rows, accessors, initialSort);
  return (
    <div className="rk-table-scroll">
      <Table className="rk-table">
        <TableCaption className="rk-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((column) =>
              column.sortValue ? (
                <SortHeader key={column.key} numeric={column.numeric} {...sort.header(column.key)}>
                  {column.label}
                </SortHeader>
              ) : (
                <TableHeaderCell key={column.key} scope="col" numericColumn={column.numeric}>
                  {column.label}
                </TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sort.rows.map((row) => (
            <TableRow key={rowKey(row)}>
              {columns.map((column) => (
                <TableCell key={column.key} numericColumn={column.numeric}>
                  {column.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
        {footer ? (
          <TableFooter>
            <TableRow className="rk-table__footer-row">
              {columns.map((column, index) =>
                index === 0 ? (
                  <TableHeaderCell key={column.key} scope="row">
                    {footer.label}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={column.key} numericColumn={column.numeric}>
                    {footer.cells[column.key]}
                  </TableCell>
                ),
              )}
            </TableRow>
          </TableFooter>
        ) : null}
      </Table>
    </div>
  );
}

export interface ListResultsProps<T> {
  state: { data: ListResult<T> | undefined; error: ApiError | undefined; loading: boolean };
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  count: { one: string; many: string };
  empty: { message: string; action?: { href: string; label: string } };
  page: number;
  onPage: (page: number) => void;
  onExport?: () => Promise<void>;
  pageSize?: number;
  /** A row under the shown page, such as its totals; computed from the page's rows. */
  footer?: (rows: readonly T[], total: number) => TableFooterRow;
}

export function ListResults<T>(props: ListResultsProps<T>) {
  const {
    state,
    caption,
    columns,
    rowKey,
    count,
    empty,
    page,
    onPage,
    onExport,
    pageSize = PAGE_SIZE,
    footer,
  } = props;
  const { data, error, loading } = state;
  if (error) return <LoadError error={error} />;
  if (!data) return loading ? <Loading /> : null;
  if (data.total === 0) return <EmptyState message={empty.message} action={empty.action} />;
  return (
    <section className="rk-results" aria-busy={loading || undefined} aria-label={caption}>
      <div className="rk-results__bar">
        <ResultCount total={data.total} one={count.one} many={count.many} />
        {onExport ? <ExportButton onExport={onExport} /> : null}
      </div>
      <DataTable
        caption={caption}
        columns={columns}
        rows={data.items}
        rowKey={rowKey}
        footer={footer?.(data.items, data.total)}
      />
      <Pagination page={page} pageSize={pageSize} total={data.total} onPage={onPage} />
    </section>
  );
}
