/**
 * The rules on a provider's requests (315, 317): the client's BSN and birth date within the
 * message (0001 for the whole message), and across messages the provider's reference (TR347), a
 * request still pending for the client (TR374) and, for a change, the allocations it names and
 * must name (TR349–TR351), each failing its own berichtklasse.
 */
import type { RequestMessage } from '../codec/request-messages.js';
import { TR347, TR349, TR350, TR351, TR374 } from './catalogue.js';
import { cs002, tr002 } from './message-rules.js';
import { finding, type RuleFinding } from './rule.js';

/** What the municipality knows, for one provider under one law. */
export interface RequestFacts {
  /** ReferentieAanbieder already used by this provider under this law. */
  referenceUsed(reference: string): boolean;
  /** A request of this provider for the client that has no final answer yet. */
  requestPending(bsn: string): boolean;
  /** The client's allocations at this provider, told in a 301, that have not ended before `today`. */
  currentAllocations(bsn: string, today: string): ReadonlySet<number>;
}

export function checkRequestMessageRules(message: RequestMessage): RuleFinding[] {
  const found = [cs002(message.client)];
  if (message.type === '315') found.push(tr002(message.client, message.header.datedOn));
  return found.filter((f): f is RuleFinding => f !== undefined);
}

export function checkRequestRules(
  message: RequestMessage,
  facts: RequestFacts,
  today: string,
): RuleFinding[] {
  const found: RuleFinding[] = [];
  const pending = facts.requestPending(message.client.bsn);
  const classes =
    message.type === '315'
      ? message.products.map((p) => ({ path: p.path, reference: p.reference }))
      : [{ path: message.path, reference: message.reference }];
  const seen = new Set<string>();
  for (const { path, reference } of classes) {
    if (facts.referenceUsed(reference) || seen.has(reference)) {
      found.push(
        finding(
          TR347,
          `${path}/ReferentieAanbieder`,
          path,
          `ReferentieAanbieder ${reference} is al eerder door deze aanbieder gebruikt binnen dit wettelijk domein.`,
        ),
      );
    }
    seen.add(reference);
    if (pending) {
      found.push(
        finding(
          TR374,
          path,
          path,
          `Er is al een verzoek van deze aanbieder voor cliënt ${message.client.bsn} in behandeling; wacht op het antwoord van de gemeente.`,
        ),
      );
    }
  }
  if (message.type === '317') {
    const current = facts.currentAllocations(message.client.bsn, today);
    const named = new Set<number>();
    // TR350 for the unchanged products, TR351 for the ones to change: both must be current.
    const parts = [
      ...message.unchanged.map((p) => ({ ...p, rule: TR350 })),
      ...message.changed.map((p) => ({ ...p, rule: TR351 })),
    ];
    for (const p of parts) {
      named.add(p.allocationNumber);
      if (current.has(p.allocationNumber)) continue;
      // On the product's own class, which the 318 returns with its codes.
      found.push(
        finding(
          p.rule,
          `${p.path}/ToewijzingNummer`,
          p.path,
          `Toewijzing ${p.allocationNumber} is geen actuele toewijzing van deze cliënt bij deze aanbieder.`,
        ),
      );
    }
    const missing = [...current].filter((n) => !named.has(n)).sort((a, b) => a - b);
    if (missing.length > 0) {
      found.push(
        finding(
          TR349,
          message.path,
          message.path,
          `Het verzoek noemt niet alle actuele toewijzingen van de cliënt; ontbrekend: ${missing.join(', ')}.`,
        ),
      );
    }
  }
  return found;
}
