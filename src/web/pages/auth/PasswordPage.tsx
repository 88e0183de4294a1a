import { Paragraph } from '@utrecht/component-library-react';
import { changePassword } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { PASSWORD_MIN_LENGTH, password, required } from '../../ui/validation.js';

export function PasswordPage() {
  const t = useText();
  const navigate = useNavigate();
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', repeatPassword: '' },
    validate: (v) => ({
      currentPassword: required(v.currentPassword) && 'password.currentRequired',
      newPassword:
        password(v.newPassword) ??
        (v.newPassword === v.currentPassword ? 'password.sameAsCurrent' : undefined),
      repeatPassword:
        required(v.repeatPassword) ??
        (v.repeatPassword !== v.newPassword ? 'password.repeatMismatch' : undefined),
    }),
  });
  return (
    <div className="rk-narrow">
      <PageTitle>{t('password.title')}</PageTitle>
      <Paragraph>{t('password.intro', { min: PASSWORD_MIN_LENGTH })}</Paragraph>
      <FormShell
        form={form}
        submitLabel={t('password.submit')}
        cancelHref="/"
        onSubmit={async (v) => {
          await changePassword(v.currentPassword, v.newPassword);
          navigate('/', { flash: t('password.saved') });
        }}
      >
        <TextField
          field={form.bind('currentPassword')}
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          required
          size="medium"
        />
        <TextField
          field={form.bind('newPassword')}
          label={t('password.new')}
          description={t('password.newDescription', { min: PASSWORD_MIN_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          size="medium"
        />
        <TextField
          field={form.bind('repeatPassword')}
          label={t('password.repeat')}
          type="password"
          autoComplete="new-password"
          required
          size="medium"
        />
      </FormShell>
    </div>
  );
}
