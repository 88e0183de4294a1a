/**
 * The form that takes XML documents (files, or XML pasted in), and the results per document
 * after they were checked or submitted. Checking and submitting share both, so a provider reads
 * a finding the same way before and after sending.
 */
import {
  Alert,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  PrimaryActionButton,
  Textarea,
} from '@utrecht/component-library-react';
import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { FindingView, XmlDocument } from '../../api/messages.js';
import { useI18n, useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { apiErrorText } from '../../ui/api-error-text.js';
import { FindingsTable, type Verdict, VerdictBadge } from './message-parts.js';

const FILE_ID = 'field-documents';
const TEXT_ID = 'field-xml';

/** The documents the form holds: each chosen file, then the pasted XML (when there is any). */
function documentsOf(files: readonly File[], text: string): XmlDocument[] {
  const documents: XmlDocument[] = files.map((file) => ({ fileName: file.name, content: file }));
  if (text.trim() !== '') documents.push({ fileName: null, content: text });
  return documents;
}

export function DocumentForm({
  multiple,
  submitLabel,
  busyLabel,
  fileDescription,
  onRun,
}: {
  multiple: boolean;
  submitLabel: string;
  busyLabel: string;
  fileDescription: string;
  /** Handles the documents in order; the form stays busy until it is done. */
  onRun: (documents: XmlDocument[]) => Promise<void>;
}) {
  const t = useText();
  const [files, setFiles] = useState<File[]>([]);
  const [text, setText] = useState('');
  const [error, setError] = useState<TextKey | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const documents = documentsOf(files, text);
    if (documents.length === 0) {
      setError('documents.required');
      fileRef.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await onRun(documents);
    } finally {
      setBusy(false);
    }
  };

  const fileDescribedBy = [`${FILE_ID}-description`, error ? `${FILE_ID}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <form noValidate onSubmit={submit} aria-labelledby="page-title" className="rk-form rk-documents">
      <FormField
        invalid={Boolean(error)}
        label={
          <FormLabel htmlFor={FILE_ID}>{multiple ? t('documents.files') : t('documents.file')}</FormLabel>
        }
        description={
          <FormFieldDescription id={`${FILE_ID}-description`}>{fileDescription}</FormFieldDescription>
        }
        input={
          <>
            <input
              ref={fileRef}
              id={FILE_ID}
              name="documents"
              type="file"
              accept=".xml,application/xml,text/xml"
              multiple={multiple}
              className="rk-file"
              aria-invalid={error ? true : undefined}
              aria-describedby={fileDescribedBy}
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                setFiles(Array.from(e.target.files ?? []));
                setError(undefined);
              }}
            />
            {/* The browser names the choice in its own language; this says it in ours. */}
            {files.length > 0 ? (
              <p className="rk-chosen rk-small">
                {t('documents.chosen', { names: files.map((f) => f.name).join(', ') })}
              </p>
            ) : null}
          </>
        }
        errorMessage={
          error ? (
            <FormFieldErrorMessage id={`${FILE_ID}-error`}>
              <span className="rk-visually-hidden">{t('form.errorPrefix')} </span>
              {t(error)}
            </FormFieldErrorMessage>
          ) : undefined
        }
      />
      <FormField
        label={
          <FormLabel htmlFor={TEXT_ID}>
            {t('documents.paste')}
            <span className="rk-optional"> {t('form.optional')}</span>
          </FormLabel>
        }
        description={
          <FormFieldDescription id={`${TEXT_ID}-description`}>
            {t('documents.pasteDescription')}
          </FormFieldDescription>
        }
        input={
          <Textarea
            id={TEXT_ID}
            name="xml"
            rows={10}
            value={text}
            spellCheck={false}
            autoComplete="off"
            className="rk-xml-input"
            aria-describedby={`${TEXT_ID}-description`}
            onChange={(e: ChangeEvent<HTMLTextAreaElement>) => {
              setText(e.target.value);
              setError(undefined);
            }}
          />
        }
      />
      <ButtonGroup className="rk-form__actions">
        <PrimaryActionButton type="submit" busy={busy} aria-disabled={busy || undefined}>
          {busy ? busyLabel : submitLabel}
        </PrimaryActionButton>
      </ButtonGroup>
    </form>
  );
}

/** What became of one document: the verdict, a few words about it, actions, and the findings. */
export interface DocumentResult {
  key: string;
  /** The file's name, or "Geplakte XML". */
  name: string;
  verdict: Verdict;
  summary: ReactNode;
  actions?: ReactNode;
  findings: readonly FindingView[];
  /** There were more findings than the list holds. */
  truncated?: boolean;
}

/**
 * Runs the documents one after another through `handle` and keeps the results of the last run;
 * a document the API refuses shows the API's error instead of stopping the others.
 */
export function useDocumentRuns(
  handle: (document: XmlDocument, key: string, name: string) => Promise<DocumentResult>,
): { results: DocumentResult[]; run: number; runAll: (documents: XmlDocument[]) => Promise<void> } {
  const { t, language } = useI18n();
  const [results, setResults] = useState<DocumentResult[]>([]);
  const [run, setRun] = useState(0);
  const runAll = async (documents: XmlDocument[]) => {
    const next: DocumentResult[] = [];
    for (const [index, document] of documents.entries()) {
      const name = document.fileName ?? t('documents.pasted');
      const key = `${run}-${index}`;
      try {
        next.push(await handle(document, key, name));
      } catch (error) {
        next.push({
          key,
          name,
          verdict: 'failed',
          summary: <Paragraph>{apiErrorText(t, language, error)}</Paragraph>,
          findings: [],
        });
      }
    }
    setResults(next);
    setRun((n) => n + 1);
  };
  return { results, run, runAll };
}

/**
 * The results of a run. The heading takes the focus each time a run ends (`run` counts them), so
 * a screen reader announces the result and the keyboard continues from there.
 */
export function DocumentResults({ results, run }: { results: readonly DocumentResult[]; run: number }) {
  const t = useText();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (run > 0) headingRef.current?.focus();
  }, [run]);
  if (results.length === 0) return null;
  return (
    <section aria-labelledby="results-heading" className="rk-section rk-results-list">
      <Heading2 id="results-heading" ref={headingRef} tabIndex={-1} className="rk-focus-target">
        {results.length === 1 ? t('documents.result') : t('documents.results', { count: results.length })}
      </Heading2>
      {results.map((result, index) => {
        const headingId = `result-${index}`;
        return (
          <article key={result.key} aria-labelledby={headingId} className="rk-document-result">
            <div className="rk-document-result__head">
              <Heading3 id={headingId}>{result.name}</Heading3>
              <VerdictBadge verdict={result.verdict} />
            </div>
            <div className="rk-document-result__summary">{result.summary}</div>
            {result.actions ? (
              <ButtonGroup className="rk-document-result__actions">{result.actions}</ButtonGroup>
            ) : null}
            {result.findings.length === 0 ? (
              <Paragraph className="rk-muted">{t('documents.noFindings')}</Paragraph>
            ) : (
              <FindingsTable
                findings={result.findings}
                caption={t('documents.findingsCaption', { name: result.name })}
              />
            )}
            {result.truncated ? (
              <Alert type="warning">
                <Paragraph>{t('documents.truncated')}</Paragraph>
              </Alert>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}
