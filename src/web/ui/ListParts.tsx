/**
 * The parts every list screen shares: a filter form, the count, sortable column headers, an
 * empty state with a call to action, pagination and a CSV export of the current filter.
 */
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormLabel,
  Paragraph,
  Select,
  SelectOption,
  TableHeaderCell,
  Textbox,
} from '@utrecht/component-library-react';
import { type ChangeEvent, type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useI18n, useText } from '../i18n/i18n-context.js';
import { apiErrorText } from './api-error-text.js';
import { formatNumber } from './format.js';
import { AppButtonLink } from './router.js';

export interface FilterField {
  name: string;
  label: string;
  /** checkbox: the value is 'true' when ticked, '' when not; date: YYYY-MM-DD or ''. */
  kind: 'text' | 'select' | 'checkbox' | 'date';
  options?: readonly { value: string; label: string }[];
  /** For select: the text of the "all" option. */
  allLabel?: string;
  description?: string;
}

/** A search form; applying it starts the list again at page 1. */
export function FilterForm({
  label,
  fields,
  values,
  onApply,
}: {
  label: string;
  fields: readonly FilterField[];
  values: Record<string, string>;
  onApply: (values: Record<string, string>) => void;
}) {
  const t = useText();
  const idBase = useId();
  const [draft, setDraft] = useState<Record<string, string>>(values);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  const clear = () => {
    const empty = Object.fromEntries(fields.map((f) => [f.name, '']));
    setDraft(empty);
    onApply(empty);
  };
  const anyValue = fields.some((f) => (values[f.name] ?? '') !== '');
  return (
    <search className="rk-filter" aria-label={label}>
      <form onSubmit={submit} className="rk-filter__form">
        {fields.map((field) => {
          const id = `${idBase}-${field.name}`;
          const descriptionId = field.description ? `${id}-description` : undefined;
          const value = draft[field.name] ?? '';
          const set = (next: string) => setDraft((d) => ({ ...d, [field.name]: next }));
          if (field.kind === 'checkbox') {
            return (
              <FormField
                key={field.name}
                type="checkbox"
                className="rk-filter__field rk-filter__field--checkbox"
                label={
                  <FormLabel htmlFor={id} type="checkbox" checked={value === 'true'}>
                    {field.label}
                  </FormLabel>
                }
                input={
                  <Checkbox
                    id={id}
                    name={field.name}
                    checked={value === 'true'}
                    aria-describedby={descriptionId}
                    onChange={(e: ChangeEvent<HTMLInputElement>) => set(e.target.checked ? 'true' : '')}
                  />
                }
                description={
                  field.description ? (
                    <span id={descriptionId} className="rk-filter__description">
                      {field.description}
                    </span>
                  ) : undefined
                }
              />
            );
          }
          return (
            <FormField
              key={field.name}
              className={`rk-filter__field rk-filter__field--${field.kind}`}
              label={<FormLabel htmlFor={id}>{field.label}</FormLabel>}
              description={
                field.description ? (
                  <span id={descriptionId} className="rk-filter__description">
                    {field.description}
                  </span>
                ) : undefined
              }
              input={
                field.kind === 'text' || field.kind === 'date' ? (
                  <Textbox
                    id={id}
                    type={field.kind === 'date' ? 'date' : 'search'}
                    name={field.name}
                    value={value}
                    aria-describedby={descriptionId}
                    onChange={(e: ChangeEvent<HTMLInputElement>) => set(e.target.value)}
                  />
                ) : (
                  <Select
                    id={id}
                    name={field.name}
                    value={value}
                    onChange={(e: ChangeEvent<HTMLSelectElement>) => set(e.target.value)}
                  >
                    <SelectOption value="">{field.allLabel ?? t('list.all')}</SelectOption>
                    {(field.options ?? []).map((o) => (
                      <SelectOption key={o.value} value={o.value}>
                        {o.label}
                      </SelectOption>
                    ))}
                  </Select>
                )
              }
            />
          );
        })}
        <ButtonGroup className="rk-filter__actions">
          <Button type="submit" appearance="primary-action-button">
            {t('list.search')}
          </Button>
          {anyValue ? (
            <Button type="button" appearance="subtle-button" onClick={clear}>
              {t('list.clear')}
            </Button>
          ) : null}
        </ButtonGroup>
      </form>
    </search>
  );
}

/** "12 aanbieders" — announced when the result changes. */
export function ResultCount({ total, one, many }: { total: number; one: string; many: string }) {
  return (
    <Paragraph className="rk-count" role="status">
      {formatNumber(total)} {total === 1 ? one : many}
    </Paragraph>
  );
}

export function EmptyState({
  message,
  action,
}: {
  message: string;
  action?: { href: string; label: string };
}) {
  return (
    <div className="rk-empty">
      <Paragraph>{message}</Paragraph>
      {action ? (
        <AppButtonLink href={action.href} appearance="primary-action-button">
          {action.label}
        </AppButtonLink>
      ) : null}
    </div>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const t = useText();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="rk-pagination" aria-label={t('list.pagination')}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('list.previous')}
      </Button>
      <span className="rk-pagination__status">
        {t('list.pageStatus', {
          page,
          pages,
          from: formatNumber(from),
          to: formatNumber(to),
          total: formatNumber(total),
        })}
      </span>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('list.next')}
      </Button>
    </nav>
  );
}

export type SortDirection = 'ascending' | 'descending';
export type SortValue = string | number | null | undefined;

/** Sorts the rows on screen by a column; the API itself answers sorted by name. */
export function useSort<T>(
  rows: readonly T[],
  accessors: Record<string, (row: T) => SortValue>,
  initial?: string,
) {
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | undefined>(
    initial ? { key: initial, direction: 'ascending' } : undefined,
  );
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const accessor = accessors[sort.key];
    if (!accessor) return rows;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = accessor(a);
      const y = accessor(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * factor;
      return String(x).localeCompare(String(y), 'nl', { numeric: true }) * factor;
    });
  }, [rows, sort, accessors]);
  const header = (key: string) => ({
    direction: sort?.key === key ? sort.direction : undefined,
    onSort: () =>
      setSort((s) =>
        s?.key === key && s.direction === 'ascending'
          ? { key, direction: 'descending' }
          : { key, direction: 'ascending' },
      ),
  });
  return { rows: sorted, header };
}

export function SortHeader({
  children,
  direction,
  onSort,
  numeric,
}: {
  children: ReactNode;
  direction: SortDirection | undefined;
  onSort: () => void;
  numeric?: boolean;
}) {
  const t = useText();
  return (
    <TableHeaderCell scope="col" aria-sort={direction ?? 'none'} numericColumn={numeric}>
      <button type="button" className="rk-sort" onClick={onSort}>
        {children}
        <span className="rk-sort__icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
        <span className="rk-visually-hidden">
          {direction === 'ascending'
            ? t('list.sortedAscending')
            : direction === 'descending'
              ? t('list.sortedDescending')
              : t('list.sortable')}
        </span>
      </button>
    </TableHeaderCell>
  );
}

/** "Exporteer CSV": fetches every row of the current filter and downloads it. */
export function ExportButton({ onExport }: { onExport: () => Promise<void> }) {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onExport();
    } catch (e) {
      setError(apiErrorText(t, language, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button appearance="secondary-action-button" busy={busy} onClick={run}>
        {busy ? t('list.exporting') : t('list.exportCsv')}
      </Button>
      {error ? (
        <Alert type="error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
