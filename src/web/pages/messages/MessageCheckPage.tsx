import { Paragraph } from '@utrecht/component-library-react';
import { checkMessage } from '../../api/messages.js';
import { useText } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { DocumentForm, DocumentResults, useDocumentRuns } from './document-form.js';

/** Checks documents against the iWmo/iJw standard without sending them; nothing is stored. */
export function MessageCheckPage() {
  const t = useText();
  const { results, run, runAll } = useDocumentRuns(async (document, key, name) => {
    const result = await checkMessage(document);
    return {
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
    };
  });

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
        onRun={runAll}
      />
      <DocumentResults results={results} run={run} />
    </>
  );
}
