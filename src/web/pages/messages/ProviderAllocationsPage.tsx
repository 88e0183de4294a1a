import { Paragraph } from '@utrecht/component-library-react';
import { ALLOCATION_STATUSES, type ProviderAllocation, useProviderAllocations } from '../../api/messages.js';
import { useReference } from '../../api/reference.js';
import { useProviderOptions } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { type FilterField, FilterForm } from '../../ui/ListParts.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useListParams } from '../../ui/use-list-params.js';
import { allocationStatusText, frequencyText, periodText, unitText } from '../cases/plan-parts.js';
import { MessagesNav, providerFilterField } from './message-parts.js';

/**
 * The allocations a provider works under, with what its messages need: ToewijzingNummer, BSN and
 * product. Personal data: shown a page at a time, each page logged, and deliberately no export.
 */
export function ProviderAllocationsPage() {
  const t = useText();
  const account = useAccount();
  const provider = account.role === 'provider_user';
  const list = useListParams(['aanbieder', 'status']);
  const providerId = provider ? '' : (list.extra.aanbieder ?? '');
  const status = ALLOCATION_STATUSES.find((s) => s === list.extra.status) ?? '';
  const { data: providers } = useProviderOptions(!provider);
  const { data: reference } = useReference();
  const units = reference?.units ?? [];
  // A municipal role names the provider first: without one the API has nothing to show.
  const chosen = provider || providerId !== '';
  const state = useProviderAllocations({ providerId, status }, list.paging, chosen);
  const providerName = providers?.items.find((p) => p.id === providerId)?.name;

  const columns: Column<ProviderAllocation>[] = [
    {
      key: 'number',
      label: t('allocations.number'),
      render: (a) => <span className="rk-code">{a.allocationNumber}</span>,
      sortValue: (a) => a.allocationNumber,
      numeric: true,
    },
    {
      key: 'bsn',
      label: t('resident.bsn'),
      render: (a) => <span className="rk-code">{a.bsn}</span>,
      sortValue: (a) => a.bsn,
    },
    { key: 'name', label: t('resident.name'), render: (a) => a.name, sortValue: (a) => a.name },
    {
      key: 'provision',
      label: t('allocations.provision'),
      render: (a) => (
        <>
          {a.provisionName}
          {a.productCode ? (
            <>
              {' '}
              <span className="rk-code">({a.productCode})</span>
            </>
          ) : null}
        </>
      ),
      sortValue: (a) => a.provisionName,
    },
    {
      key: 'volume',
      label: t('allocations.volume'),
      render: (a) => (
        <span className="rk-nowrap">
          {t('decision.volumeValue', {
            volume: a.volume,
            unit: unitText(units, a.unit),
            frequency: frequencyText(t, a.frequency),
          })}
        </span>
      ),
    },
    {
      key: 'period',
      label: t('decision.periodLabel'),
      render: (a) => <span className="rk-nowrap">{periodText(t, a.startDate, a.endDate)}</span>,
      sortValue: (a) => a.startDate,
    },
    {
      key: 'status',
      label: t('allocations.status'),
      render: (a) => allocationStatusText(t, a.status),
      sortValue: (a) => a.status,
    },
  ];

  const fields: FilterField[] = [];
  if (!provider) {
    fields.push(providerFilterField(t, providers?.items, t('allocations.chooseProvider')));
  }
  fields.push({
    name: 'status',
    label: t('allocations.status'),
    kind: 'select',
    allLabel: t('allocations.allStatuses'),
    options: ALLOCATION_STATUSES.map((s) => ({ value: s, label: allocationStatusText(t, s) })),
  });

  const caption = providerName ? t('allocations.captionOf', { name: providerName }) : t('allocations.title');
  return (
    <>
      <MessagesNav />
      <div className="rk-title-row">
        <PageTitle>{t('allocations.title')}</PageTitle>
      </div>
      <Paragraph>{provider ? t('allocations.introProvider') : t('allocations.intro')}</Paragraph>
      <FilterForm
        key={`${providerId}|${status}|${providers ? 'p' : ''}`}
        label={t('allocations.filterLabel')}
        fields={fields}
        values={{ aanbieder: providerId, status }}
        onApply={(v) => list.setFilter({ aanbieder: v.aanbieder ?? '', status: v.status ?? '' })}
      />
      {chosen ? (
        <div className="rk-keep-words">
          <ListResults
            state={state}
            caption={caption}
            columns={columns}
            rowKey={(a) => a.id}
            count={{ one: t('allocations.countOne'), many: t('allocations.countMany') }}
            empty={{ message: status ? t('allocations.noResults') : t('allocations.empty') }}
            page={list.page}
            onPage={list.setPage}
          />
          <Paragraph className="rk-muted rk-small">{t('allocations.logged')}</Paragraph>
        </div>
      ) : (
        <Paragraph>{t('allocations.chooseFirst')}</Paragraph>
      )}
    </>
  );
}
