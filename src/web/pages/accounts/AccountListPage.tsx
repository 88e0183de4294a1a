import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { type AccountView, updateAccount, useAccounts } from '../../api/accounts.js';
import { useProviderOptions } from '../../api/registry.js';
import { useAccount } from '../../api/session.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { apiErrorText } from '../../ui/api-error-text.js';
import { csvFilename, downloadCsv } from '../../ui/csv.js';
import { type Column, ListResults } from '../../ui/DataTable.js';
import { SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, useFlash } from '../../ui/router.js';
import { PAGE_SIZE, useListParams } from '../../ui/use-list-params.js';

export function AccountListPage() {
  const { t, language } = useI18n();
  const me = useAccount();
  const flash = useFlash();
  const list = useListParams();
  const state = useAccounts();
  const { data: providers } = useProviderOptions();
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const providerName = (id: string | null) =>
    id ? (providers?.items.find((p) => p.id === id)?.name ?? id) : '';

  const toggle = async (account: AccountView) => {
    setBusy(account.id);
    setMessage(undefined);
    try {
      const saved = await updateAccount(account.id, {
        displayName: account.displayName,
        role: account.role,
        active: !account.active,
        providerId: account.providerId,
      });
      setMessage({
        type: 'ok',
        text: t(saved.active ? 'accounts.activated' : 'accounts.deactivated', { name: saved.displayName }),
      });
      state.reload();
    } catch (error) {
      setMessage({ type: 'error', text: apiErrorText(t, language, error) });
    } finally {
      setBusy(undefined);
    }
  };

  const all = state.data?.items ?? [];
  const page = all.slice(list.paging.offset, list.paging.offset + PAGE_SIZE);
  const shown = { ...state, data: state.data ? { items: page, total: all.length } : undefined };

  const columns: Column<AccountView>[] = [
    {
      key: 'username',
      label: t('account.username'),
      render: (a) => <span className="rk-code">{a.username}</span>,
      sortValue: (a) => a.username,
    },
    {
      key: 'displayName',
      label: t('account.displayName'),
      render: (a) => a.displayName,
      sortValue: (a) => a.displayName,
    },
    { key: 'role', label: t('account.role'), render: (a) => t(`role.${a.role}`), sortValue: (a) => a.role },
    {
      key: 'provider',
      label: t('account.provider'),
      render: (a) => providerName(a.providerId),
      sortValue: (a) => providerName(a.providerId),
    },
    {
      key: 'status',
      label: t('account.status'),
      render: (a) => (
        <span className={`rk-status rk-status--${a.active ? 'active' : 'inactive'}`}>
          {a.active ? t('account.active') : t('account.inactive')}
        </span>
      ),
      sortValue: (a) => (a.active ? 0 : 1),
    },
    {
      key: 'actions',
      label: t('list.actions'),
      render: (a) =>
        a.id === me.id ? (
          <span className="rk-muted">{t('accounts.you')}</span>
        ) : (
          <Button appearance="secondary-action-button" busy={busy === a.id} onClick={() => void toggle(a)}>
            {a.active ? t('accounts.deactivate') : t('accounts.activate')}
            <span className="rk-visually-hidden"> {a.displayName}</span>
          </Button>
        ),
    },
  ];

  const exportCsv = async () => {
    downloadCsv(
      csvFilename('accounts'),
      [
        t('account.username'),
        t('account.displayName'),
        t('account.role'),
        t('account.provider'),
        t('account.status'),
      ],
      all.map((a) => [
        a.username,
        a.displayName,
        t(`role.${a.role}`),
        providerName(a.providerId),
        a.active ? t('account.active') : t('account.inactive'),
      ]),
    );
  };

  return (
    <>
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle>{t('accounts.title')}</PageTitle>
        <AppButtonLink href="/accounts/nieuw" appearance="primary-action-button">
          {t('accounts.new')}
        </AppButtonLink>
      </div>
      <Paragraph>{t('accounts.intro')}</Paragraph>
      <div aria-live="polite">
        {message ? (
          <Alert type={message.type}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <ListResults
        state={shown}
        caption={t('accounts.title')}
        columns={columns}
        rowKey={(a) => a.id}
        count={{ one: t('accounts.countOne'), many: t('accounts.countMany') }}
        empty={{
          message: t('accounts.empty'),
          action: { href: '/accounts/nieuw', label: t('accounts.new') },
        }}
        page={list.page}
        onPage={list.setPage}
        onExport={exportCsv}
      />
    </>
  );
}
