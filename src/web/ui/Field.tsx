/**
 * Form fields in NL Design System style: a label for every input, an optional description,
 * and an error message that the input points to with aria-describedby.
 */
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
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

/** The description and error ids a group's fieldset points to. */
function groupDescribedBy(id: string, description: ReactNode, error: string | undefined): string | undefined {
  const ids = [description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function GroupFrame({
  id,
  legend,
  description,
  error,
  required,
  className,
  children,
}: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error: string | undefined;
  required?: boolean;
  className: string;
  children: ReactNode;
}) {
  const t = useText();
  return (
    <Fieldset
      invalid={Boolean(error)}
      aria-describedby={groupDescribedBy(id, description, error)}
      className={className}
    >
      <FieldsetLegend>
        {legend}
        {required ? null : <span className="rk-optional"> {t('form.optional')}</span>}
      </FieldsetLegend>
      {description ? (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`}>
          <span className="rk-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </FormFieldErrorMessage>
      ) : null}
      {children}
    </Fieldset>
  );
}

/**
 * Radio buttons for one value, in a fieldset with a legend. The first button carries the field's
 * id, so a server error on the field lands here and a failed submit focuses it.
 */
export function RadioGroupField({
  field,
  legend,
  description,
  required,
  options,
  inline = false,
}: {
  field: BoundField;
  legend: ReactNode;
  description?: ReactNode;
  required?: boolean;
  options: readonly Option[];
  /** Side by side (for short choices such as ja / nee). */
  inline?: boolean;
}) {
  return (
    <GroupFrame
      id={field.id}
      legend={legend}
      description={description}
      error={field.error}
      required={required}
      className={`rk-choice-group${inline ? ' rk-choice-group--inline' : ''}`}
    >
      <div className="rk-choice-group__options">
        {options.map((option, index) => {
          const id = index === 0 ? field.id : `${field.id}-${option.value}`;
          const checked = field.value === option.value;
          return (
            <FormField
              key={option.value}
              type="radio"
              className="rk-checkbox"
              label={
                <FormLabel htmlFor={id} type="radio" checked={checked}>
                  {option.label}
                </FormLabel>
              }
              input={
                <RadioButton
                  id={id}
                  name={field.name}
                  value={option.value}
                  checked={checked}
                  invalid={Boolean(field.error)}
                  required={required}
                  onChange={() => field.onChange(option.value)}
                  onBlur={field.onBlur}
                />
              }
            />
          );
        })}
      </div>
    </GroupFrame>
  );
}

/**
 * Checkboxes for a set of values, in a fieldset with a legend; the first box carries the group's
 * id (see RadioGroupField).
 */
export function CheckboxGroupField({
  id,
  name,
  legend,
  description,
  error,
  required,
  options,
  selected,
  onChange,
  columns = false,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error: string | undefined;
  required?: boolean;
  options: readonly Option[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  /** Lay a long list out in columns. */
  columns?: boolean;
}) {
  const toggle = (value: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    // Keep the options' order, whatever the order of clicking.
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <GroupFrame
      id={id}
      legend={legend}
      description={description}
      error={error}
      required={required}
      className={`rk-choice-group${columns ? ' rk-choice-group--columns' : ''}`}
    >
      <div className="rk-choice-group__options">
        {options.map((option, index) => {
          const boxId = index === 0 ? id : `${id}-${option.value}`;
          const checked = selected.includes(option.value);
          return (
            <FormField
              key={option.value}
              type="checkbox"
              className="rk-checkbox"
              label={
                <FormLabel htmlFor={boxId} type="checkbox" checked={checked}>
                  {option.label}
                </FormLabel>
              }
              input={
                <Checkbox
                  id={boxId}
                  name={name}
                  value={option.value}
                  checked={checked}
                  invalid={Boolean(error)}
                  onChange={(event: ChangeEvent<HTMLInputElement>) =>
                    toggle(option.value, event.target.checked)
                  }
                />
              }
            />
          );
        })}
      </div>
    </GroupFrame>
  );
}
