import { ROLES, type Role } from '../../../shared/roles.js';
import { createAccount } from '../../api/accounts.js';
import { useProviderOptions } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { PASSWORD_MIN_LENGTH, password, required, username } from '../../ui/validation.js';

export function AccountFormPage() {
  const t = useText();
  const navigate = useNavigate();
  const { data: providers } = useProviderOptions();
  const form = useForm({
    initial: { username: '', displayName: '', role: '', password: '', providerId: '' },
    validate: (v) => ({
      username: username(v.username),
      displayName: required(v.displayName),
      role: v.role === '' ? 'validation.roleRequired' : undefined,
      password: password(v.password),
      providerId:
        v.role === 'provider_user' && v.providerId === '' ? 'validation.providerRequired' : undefined,
    }),
  });
  const isProviderUser = form.values.role === 'provider_user';
  return (
    <>
      <BackLink href="/accounts" label={t('accounts.title')} />
      <PageTitle>{t('accounts.new')}</PageTitle>
      <FormShell
        form={form}
        submitLabel={t('accounts.create')}
        cancelHref="/accounts"
        onSubmit={async (v) => {
          const role = ROLES.find((r): r is Role => r === v.role);
          if (!role) return;
          const saved = await createAccount({
            username: v.username.trim().toLowerCase(),
            displayName: v.displayName.trim(),
            role,
            password: v.password,
            providerId: role === 'provider_user' ? v.providerId : null,
          });
          navigate('/accounts', { flash: t('accounts.created', { name: saved.displayName }) });
        }}
      >
        <TextField
          field={form.bind('username')}
          label={t('account.username')}
          description={t('account.usernameDescription')}
          required
          size="medium"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          field={form.bind('displayName')}
          label={t('account.displayName')}
          required
          autoComplete="off"
        />
        <SelectField
          field={form.bind('role')}
          label={t('account.role')}
          required
          placeholder={t('form.choose')}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        {isProviderUser ? (
          <SelectField
            field={form.bind('providerId')}
            label={t('account.provider')}
            description={t('account.providerDescription')}
            required
            placeholder={t('form.choose')}
            options={(providers?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        ) : null}
        <TextField
          field={form.bind('password')}
          label={t('account.initialPassword')}
          description={t('account.initialPasswordDescription', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          size="medium"
        />
      </FormShell>
    </>
  );
}
