import { Button, ButtonLink, Paragraph } from '@utrecht/component-library-react';
import { ROLES } from '../../../shared/roles.js';
import {
  type ProcessingLogEntry,
  type ProcessingLogFilter,
  processingLogExportUrl,
  useProcessingLog,
} from '../../api/processing-log.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { formatDateTime } from '../../ui/format.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useSearchParams } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { PAGE_SIZE } from '../../ui/use-list-params.js';
import { bsn, endNotBeforeStart, isoDate, uuid } from '../../ui/validation.js';

const ACTIONS: Record<string, TextKey> = {
  read: 'logAction.read',
  create: 'logAction.create',
  update: 'logAction.update',
  delete: 'logAction.delete',
};

function optionalDate(value: string): TextKey | undefined {
  return value.trim() === '' ? undefined : isoDate(value);
}

function optionalBsn(value: string): TextKey | undefined {
  return value.trim() === '' ? undefined : bsn(value);
}

/** The privacy officer's view: who processed whose personal data, when and why. */
export function ProcessingLogPage() {
  const t = useText();
  const [params, update] = useSearchParams();
  const filter: ProcessingLogFilter = {
    residentId: params.get('inwoner') ?? '',
    bsn: params.get('bsn') ?? '',
    actorId: params.get('medewerker') ?? '',
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
  };
  const pageNumber = Math.max(1, Number(params.get('pagina') ?? '1') || 1);
  const valid =
    !uuid(filter.residentId) &&
    !optionalBsn(filter.bsn) &&
    !uuid(filter.actorId) &&
    !optionalDate(filter.from) &&
    !optionalDate(filter.to);
  const state = useProcessingLog(filter, { limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE }, valid);
  const apply = (next: ProcessingLogFilter) =>
    update({
      inwoner: next.residentId,
      bsn: next.bsn,
      medewerker: next.actorId,
      van: next.from,
      tot: next.to,
      pagina: undefined,
    });
  const roleLabel = (role: string) => {
    const known = ROLES.find((r) => r === role);
    return known ? t(`role.${known}`) : role;
  };

  const columns: Column<ProcessingLogEntry>[] = [
    {
      key: 'occurredAt',
      label: t('log.occurredAt'),
      render: (e) => <span className="rk-nowrap">{formatDateTime(e.occurredAt)}</span>,
      sortValue: (e) => e.occurredAt,
    },
    {
      key: 'actor',
      label: t('log.actor'),
      render: (e) => (
        <>
          {e.actorId ? (
            <Button
              appearance="subtle-button"
              className="rk-inline-button"
              onClick={() => apply({ ...filter, actorId: e.actorId ?? '' })}
            >
              {e.actorName}
              <span className="rk-visually-hidden"> {t('log.filterOnActor')}</span>
            </Button>
          ) : (
            e.actorName
          )}
          <br />
          <span className="rk-muted">{roleLabel(e.actorRole)}</span>
        </>
      ),
      sortValue: (e) => e.actorName,
    },
    {
      key: 'activity',
      label: t('log.activity'),
      render: (e) => (
        <>
          <span className="rk-nowrap">{e.activityName}</span>
          <br />
          <span className="rk-muted">{ACTIONS[e.action] ? t(ACTIONS[e.action] as TextKey) : e.action}</span>
        </>
      ),
      sortValue: (e) => e.activityName,
    },
    {
      key: 'resident',
      label: t('log.resident'),
      render: (e) =>
        e.residentId ? (
          <Button
            appearance="subtle-button"
            className="rk-inline-button rk-code"
            onClick={() => apply({ ...filter, residentId: e.residentId ?? '' })}
          >
            {e.residentId.slice(0, 8)}…
            <span className="rk-visually-hidden"> {t('log.filterOnResident')}</span>
          </Button>
        ) : (
          ''
        ),
    },
    { key: 'purpose', label: t('log.purpose'), render: (e) => <span className="rk-small">{e.purpose}</span> },
  ];

  return (
    <>
      <div className="rk-title-row">
        <PageTitle>{t('log.title')}</PageTitle>
      </div>
      <Paragraph>{t('log.intro')}</Paragraph>
      <LogFilter key={JSON.stringify(filter)} filter={filter} onApply={apply} />
      <div className="rk-actions-row">
        <ButtonLink href={processingLogExportUrl(filter)} download appearance="secondary-action-button">
          {t('log.export')}
        </ButtonLink>
        <Paragraph className="rk-muted rk-actions-row__note">{t('log.exportDescription')}</Paragraph>
      </div>
      <ListResults
        state={state}
        caption={t('log.title')}
        columns={columns}
        rowKey={(e) => String(e.id)}
        count={{ one: t('log.countOne'), many: t('log.countMany') }}
        empty={{ message: t('log.empty') }}
        page={pageNumber}
        onPage={(p) => update({ pagina: p > 1 ? String(p) : undefined })}
      />
    </>
  );
}

function LogFilter({
  filter,
  onApply,
}: {
  filter: ProcessingLogFilter;
  onApply: (filter: ProcessingLogFilter) => void;
}) {
  const t = useText();
  const form = useForm<ProcessingLogFilter>({
    initial: filter,
    validate: (v) => ({
      residentId: uuid(v.residentId),
      bsn: optionalBsn(v.bsn),
      actorId: uuid(v.actorId),
      from: optionalDate(v.from),
      to: optionalDate(v.to) ?? endNotBeforeStart(v.from, v.to),
    }),
  });
  return (
    <section className="rk-filter" aria-labelledby="log-filter-heading">
      <h2 id="log-filter-heading" className="rk-visually-hidden">
        {t('log.filterTitle')}
      </h2>
      <FormShell
        form={form}
        labelledBy="log-filter-heading"
        submitLabel={t('list.search')}
        onSubmit={async (v) =>
          onApply({
            residentId: v.residentId.trim(),
            bsn: v.bsn.trim(),
            actorId: v.actorId.trim(),
            from: v.from,
            to: v.to,
          })
        }
      >
        <div className="rk-field-row">
          <TextField
            field={form.bind('residentId')}
            label={t('log.residentId')}
            description={t('log.idDescription')}
            size="medium"
            spellCheck={false}
          />
          <TextField
            field={form.bind('bsn')}
            label={t('log.bsn')}
            description={t('log.bsnDescription')}
            size="small"
            inputMode="numeric"
            spellCheck={false}
          />
          <TextField
            field={form.bind('actorId')}
            label={t('log.actorId')}
            description={t('log.actorDescription')}
            size="medium"
            spellCheck={false}
          />
        </div>
        <div className="rk-field-row">
          <TextField field={form.bind('from')} label={t('log.from')} type="date" size="small" />
          <TextField field={form.bind('to')} label={t('log.to')} type="date" size="small" />
        </div>
      </FormShell>
    </section>
  );
}
