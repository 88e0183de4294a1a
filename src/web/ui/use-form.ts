/**
 * Form state with inline validation: a field's client-side error shows once it was left or the
 * form was submitted; server errors land on the field named by `field`; a failed submit moves
 * the focus to the first invalid field (or to the message when no field is to blame).
 */
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { TextKey } from '../i18n/nl.js';
import { apiErrorText } from './api-error-text.js';

export type ClientErrors = Partial<Record<string, TextKey | undefined>>;

export interface BoundField {
  id: string;
  name: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** `lines.0.provisionId` → `field-lines-0-provisionId` */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export interface FormOptions<T> {
  initial: T;
  validate: (values: T) => ClientErrors;
}

export function useForm<T extends object>({ initial, validate }: FormOptions<T>) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<T>(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [generalError, setGeneralError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const clientErrors = validate(values);

  const errorFor = (name: string): string | undefined => {
    const server = serverErrors[name];
    if (server) return server;
    const key = clientErrors[name];
    return key && (submitted || touched.has(name)) ? t(key) : undefined;
  };

  const setValue = useCallback(<K extends keyof T>(name: K, value: T[K]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setServerErrors((previous) => {
      if (!(String(name) in previous)) return previous;
      const { [String(name)]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);

  const clearServerError = useCallback((name: string) => {
    setServerErrors((previous) => {
      if (!(name in previous)) return previous;
      const { [name]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);

  const touch = useCallback((name: string) => {
    setTouched((previous) => (previous.has(name) ? previous : new Set(previous).add(name)));
  }, []);

  const bind = (name: StringKeys<T>): BoundField => ({
    id: fieldId(name),
    name,
    value: values[name] as string,
    error: errorFor(name),
    onChange: (value: string) => setValue(name, value as T[typeof name]),
    onBlur: () => touch(name),
  });

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else alertRef.current?.focus();
  }, [focusRequest]);

  const handleSubmit =
    (action: (values: T) => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      setSubmitted(true);
      setGeneralError(undefined);
      if (Object.values(clientErrors).some(Boolean)) {
        setFocusRequest((n) => n + 1);
        return;
      }
      setBusy(true);
      try {
        await action(values);
      } catch (error) {
        const fields = error instanceof ApiError ? error.fieldErrors() : {};
        const known: Record<string, string> = {};
        for (const [name, message] of Object.entries(fields)) {
          if (formRef.current?.querySelector(`#${CSS.escape(fieldId(name))}`)) known[name] = message;
        }
        setServerErrors(known);
        if (Object.keys(known).length === 0) setGeneralError(apiErrorText(t, language, error));
        else setGeneralError(t('form.checkFields'));
        setFocusRequest((n) => n + 1);
      } finally {
        setBusy(false);
      }
    };

  return {
    values,
    setValue,
    setValues,
    bind,
    errorFor,
    touch,
    clearServerError,
    handleSubmit,
    busy,
    submitted,
    generalError,
    setGeneralError,
    formRef,
    alertRef,
    hasClientErrors: Object.values(clientErrors).some(Boolean),
  };
}

export type Form<T extends object> = ReturnType<typeof useForm<T>>;
