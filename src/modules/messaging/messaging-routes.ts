/**
 * The message exchange over HTTP: providers post iWmo/iJw messages (XML in the body) and get
 * the return message back at once; they list their messages and fetch the answers. Anyone
 * signed in may check a document against the standard without sending it.
 */
import { z } from 'zod';
import type { Database } from '../../db/connection.js';
import { AUTHENTICATED, rolesOnly } from '../../server/access.js';
import { DomainError, validationFailed } from '../../server/errors.js';
import { inTenant } from '../../server/request-context.js';
import type { ZodApp } from '../../server/zod-app.js';
import { errorResponse, listOf, paging, personalDataPaging } from '../../shared/schema-helpers.js';
import { composeAllocationMessages, heldNotice } from './allocation-outbox.js';
import { grantChangeRequest } from './change-request-grant.js';
import { checkDocument, checkDocumentAsProvider } from './check-service.js';
import { receiveMessage } from './ingest-service.js';
import {
  getMessage,
  listClaims,
  listMessages,
  listQuarantine,
  MESSAGE_READERS,
  providerAllocationPage,
} from './message-service.js';
import { answerRequest, listRequests } from './request-service.js';
import { MESSAGE_TYPES } from './standard/message-kinds.js';
import { RETURN_CODE_MEANINGS } from './standard/return-codes.js';
import { DEFAULT_XML_LIMITS } from './xml/secure-xml.js';

const XML_CONTENT_TYPES = ['application/xml', 'text/xml'];
/**
 * A little above the standard's 25 MB: a document just over the limit still reaches the parser,
 * which refuses it with its reason (and the quarantine keeps it); far larger bodies get 413.
 */
const MAX_DOCUMENT_BYTES = DEFAULT_XML_LIMITS.maxBytes + 64 * 1024;

const findingView = z.object({
  code: z.string(),
  returnCode: z.string().nullable(),
  returnCodeMeaning: z.string().nullable(),
  path: z.string(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
  message: z.string(),
});
const returnMessageView = z.object({
  id: z.string(),
  name: z.string(),
  identification: z.string(),
  document: z.string(),
});
const ingestAccepted = z.object({
  outcome: z.enum(['processed', 'already_processed']),
  messageId: z.string(),
  messageName: z.string(),
  status: z.enum(['accepted', 'partly_rejected', 'rejected']),
  findings: z.array(findingView),
  returnMessage: returnMessageView.nullable(),
});
const ingestRefused = errorResponse.extend({
  quarantineId: z.string(),
  reasonCode: z.string(),
  findings: z.array(findingView),
  returnMessage: returnMessageView.nullable(),
});
const outboxRound = z.object({
  sent: z.array(
    z.object({
      id: z.string(),
      providerId: z.string(),
      residentId: z.string(),
      identification: z.string(),
      allocationNumbers: z.array(z.number().int()),
    }),
  ),
  held: z.array(
    z.object({
      allocationId: z.string(),
      allocationNumber: z.number().int(),
      residentId: z.string(),
      reason: z.string(),
      notice: z.string(),
    }),
  ),
});
const REQUEST_READERS = ['administrator', 'contract_manager', 'provider_user'] as const;
const requestSummary = z.object({
  id: z.string(),
  messageId: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  standard: z.enum(['iwmo', 'ijw']),
  requestType: z.enum(['315', '317']),
  reference: z.string(),
  bsn: z.string(),
  requested: z.object({
    reason: z.string().optional(),
    products: z.array(
      z.object({
        kind: z.enum(['new', 'changed', 'unchanged']),
        allocationNumber: z.number().int().optional(),
        productCategory: z.string().optional(),
        productCode: z.string().optional(),
        startDate: z.string().optional(),
        endDate: z.string().optional(),
        volume: z.number().optional(),
        unit: z.string().optional(),
        frequency: z.string().optional(),
      }),
    ),
  }),
  receivedOn: z.string(),
  answerDueOn: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'in_assessment', 'refused', 'granted']),
  refusalReason: z.string().nullable(),
  answerMessageId: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
});
const checkView = z.object({
  conforms: z.boolean(),
  messageName: z.string().nullable(),
  findings: z.array(findingView),
  truncated: z.boolean(),
});
const messageSummary = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  standard: z.enum(['iwmo', 'ijw']),
  messageType: z.string(),
  messageName: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  sender: z.string(),
  receiver: z.string(),
  identification: z.string(),
  datedOn: z.string(),
  status: z.string(),
  returnCodes: z.array(z.string()),
  answersMessageId: z.string().nullable(),
  answerDueOn: z.string().nullable(),
  receivedAt: z.string(),
  fetchedAt: z.string().nullable(),
});
const messageDetail = messageSummary.extend({
  document: z.string(),
  answers: z.array(messageSummary),
});
const listQuery = z.strictObject({
  direction: z.enum(['inbound', 'outbound'], { error: 'Kies inbound of outbound.' }).optional(),
  type: z.enum(MESSAGE_TYPES, { error: 'Kies een berichtnummer: 301, 302, 305 … 325.' }).optional(),
  status: z
    .enum(['accepted', 'partly_rejected', 'rejected', 'ready', 'fetched'], {
      error: 'Kies accepted, partly_rejected, rejected, ready of fetched.',
    })
    .optional(),
  providerId: z.uuid({ error: 'providerId is geen geldige id.' }).optional(),
  ...paging,
});
const quarantineItem = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  channel: z.string(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  reasonCode: z.string(),
  reason: z.string(),
  line: z.number().int().nullable(),
  receivedAt: z.string(),
  findings: z.array(findingView),
});
const fileNameHeader = z.object({
  'x-file-name': z.string().max(255, { error: 'X-File-Name is langer dan 255 tekens.' }).optional(),
});

