import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { checkMessage, type XmlDocument } from '../../api/messages.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { apiErrorText } from '../../ui/api-error-text.js';
import { BackLink } from '../../ui/BackLink.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { DocumentForm, type DocumentResult, DocumentResults } from './document-form.js';

/** Checks documents against the iWmo/iJw standard without sending them; nothing is stored. */
export function MessageCheckPage() {
  const { t, language } = useI18n();
  const [results, setResults] = useState<DocumentResult[]>([]);
  const [run, setRun] = useState(0);

  const checkAll = async (documents: XmlDocument[]) => {
    const next: DocumentResult[] = [];
    for (const [index, document] of documents.entries()) {
      const name = document.fileName ?? t('documents.pasted');
      const key = `${run}-${index}`;
      try {
        const result = await checkMessage(document);
        next.push({
          key,
          name,
          verdict: result.conforms ? 'conform' : 'not_conform',
          summary: (
            <Paragraph>
              {result.messageName === null
                ? t('check.notAMessage')
                : result.conforms
                  ? t('check.conforms', { name: result.messageName })
                  : t('check.doesNotConform', { name: result.messageName, count: result.findings.length })}
            </Paragraph>
          ),
          findings: result.findings,
          truncated: result.truncated,
        });
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

  return (
    <>
      <BackLink href="/berichten" label={t('messages.title')} />
      <PageTitle>{t('check.title')}</PageTitle>
      <Paragraph>{t('check.intro')}</Paragraph>
      <DocumentForm
        multiple
        submitLabel={t('check.submit')}
        busyLabel={t('check.busy')}
        fileDescription={t('check.fileDescription')}
        onRun={checkAll}
      />
      <DocumentResults results={results} run={run} />
    </>
  );
}
