/**
 * The steps a case worker records on a case. Only the steps the law allows today are offered
 * (the server lists them in `allowedEvents`: Jeugdwet has no application step, only
 * Participatiewet has an advance, nothing but resuming while suspended, an own plan only in the
 * first 7 days...). The server still judges each step, and its refusal (409
 * INVALID_TRANSITION, in Dutch, with the legal reason) is shown as it is. Suspending, extending
 * and withdrawing ask for a reason (and days) in a small inline form first.
 */
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
} from '@utrecht/component-library-react';
import { type MouseEvent, useEffect, useRef, useState } from 'react';
import {
  type CaseDetail,
  type CaseEventBody,
  type CaseEventType,
  type CaseLaw,
  recordCaseEvent,
} from '../../api/cases.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { apiErrorText } from '../../ui/api-error-text.js';
import { TextareaField, TextField } from '../../ui/Field.js';
import { type ClientErrors, useForm } from '../../ui/use-form.js';
import { eventText, statusText } from './case-parts.js';

type FormStep = 'suspend' | 'extend' | 'withdraw';
type DirectStep = Exclude<CaseEventType, FormStep>;

/**
 * The process steps of each law, in the order they usually happen (see case-transitions.ts).
 * Not `decide`: the decision is recorded with its lines in the decision section (DecisionFormPage),
 * which takes the step; a bare step would close the case without a decision to send.
 */
const LAW_STEPS: Record<CaseLaw, readonly DirectStep[]> = {
  wmo: ['start_assessment', 'receive_own_plan', 'complete_assessment', 'apply'],
  youth: ['start_assessment'],
  participation: ['apply', 'pay_advance'],
};

const ACTION_TEXT: Record<CaseEventType, TextKey> = {
  start_assessment: 'caseAction.start_assessment',
  complete_assessment: 'caseAction.complete_assessment',
  apply: 'caseAction.apply',
  decide: 'caseAction.decide',
  receive_own_plan: 'caseAction.receive_own_plan',
  pay_advance: 'caseAction.pay_advance',
  provide_temporary_provision: 'caseAction.provide_temporary_provision',
  suspend: 'caseAction.suspend',
  resume: 'caseAction.resume',
  extend: 'caseAction.extend',
  withdraw: 'caseAction.withdraw',
};

const TERMINAL = new Set(['decided', 'withdrawn']);
const STEP_FORM_ID = 'case-step-form';

