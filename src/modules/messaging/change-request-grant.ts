/**
 * Granting a provider's request for a change (317, Verzoek om wijziging). The request is judged
 * as a whole (OP344): its changed products become changes to the allocations (through the
 * cases module, with the decision rules), and the 301 that tells the provider the new situation
 * answers it, with the request's ReferentieAanbieder in every product (TR379). All in one
 * transaction: when any change breaks a rule, or the 301 cannot be composed, nothing changes.
 *
 * A request that also asks for a new product is not granted here: a new product needs a
 * decision on an application (a case), so it is refused with reason 1 (no change but a new
 * application) or taken into assessment.
 */
import { eq } from 'drizzle-orm';
import { conflict, DomainError, notFound } from '../../server/errors.js';
import type { TenantContext } from '../../server/request-context.js';
import { changeAllocations } from '../cases/allocation-change.js';
import { providerNames } from '../registry/provider-service.js';
import { composeAllocationMessages } from './allocation-outbox.js';
import { LAW_OF_STANDARD } from './ingest-facts.js';
import { allocationRequest } from './messaging-tables.js';

const FIELD = 'answer';

export async function grantChangeRequest(
  ctx: TenantContext,
  id: string,
  now = new Date(),
): Promise<{ requestId: string; status: 'granted'; answerMessageId: string }> {
  const [row] = await ctx.tx.select().from(allocationRequest).where(eq(allocationRequest.id, id));
  if (!row) throw notFound('Het verzoek', 'id');
  if (row.requestType !== '317') {
    throw conflict(
      FIELD,
      'Een verzoek om toewijzing (315) wordt toegekend met een besluit op een aanvraag: de toewijzing (301) die daaruit volgt beantwoordt het verzoek.',
    );
  }
  if (row.status === 'refused' || row.status === 'granted') {
    throw new DomainError(
      'INVALID_STATE',
      409,
      row.status === 'refused' ? 'Dit verzoek is al afgewezen.' : 'Dit verzoek is al toegekend.',
      FIELD,
    );
  }
  const added = row.requested.products.filter((p) => p.kind === 'new');
  if (added.length > 0) {
    throw conflict(
      FIELD,
      `Dit verzoek vraagt ook om een nieuw product (${added.map((p) => p.productCode ?? p.productCategory ?? '?').join(', ')}). Een nieuw product vraagt een besluit op een aanvraag: wijs het verzoek af met reden 1 (geen wijziging, maar nieuwe aanvraag) of neem het in onderzoek.`,
    );
  }
  const changes = row.requested.products.flatMap((p) =>
    p.kind === 'changed' && p.allocationNumber !== undefined && p.startDate !== undefined
      ? [
          {
            allocationNumber: p.allocationNumber,
            startDate: p.startDate,
            endDate: p.endDate ?? null,
            volume: p.volume,
            unit: p.unit,
            frequency: p.frequency,
          },
        ]
      : [],
  );
  const providerName = (await providerNames(ctx, [row.providerId])).get(row.providerId) ?? 'de aanbieder';
  const { caseIds, changed } = await changeAllocations(
    ctx,
    {
      providerId: row.providerId,
      law: LAW_OF_STANDARD[row.standard],
      changes,
      reason: `Verzoek om wijziging ${row.reference} van ${providerName}`,
      field: FIELD,
    },
    now,
  );
  if (changed === 0) {
    throw conflict(
      FIELD,
      'Dit verzoek wijzigt niets aan de huidige toewijzingen; wijs het af of neem het in onderzoek.',
    );
  }
  const composed = await composeAllocationMessages(ctx, {
    caseIds,
    now,
    changeGrant: {
      requestId: row.id,
      providerId: row.providerId,
      standard: row.standard,
      bsn: row.bsn,
      reference: row.reference,
    },
  });
  const [granted] = await ctx.tx
    .select({ status: allocationRequest.status, answerMessageId: allocationRequest.answerMessageId })
    .from(allocationRequest)
    .where(eq(allocationRequest.id, id));
  if (granted?.status !== 'granted' || !granted.answerMessageId) {
    const held = composed.held.map((h) => h.reason);
    // Thrown inside the transaction: the allocation changes roll back with it.
    throw conflict(
      FIELD,
      held.length > 0
        ? `De toewijzing kan nog niet naar de aanbieder: ${[...new Set(held)].join(' ')}`
        : 'De toewijzing die dit verzoek beantwoordt kon niet worden opgesteld.',
    );
  }
  return { requestId: id, status: 'granted', answerMessageId: granted.answerMessageId };
}
