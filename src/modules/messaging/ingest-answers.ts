/**
 * The documents the municipality answers a provider's message with: the return message (306,
 * 308) with codes per berichtklasse, or the claim answer (325) with the refused services.
 */
import { randomBytes } from 'node:crypto';
import type { ClaimMessage, ProviderMessage } from './codec/provider-messages.js';
import { buildClaimAnswer, buildReturnMessage } from './codec/return-messages.js';
import type { MessageKind } from './standard/message-kinds.js';
import type { MessageObject } from './xml/validate.js';
import { writeMessage } from './xml/write.js';

export interface AnswerDocument {
  kind: MessageKind;
  identification: string;
  document: string;
}

/** LDT_IdentificatieBericht: at most 12 characters, unique per message type for the sender. */
export function newIdentification(): string {
  return randomBytes(6).toString('hex');
}

export interface AnswerCodes {
  /** Codes for the message as a whole; when there are any, the message is refused. */
  headerCodes: readonly string[];
  /** Codes per berichtklasse path. */
  classCodes: ReadonlyMap<string, readonly string[]>;
}

export function answerDocument(
  message: MessageObject,
  decoded: ProviderMessage,
  codes: AnswerCodes,
  awardedCents: number,
  today: string,
): AnswerDocument {
  const identification = newIdentification();
  if (decoded.type === '323') return claimAnswer(decoded, codes, awardedCents, today, identification);
  const built = buildReturnMessage({
    answered: decoded.kind,
    message,
    identification,
    datedOn: today,
    headerCodes: codes.headerCodes,
    classCodes: codes.classCodes,
    refused: codes.headerCodes.length > 0,
  });
  return { kind: built.kind, identification, document: writeMessage(built.message, built.kind.schema) };
}

function claimAnswer(
  decoded: ClaimMessage,
  codes: AnswerCodes,
  awardedCents: number,
  today: string,
  identification: string,
): AnswerDocument {
  const refusedServices = new Map<string, readonly string[]>();
  for (const service of decoded.services) {
    const serviceCodes = codes.classCodes.get(service.path);
    if (serviceCodes) refusedServices.set(service.path, serviceCodes);
  }
  const built = buildClaimAnswer({
    claim: decoded,
    identification,
    datedOn: today,
    refusalCodes: codes.headerCodes,
    refusedServices,
    awardedCents,
  });
  return { kind: built.kind, identification, document: writeMessage(built.message, built.kind.schema) };
}
