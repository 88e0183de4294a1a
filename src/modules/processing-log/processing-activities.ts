/**
 * The register of processing activities (verwerkingsactiviteiten, AVG art. 30). Every log entry
 * names one, so purpose, legal basis, confidentiality and retention are stated once, here,
 * instead of by each caller.
 */
export interface ProcessingActivity {
  name: string;
  purpose: string;
  legalBasis: string;
  confidentiality: 'normal' | 'confidential';
  /** ISO 8601 duration the processed data is kept. */
  retentionPeriod: string;
}

const RESIDENT_REGISTRATION = {
  purpose: 'Vaststellen en bijhouden van de identiteit en woonbuurt van inwoners die ondersteuning vragen',
  legalBasis:
    'AVG art. 6 lid 1 sub e en art. 9 lid 2 sub h; Wmo 2015 art. 5.1.1; Jeugdwet art. 7.4.0; Participatiewet art. 64',
  confidentiality: 'confidential',
  retentionPeriod: 'P15Y',
} as const;

const SUPERVISION = {
  purpose:
    'Toezicht op de verwerking van persoonsgegevens door de functionaris gegevensbescherming, en inzage door betrokkenen',
  legalBasis: 'AVG art. 5 lid 2, art. 15 en art. 39; Wmo 2015 art. 5.1.1',
  confidentiality: 'confidential',
  retentionPeriod: 'P15Y',
} as const;

const CASE_HANDLING = {
  purpose:
    'Onderzoeken van een hulpvraag en besluiten over ondersteuning, jeugdhulp of bijstand (toegang en maatwerk)',
  legalBasis:
    'AVG art. 6 lid 1 sub c en e, art. 9 lid 2 sub h; Wmo 2015 art. 2.3.2–2.3.5 en 5.1.1; Jeugdwet art. 2.3 en 7.4.0; Participatiewet art. 43 en 64',
  confidentiality: 'confidential',
  retentionPeriod: 'P15Y',
} as const;

const MESSAGE_EXCHANGE = {
  purpose:
    'Uitwisselen van toewijzingen, start- en stopberichten en declaraties met zorgaanbieders volgens iWmo en iJw, en controleren of de zorg wordt geleverd zoals toegewezen',
  legalBasis:
    'AVG art. 6 lid 1 sub c en e, art. 9 lid 2 sub h; Wmo 2015 art. 5.1.1 en 5.2.1; Jeugdwet art. 7.4.0 en 7.4.4',
  confidentiality: 'confidential',
  retentionPeriod: 'P7Y',
} as const;

export const PROCESSING_ACTIVITIES = {
  'message.receive': { name: 'Bericht van een aanbieder verwerken', ...MESSAGE_EXCHANGE },
  'message.view': { name: 'Berichten met aanbieders inzien', ...MESSAGE_EXCHANGE },
  'message.send': { name: 'Toewijzing naar een aanbieder sturen', ...MESSAGE_EXCHANGE },
  'case.open': { name: 'Melding of aanvraag vastleggen', ...CASE_HANDLING },
  'case.view': { name: 'Casus inzien', ...CASE_HANDLING },
  'case.update': { name: 'Stap in de casus vastleggen', ...CASE_HANDLING },
  'case.worklist': { name: 'Werkvoorraad inzien', ...CASE_HANDLING },
  'case.outcome-list': { name: 'Casussen achter een monitorcijfer inzien', ...CASE_HANDLING },
  'case.resident-list': { name: 'Casussen van een inwoner inzien', ...CASE_HANDLING },
  'assessment.record': { name: 'Onderzoek en plan vastleggen', ...CASE_HANDLING },
  'assessment.view': { name: 'Onderzoek en plan inzien', ...CASE_HANDLING },
  'evaluation.record': { name: 'Evaluatie vastleggen', ...CASE_HANDLING },
  'evaluation.view': { name: 'Evaluaties inzien', ...CASE_HANDLING },
  'evaluation.due': { name: 'Te evalueren casussen inzien', ...CASE_HANDLING },
  'processing-log.view': { name: 'Verwerkingenlog inzien', ...SUPERVISION },
  'processing-log.export': { name: 'Verwerkingenlog exporteren', ...SUPERVISION },
  'resident.search': { name: 'Inwoners zoeken', ...RESIDENT_REGISTRATION },
  'resident.view': { name: 'Inwoner inzien', ...RESIDENT_REGISTRATION },
  'resident.register': { name: 'Inwoner registreren', ...RESIDENT_REGISTRATION },
  'resident.update': { name: 'Inwonergegevens wijzigen', ...RESIDENT_REGISTRATION },
  'resident.seed': {
    name: 'Demogegevens genereren',
    purpose: 'Vullen van de fictieve demogemeente met verzonnen inwoners',
    legalBasis: 'Geen persoonsgegevens van echte personen (fictieve demo)',
    confidentiality: 'normal',
    retentionPeriod: 'P1Y',
  },
} as const satisfies Record<string, ProcessingActivity>;

export type ProcessingActivityId = keyof typeof PROCESSING_ACTIVITIES;