export function CaseActions({
  supportCase,
  onUpdated,
}: {
  supportCase: CaseDetail;
  onUpdated: (updated: CaseDetail) => void;
}) {
  const { t, language } = useI18n();
  const [openForm, setOpenForm] = useState<FormStep | null>(null);
  const [busy, setBusy] = useState<CaseEventType | null>(null);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [focusRequest, setFocusRequest] = useState(0);
  const messageRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (focusRequest > 0) messageRef.current?.focus();
  }, [focusRequest]);

  const closed = TERMINAL.has(supportCase.status);
  if (closed) {
    return (
      <section className="rk-section" aria-labelledby="case-actions">
        <Heading2 id="case-actions">{t('case.actions')}</Heading2>
        <div ref={messageRef} tabIndex={-1} className="rk-step-message" role="status">
          {message?.type === 'ok' ? (
            <Alert type="ok">
              <Paragraph>{message.text}</Paragraph>
            </Alert>
          ) : null}
        </div>
        <Paragraph className="rk-muted">
          {t('case.closed', { status: statusText(t, supportCase.status) })}
        </Paragraph>
      </section>
    );
  }

  /** Records a step; the form's own errors are the caller's (it rethrows when asked to). */
  const record = async (event: CaseEventBody, rethrow: boolean) => {
    setBusy(event.type);
    setMessage(undefined);
    try {
      const updated = await recordCaseEvent(supportCase.id, event);
      onUpdated(updated);
      setOpenForm(null);
      setMessage({
        type: 'ok',
        text: t('case.stepRecorded', {
          step: eventText(t, event.type).toLowerCase(),
          status: statusText(t, updated.status).toLowerCase(),
        }),
      });
      setFocusRequest((n) => n + 1);
    } catch (error) {
      if (rethrow) throw error;
      setMessage({ type: 'error', text: apiErrorText(t, language, error) });
      setFocusRequest((n) => n + 1);
    } finally {
      setBusy(null);
    }
  };

  const toggleForm = (step: FormStep) => (event: MouseEvent<HTMLButtonElement>) => {
    openerRef.current = event.currentTarget;
    setMessage(undefined);
    setOpenForm((current) => (current === step ? null : step));
  };

  const closeForm = () => {
    setOpenForm(null);
    openerRef.current?.focus();
  };

  const allowed = new Set(supportCase.allowedEvents);
  const steps: DirectStep[] = [
    ...LAW_STEPS[supportCase.law],
    ...(supportCase.urgent ? (['provide_temporary_provision'] as const) : []),
  ].filter((step) => allowed.has(step));
  const formButton = (step: FormStep) => (
    <Button
      key={step}
      appearance="secondary-action-button"
      aria-expanded={openForm === step}
      aria-controls={openForm === step ? STEP_FORM_ID : undefined}
      onClick={toggleForm(step)}
    >
      {t(ACTION_TEXT[step])}
    </Button>
  );

  return (
    <section className="rk-section" aria-labelledby="case-actions">
      <Heading2 id="case-actions">{t('case.actions')}</Heading2>
      <Paragraph>{t('case.actionsIntro')}</Paragraph>
      {/* Focused after each step, so the result is read out and the user knows where he is. */}
      <div ref={messageRef} tabIndex={-1} className="rk-step-message" role="status">
        {message ? (
          <Alert type={message.type}>
            <Paragraph>{message.text}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <ButtonGroup className="rk-step-buttons">
        {steps.map((step) => (
          <Button
            key={step}
            appearance="secondary-action-button"
            busy={busy === step}
            aria-disabled={busy !== null || undefined}
            onClick={() => {
              if (busy === null) void record({ type: step }, false);
            }}
          >
            {t(ACTION_TEXT[step])}
          </Button>
        ))}
        {allowed.has('extend') ? formButton('extend') : null}
        {allowed.has('resume') ? (
          <Button
            appearance="secondary-action-button"
            busy={busy === 'resume'}
            aria-disabled={busy !== null || undefined}
            onClick={() => {
              if (busy === null) void record({ type: 'resume' }, false);
            }}
          >
            {t(ACTION_TEXT.resume)}
          </Button>
        ) : allowed.has('suspend') ? (
          formButton('suspend')
        ) : null}
        {allowed.has('withdraw') ? formButton('withdraw') : null}
      </ButtonGroup>
      {supportCase.suspended ? (
        <Paragraph className="rk-muted">{t('case.suspendedOnlyResume')}</Paragraph>
      ) : null}
      {openForm ? (
        <StepForm
          key={openForm}
          step={openForm}
          onSubmit={(event) => record(event, true)}
          onCancel={closeForm}
        />
      ) : null}
    </section>
  );
}

const TITLES: Record<FormStep, { title: TextKey; submit: TextKey }> = {
  suspend: { title: 'case.suspendTitle', submit: 'case.confirmSuspend' },
  extend: { title: 'case.extendTitle', submit: 'case.confirmExtend' },
  withdraw: { title: 'case.withdrawTitle', submit: 'case.confirmWithdraw' },
};

const REASON_DESCRIPTION: Record<FormStep, TextKey> = {
  suspend: 'case.suspendReasonDescription',
  extend: 'case.extendReasonDescription',
  withdraw: 'case.withdrawReasonDescription',
};

const REASON_MAX = 1000;

function validateStep(step: FormStep, values: { reason: string; days: string }): ClientErrors {
  const reason = values.reason.trim();
  const errors: ClientErrors = {};
  if (step !== 'withdraw' && reason === '') errors.reason = 'validation.reasonRequired';
  else if (reason.length > REASON_MAX) errors.reason = 'validation.reasonLength';
  if (step === 'extend') {
    const days = Number(values.days.trim());
    if (!/^[0-9]{1,3}$/.test(values.days.trim()) || days < 1 || days > 365)
      errors.days = 'validation.daysRange';
  }
  return errors;
}

/** The inline form for a step that needs a reason (and, for an extension, the days). */
function StepForm({
  step,
  onSubmit,
  onCancel,
}: {
  step: FormStep;
  onSubmit: (event: CaseEventBody) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm({ initial: { reason: '', days: '' }, validate: (v) => validateStep(step, v) });
  const titleId = `${STEP_FORM_ID}-title`;

  // Opening the form moves the focus to its first field.
  useEffect(() => {
    form.formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [form.formRef]);

  const message =
    form.generalError ?? (form.submitted && form.hasClientErrors ? t('form.checkFields') : undefined);
  const submit = form.handleSubmit(async (v) => {
    const reason = v.reason.trim();
    switch (step) {
      case 'suspend':
        return onSubmit({ type: 'suspend', reason });
      case 'extend':
        return onSubmit({ type: 'extend', days: Number(v.days.trim()), reason });
      case 'withdraw':
        return onSubmit(reason === '' ? { type: 'withdraw' } : { type: 'withdraw', reason });
    }
  });

  return (
    <form
      id={STEP_FORM_ID}
      ref={form.formRef}
      noValidate
      onSubmit={submit}
      aria-labelledby={titleId}
      className="rk-form rk-step-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <Heading3 id={titleId}>{t(TITLES[step].title)}</Heading3>
      <div ref={form.alertRef} tabIndex={-1} className="rk-form__alert">
        {message ? (
          <Alert type="error">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {step === 'extend' ? (
        <TextField
          field={form.bind('days')}
          label={t('case.extendDays')}
          description={t('case.extendDaysDescription')}
          required
          inputMode="numeric"
          size="small"
          autoComplete="off"
        />
      ) : null}
      <TextareaField
        field={form.bind('reason')}
        label={t('case.reason')}
        description={t(REASON_DESCRIPTION[step])}
        required={step !== 'withdraw'}
        rows={3}
      />
      <ButtonGroup className="rk-form__actions">
        <PrimaryActionButton type="submit" busy={form.busy} aria-disabled={form.busy || undefined}>
          {form.busy ? t('case.busy') : t(TITLES[step].submit)}
        </PrimaryActionButton>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
