/**
 * The rules a 301 must meet on its own (XSLT rules and constraints, answered with 0001 for the
 * whole message). The platform checks its own 301s with them before they enter the outbox, so a
 * provider never receives one it has to return; the checker applies them to any 301 it reads.
 */
import type { AllocationMessage, DecodedAllocatedProduct } from '../codec/allocation-message.js';
import { TR006, TR061, TR302 } from './catalogue.js';
import { cs002, tr002 } from './message-rules.js';
import { finding, HEADER_PATH, type RuleFinding } from './rule.js';

/** COD757 address kinds TR061 accepts: BRP, correspondence and residence address. */
const ADDRESS_KINDS = new Set(['01', '02', '03']);

export function checkAllocationMessageRules(message: AllocationMessage): RuleFinding[] {
  const { client, header } = message;
  const found: (RuleFinding | undefined)[] = [cs002(client), tr002(client, header.datedOn)];
  if (!message.contacts.some((c) => c.hasAddress && ADDRESS_KINDS.has(c.kind))) {
    found.push(
      finding(
        TR061,
        `${client.path}/Contactgegevens`,
        HEADER_PATH,
        'De cliënt heeft geen BRP-, correspondentie- of verblijfadres; een toewijzing moet er minstens één bevatten.',
      ),
    );
  }
  for (const contact of message.contacts) {
    if (contact.hasTelephone || contact.hasHouseAndPostcode) continue;
    found.push(
      finding(
        TR006,
        contact.path,
        HEADER_PATH,
        'Dit contact heeft geen telefoonnummer en geen huisnummer met postcode.',
      ),
    );
  }
  found.push(...overlappingProducts(message.products));
  return found.filter((f): f is RuleFinding => f !== undefined);
}

/** iWmo categories of aids (hulpmiddelen): their periods may overlap (TR302). */
const OVERLAP_ALLOWED = new Set(['11', '12', '13', '14']);
/** RedenWijziging 13 (deleted) and 01 (administrative correction): not a current allocation. */
const WITHDRAWN_REASONS = new Set(['13', '01']);

function withdrawn(p: DecodedAllocatedProduct): boolean {
  return p.endDate === p.startDate && WITHDRAWN_REASONS.has(p.changeReason ?? '');
}

/**
 * Whether TR302 compares these two: the same product code, or the same category when either has
 * no code; a product without a category against every other, except aids (11-14), which may
 * overlap.
 */
function samePlace(a: DecodedAllocatedProduct, b: DecodedAllocatedProduct): boolean {
  if (OVERLAP_ALLOWED.has(a.productCategory ?? '') || OVERLAP_ALLOWED.has(b.productCategory ?? ''))
    return false;
  if (a.productCategory === undefined || b.productCategory === undefined) return true;
  if (a.productCategory !== b.productCategory) return false;
  return a.productCode === undefined || b.productCode === undefined || a.productCode === b.productCode;
}

/** TR302: the same product twice in one message only for periods that do not overlap. */
function overlappingProducts(products: readonly DecodedAllocatedProduct[]): RuleFinding[] {
  const found: RuleFinding[] = [];
  const current = products.filter((p) => !withdrawn(p));
  for (const [i, later] of current.entries()) {
    const earlier = current
      .slice(0, i)
      .find(
        (p) =>
          samePlace(p, later) &&
          p.startDate <= (later.endDate ?? '9999-12-31') &&
          later.startDate <= (p.endDate ?? '9999-12-31'),
      );
    if (!earlier) continue;
    found.push(
      finding(
        TR302,
        later.path,
        HEADER_PATH,
        `Product ${later.productCode ?? later.productCategory ?? '(zonder categorie)'} van toewijzing ${later.allocationNumber} overlapt in periode met toewijzing ${earlier.allocationNumber} in hetzelfde bericht.`,
      ),
    );
  }
  return found;
}
