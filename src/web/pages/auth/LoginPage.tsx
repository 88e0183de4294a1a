import { Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { useForm } from '../../ui/use-form.js';
import { required } from '../../ui/validation.js';

export function LoginPage() {
  const t = useText();
  const { login } = useSession();
  const navigate = useNavigate();
  const form = useForm({
    initial: { username: '', password: '' },
    validate: (v) => ({
      username: required(v.username) && 'login.usernameRequired',
      password: required(v.password) && 'login.passwordRequired',
    }),
  });
  return (
    <div className="rk-narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <Paragraph appearance="lead">{t('login.intro')}</Paragraph>
      <FormShell
        form={form}
        submitLabel={t('login.submit')}
        onSubmit={async (v) => {
          await login(v.username.trim(), v.password);
          navigate('/', { replace: true });
        }}
      >
        <TextField
          field={form.bind('username')}
          label={t('login.username')}
          autoComplete="username"
          required
          spellCheck={false}
          size="medium"
        />
        <TextField
          field={form.bind('password')}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          required
          size="medium"
        />
      </FormShell>
    </div>
  );
}
