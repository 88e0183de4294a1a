import { Button, Paragraph } from '@utrecht/component-library-react';
import {
  type ReturnMessage,
  type SubmitAccepted,
  type SubmitResult,
  submitMessage,
} from '../../api/messages.js';
import { type Translate, useI18n } from '../../i18n/i18n-context.js';
import { BackLink } from '../../ui/BackLink.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink } from '../../ui/router.js';
import { DocumentForm, type DocumentResult, DocumentResults, useDocumentRuns } from './document-form.js';
import { downloadXml, quarantineReasonText, type Verdict } from './message-parts.js';

function acceptedVerdict(status: SubmitAccepted['status']): Verdict {
  switch (status) {
    case 'accepted':
      return 'processed';
    case 'partly_rejected':
      return 'partly_rejected';
    case 'rejected':
      return 'rejected';
  }
}

function ReturnMessageButton({ message }: { message: ReturnMessage }) {
  const { t } = useI18n();
  return (
    <Button
      appearance="secondary-action-button"
      onClick={() => downloadXml(message.name, message.identification, message.document)}
    >
      {t('submit.downloadReturn', { name: message.name })}
    </Button>
  );
}

function resultView(t: Translate, key: string, name: string, result: SubmitResult): DocumentResult {
  if (result.outcome === 'quarantined') {
    return {
      key,
      name,
      verdict: 'quarantined',
      summary: (
        <>
          <Paragraph>
            <strong>{quarantineReasonText(t, result.reasonCode)}.</strong> {result.reason}
          </Paragraph>
          <Paragraph>{t('submit.quarantined')}</Paragraph>
        </>
      ),
      actions: (
        <>
          <AppButtonLink href="/berichten/quarantaine" appearance="secondary-action-button">
            {t('submit.toQuarantine')}
          </AppButtonLink>
          {result.returnMessage ? <ReturnMessageButton message={result.returnMessage} /> : null}
        </>
      ),
      findings: result.findings,
    };
  }
  const verdict = acceptedVerdict(result.status);
  return {
    key,
    name,
    verdict,
    summary: (
      <>
        <Paragraph>{t(`submit.status.${result.status}`, { name: result.messageName })}</Paragraph>
        {result.outcome === 'already_processed' ? (
          <Paragraph>{t('submit.alreadyProcessed')}</Paragraph>
        ) : null}
      </>
    ),
    actions: (
      <>
        <AppButtonLink href={`/berichten/${result.messageId}`} appearance="secondary-action-button">
          {t('submit.open', { name: result.messageName })}
        </AppButtonLink>
        {result.returnMessage ? <ReturnMessageButton message={result.returnMessage} /> : null}
      </>
    ),
    findings: result.findings,
  };
}

/**
 * A provider submits its messages (305 start, 307 stop, 323 claim) and gets the return
 * message at once. The documents go one after the other, in the order chosen.
 */
export function MessageSubmitPage() {
  const { t } = useI18n();
  const { results, run, runAll } = useDocumentRuns(async (document, key, name) =>
    resultView(t, key, name, await submitMessage(document)),
  );

  return (
    <>
      <BackLink href="/berichten" label={t('messages.title')} />
      <PageTitle>{t('submit.title')}</PageTitle>
      <Paragraph>{t('submit.intro')}</Paragraph>
      <DocumentForm
        multiple
        submitLabel={t('submit.submit')}
        busyLabel={t('submit.busy')}
        fileDescription={t('submit.fileDescription')}
        onRun={runAll}
      />
      <DocumentResults results={results} run={run} />
    </>
  );
}
