import { Alert, ButtonGroup, Paragraph, PrimaryActionButton } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useText } from '../i18n/i18n-context.js';
import { AppButtonLink } from './router.js';
import type { Form } from './use-form.js';

/**
 * A form with its message area and its buttons: submit, and a cancel link back to where the
 * user came from. `noValidate`: our own Dutch messages replace the browser's.
 */
export function FormShell<T extends object>({
  form,
  onSubmit,
  submitLabel,
  cancelHref,
  children,
  labelledBy = 'page-title',
}: {
  form: Form<T>;
  onSubmit: (values: T) => Promise<void>;
  submitLabel: string;
  cancelHref?: string;
  children: ReactNode;
  labelledBy?: string;
}) {
  const t = useText();
  const message =
    form.generalError ?? (form.submitted && form.hasClientErrors ? t('form.checkFields') : undefined);
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={form.handleSubmit(onSubmit)}
      aria-labelledby={labelledBy}
      className="rk-form"
    >
      <div ref={form.alertRef} tabIndex={-1} className="rk-form__alert">
        {message ? (
          <Alert type="error">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {children}
      <ButtonGroup className="rk-form__actions">
        <PrimaryActionButton type="submit" busy={form.busy} aria-disabled={form.busy || undefined}>
          {form.busy ? t('form.saving') : submitLabel}
        </PrimaryActionButton>
        {cancelHref ? (
          <AppButtonLink href={cancelHref} appearance="secondary-action-button">
            {t('form.cancel')}
          </AppButtonLink>
        ) : null}
      </ButtonGroup>
    </form>
  );
}
