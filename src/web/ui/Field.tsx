/**
 * Form fields in NL Design System style: a label for every input, an optional description,
 * and an error message that the input points to with aria-describedby.
 */
import {
  Checkbox,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import type { ChangeEvent, HTMLAttributes, ReactNode } from 'react';
import { useText } from '../i18n/i18n-context.js';
import type { BoundField } from './use-form.js';

interface FieldProps {
  field: BoundField;
  label: ReactNode;
  description?: ReactNode;
  required?: boolean;
}

function describedBy(field: BoundField, description: ReactNode): string | undefined {
  const ids = [description ? `${field.id}-description` : '', field.error ? `${field.id}-error` : ''].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({
  field,
  label,
  description,
  required,
  input,
  type,
}: FieldProps & { input: ReactNode; type?: string }) {
  const t = useText();
  return (
    <FormField
      type={type}
      invalid={Boolean(field.error)}
      label={
        <FormLabel htmlFor={field.id}>
          {label}
          {required ? null : <span className="rk-optional"> {t('form.optional')}</span>}
        </FormLabel>
      }
      description={
        description ? (
          <FormFieldDescription id={`${field.id}-description`}>{description}</FormFieldDescription>
        ) : undefined
      }
      input={input}
      errorMessage={
        field.error ? (
          <FormFieldErrorMessage id={`${field.id}-error`}>
            <span className="rk-visually-hidden">{t('form.errorPrefix')} </span>
            {field.error}
          </FormFieldErrorMessage>
        ) : undefined
      }
    />
  );
}

export interface TextFieldProps extends FieldProps {
  type?: 'text' | 'password' | 'date' | 'search' | 'number';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  size?: 'small' | 'medium' | 'large';
  spellCheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const {
    field,
    type = 'text',
    autoComplete,
    inputMode,
    size = 'large',
    spellCheck,
    required,
    description,
  } = props;
  return (
    <FieldFrame
      {...props}
      input={
        <Textbox
          id={field.id}
          name={field.name}
          type={type}
          value={field.value}
          onChange={(event: ChangeEvent<HTMLInputElement>) => field.onChange(event.target.value)}
          onBlur={field.onBlur}
          invalid={Boolean(field.error)}
          required={required}
          aria-describedby={describedBy(field, description)}
          autoComplete={autoComplete}
          inputMode={inputMode}
          spellCheck={spellCheck}
          className={`rk-input--${size}`}
        />
      }
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { options: readonly Option[]; placeholder?: string; disabled?: boolean },
) {
  const { field, options, placeholder, required, description, disabled } = props;
  return (
    <FieldFrame
      {...props}
      input={
        <Select
          id={field.id}
          name={field.name}
          value={field.value}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => field.onChange(event.target.value)}
          onBlur={field.onBlur}
          invalid={Boolean(field.error)}
          required={required}
          aria-describedby={describedBy(field, description)}
          disabled={disabled}
        >
          {placeholder === undefined ? null : <SelectOption value="">{placeholder}</SelectOption>}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      }
    />
  );
}

export function TextareaField(props: FieldProps & { rows?: number }) {
  const { field, rows = 4, required, description } = props;
  return (
    <FieldFrame
      {...props}
      input={
        <Textarea
          id={field.id}
          name={field.name}
          value={field.value}
          rows={rows}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => field.onChange(event.target.value)}
          onBlur={field.onBlur}
          invalid={Boolean(field.error)}
          required={required}
          aria-describedby={describedBy(field, description)}
        />
      }
    />
  );
}

/** One checkbox: the box left, its label and description right of it (NL Design System grid). */
export function CheckboxField({
  id,
  name,
  label,
  description,
  checked,
  onChange,
}: {
  id: string;
  name: string;
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <FormField
      type="checkbox"
      className="rk-checkbox"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={checked}>
          {label}
        </FormLabel>
      }
      input={
        <Checkbox
          id={id}
          name={name}
          checked={checked}
          aria-describedby={descriptionId}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
        />
      }
      description={
        description ? (
          <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
        ) : undefined
      }
    />
  );
}