function bodyBytes(body: unknown): Uint8Array {
  if (body !== undefined && !(body instanceof Uint8Array)) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      'Stuur het bericht als XML (Content-Type application/xml of text/xml), niet als JSON.',
      'body',
    );
  }
  if (body instanceof Uint8Array && body.byteLength > 0) return body;
  throw new DomainError('VALIDATION_FAILED', 400, 'De body is leeg: stuur het bericht als XML.', 'body');
}

export function messagingRoutes(app: ZodApp, database: Database): void {
  app.register(async (scope) => {
    // Only this scope reads XML bodies, as raw bytes: the hardened parser decides what they are.
    scope.addContentTypeParser(
      XML_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
    const typed = scope as unknown as ZodApp;

    typed.post(
      '/api/v1/messages',
      {
        config: { access: rolesOnly('provider_user') },
        bodyLimit: MAX_DOCUMENT_BYTES,
        schema: {
          tags: ['messaging'],
          summary:
            'Een iWmo/iJw-bericht indienen (305, 307 of 323, XML in de body). Antwoord: het retourbericht (306, 308) of declaratie-antwoord (325). Een geweigerd document komt in quarantaine (422).',
          headers: fileNameHeader,
          response: { 200: ingestAccepted, 422: ingestRefused },
        },
      },
      async (request, reply) => {
        const bytes = bodyBytes(request.body);
        const result = await inTenant(database, request, (ctx) => {
          if (!ctx.actor.providerId)
            throw new DomainError('FORBIDDEN', 403, 'Dit account hoort niet bij een aanbieder.');
          return receiveMessage(ctx, {
            bytes,
            fileName: request.headers['x-file-name'] ?? null,
            channel: 'api',
            providerId: ctx.actor.providerId,
          });
        });
        if (result.outcome === 'quarantined') {
          return reply.code(422).send({
            error: 'MESSAGE_REFUSED',
            message: result.reason,
            field: 'body',
            quarantineId: result.quarantineId,
            reasonCode: result.reasonCode,
            findings: result.findings,
            returnMessage: result.returnMessage,
          });
        }
        return result;
      },
    );

    typed.post(
      '/api/v1/messages/check',
      {
        config: { access: AUTHENTICATED },
        bodyLimit: MAX_DOCUMENT_BYTES,
        schema: {
          tags: ['messaging'],
          summary:
            'Een iWmo/iJw-bericht controleren zonder het in te dienen: XML-schema en de regels binnen het bericht, met regel, regelcode en uitleg per bevinding. Voor een aanbieder ook de regels over berichten heen (toewijzing, tarief, eerdere starts en declaraties); er wordt niets opgeslagen.',
          response: { 200: checkView },
        },
      },
      async (request) => {
        const bytes = bodyBytes(request.body);
        const providerId = request.session?.role === 'provider_user' ? request.session.providerId : null;
        if (!providerId) return checkDocument(bytes);
        return inTenant(database, request, (ctx) => checkDocumentAsProvider(ctx, bytes, providerId));
      },
    );
  });

  app.get(
    '/api/v1/messages',
    {
      config: { access: rolesOnly(...MESSAGE_READERS) },
      schema: {
        tags: ['messaging'],
        summary: 'Berichten met aanbieders, nieuwste eerst. Een aanbieder ziet alleen de eigen berichten.',
        querystring: listQuery,
        response: { 200: listOf(messageSummary) },
      },
    },
    (request) => inTenant(database, request, (ctx) => listMessages(ctx, request.query)),
  );

  app.get(
    '/api/v1/messages/allocations',
    {
      config: { access: rolesOnly(...MESSAGE_READERS) },
      schema: {
        tags: ['messaging'],
        summary:
          'Toewijzingen van een aanbieder met ToewijzingNummer, inwoner (BSN) en status. Een aanbieder ziet alleen de eigen toewijzingen; elke getoonde inwoner komt in het verwerkingenlog.',
        querystring: z.strictObject({
          providerId: z.uuid({ error: 'providerId is geen geldige id.' }).optional(),
          status: z
            .enum(['allocated', 'started', 'stopped'], { error: 'Kies allocated, started of stopped.' })
            .optional(),
          ...personalDataPaging,
        }),
        response: {
          200: listOf(
            z.object({
              id: z.string(),
              allocationNumber: z.number().int(),
              residentId: z.string(),
              bsn: z.string(),
              name: z.string(),
              provisionId: z.string(),
              provisionName: z.string(),
              /** Product category and code: what every 305, 307 and 323 line must carry. */
              productCategory: z.string().nullable(),
              productCode: z.string().nullable(),
              providerId: z.string(),
              volume: z.number().int(),
              unit: z.string(),
              frequency: z.string(),
              startDate: z.string(),
              endDate: z.string().nullable(),
              status: z.enum(['allocated', 'started', 'stopped']),
            }),
          ),
        },
      },
    },
    (request) => inTenant(database, request, (ctx) => providerAllocationPage(ctx, request.query)),
  );

  app.get(
    '/api/v1/messages/claims',
    {
      config: { access: rolesOnly(...MESSAGE_READERS) },
      schema: {
        tags: ['messaging'],
        summary:
          'Declaraties met ingediend en toegekend bedrag (in centen) en het aantal (afgewezen) prestaties, nieuwste periode eerst. Een aanbieder ziet alleen de eigen declaraties.',
        querystring: z.strictObject({
          providerId: z.uuid({ error: 'providerId is geen geldige id.' }).optional(),
          status: z
            .enum(['awarded', 'partly_awarded', 'rejected'], {
              error: 'Kies awarded, partly_awarded of rejected.',
            })
            .optional(),
          ...paging,
        }),
        response: {
          200: listOf(
            z.object({
              id: z.string(),
              messageId: z.string(),
              answerMessageId: z.string().nullable(),
              providerId: z.string(),
              providerName: z.string(),
              standard: z.enum(['iwmo', 'ijw']),
              claimNumber: z.string(),
              periodStart: z.string(),
              periodEnd: z.string(),
              submittedCents: z.number().int(),
              awardedCents: z.number().int(),
              status: z.enum(['awarded', 'partly_awarded', 'rejected']),
              services: z.number().int(),
              rejectedServices: z.number().int(),
            }),
          ),
        },
      },
    },
    (request) => inTenant(database, request, (ctx) => listClaims(ctx, request.query)),
  );

  app.get(
    '/api/v1/messages/return-codes',
    {
      config: { access: AUTHENTICATED },
      schema: {
        tags: ['messaging'],
        summary: 'De retourcodes van iWmo en iJw 3.2 (WJ001) met hun betekenis.',
        response: { 200: z.array(z.object({ code: z.string(), meaning: z.string() })) },
      },
    },
    async () => Object.entries(RETURN_CODE_MEANINGS).map(([code, meaning]) => ({ code, meaning })),
  );

  app.get(
    '/api/v1/messages/quarantine',
    {
      config: { access: rolesOnly(...MESSAGE_READERS) },
      schema: {
        tags: ['messaging'],
        summary: 'Geweigerde documenten met de reden. Een aanbieder ziet alleen de eigen documenten.',
        querystring: z.strictObject({ ...paging }),
        response: { 200: listOf(quarantineItem) },
      },
    },
    (request) => inTenant(database, request, (ctx) => listQuarantine(ctx, request.query)),
  );

  app.post(
    '/api/v1/messages/outbox',
    {
      config: { access: rolesOnly('administrator', 'contract_manager') },
      schema: {
        tags: ['messaging'],
        summary:
          'Verzendronde: zet de toewijzingsberichten (301) klaar voor nieuwe en gewijzigde toewijzingen die nog niet verstuurd zijn, bijvoorbeeld omdat het adres van de inwoner ontbrak. Toewijzingen die nog niet kunnen, staan in held met de reden.',
        body: z.strictObject({}).optional(),
        response: { 200: outboxRound },
      },
    },
    (request) =>
      inTenant(database, request, async (ctx) => {
        const result = await composeAllocationMessages(ctx);
        return { sent: result.messages, held: result.held.map((h) => ({ ...h, notice: heldNotice(h) })) };
      }),
  );

  app.get(
    '/api/v1/messages/requests',
    {
      config: { access: rolesOnly(...REQUEST_READERS) },
      schema: {
        tags: ['messaging'],
        summary:
          'Verzoeken van aanbieders (315 per aangevraagd product, 317 als geheel): onbeantwoorde eerst, op de dag dat het antwoord uiterlijk moet (5 werkdagen). overdue=true: alleen verzoeken waarvan het antwoord te laat is. Een aanbieder ziet alleen de eigen verzoeken; de getoonde cliënten worden gelogd.',
        querystring: z.strictObject({
          status: z.enum(['open', 'in_assessment', 'refused', 'granted']).optional(),
          overdue: z
            .enum(['true', 'false'], { error: 'overdue is true of false.' })
            .optional()
            .transform((v) => v === 'true'),
          providerId: z.uuid({ error: 'providerId is geen geldige id.' }).optional(),
          ...personalDataPaging,
        }),
        response: { 200: listOf(requestSummary).extend({ overdue: z.number().int() }) },
      },
    },
    (request) => inTenant(database, request, (ctx) => listRequests(ctx, request.query)),
  );

  app.post(
    '/api/v1/messages/requests/:id/answer',
    {
      config: { access: rolesOnly('administrator', 'contract_manager') },
      schema: {
        tags: ['messaging'],
        summary:
          'Beantwoordt een verzoek: afgewezen met de reden (RedenAfwijzingVerzoek 1-9) of in onderzoek, met een 319 in de uitbox van de aanbieder; of een verzoek om wijziging (317) toegekend: de toewijzingen wijzigen en een 301 met de ReferentieAanbieder beantwoordt het. Een verzoek om toewijzing (315) wordt toegekend met een besluit.',
        params: z.object({ id: z.uuid({ error: 'id is geen geldige id.' }) }),
        body: z.strictObject({
          answer: z.enum(['refused', 'in_assessment', 'granted'], {
            error: 'answer is refused, in_assessment of granted.',
          }),
          refusalReason: z
            .enum(['1', '2', '3', '4', '5', '6', '7', '8', '9'], {
              error: 'refusalReason is een code van 1 tot en met 9 (RedenAfwijzingVerzoek).',
            })
            .nullable()
            .optional(),
        }),
        response: {
          200: z.object({ requestId: z.string(), status: z.string(), answerMessageId: z.string() }),
        },
      },
    },
    (request) =>
      inTenant(database, request, (ctx) => {
        const { answer, refusalReason } = request.body;
        if (answer !== 'granted') return answerRequest(ctx, request.params.id, { answer, refusalReason });
        if (refusalReason != null) {
          throw validationFailed('refusalReason', 'Een verzoek toekennen gaat zonder reden van afwijzing.');
        }
        return grantChangeRequest(ctx, request.params.id);
      }),
  );

  app.get(
    '/api/v1/messages/:id',
    {
      config: { access: rolesOnly(...MESSAGE_READERS) },
      schema: {
        tags: ['messaging'],
        summary:
          'Eén bericht met het XML-document en de antwoorden erop. Haalt de aanbieder een antwoord van de gemeente op, dan staat het daarna als opgehaald.',
        params: z.object({ id: z.uuid({ error: 'id is geen geldige id.' }) }),
        response: { 200: messageDetail },
      },
    },
    (request) => inTenant(database, request, (ctx) => getMessage(ctx, request.params.id)),
  );
}
