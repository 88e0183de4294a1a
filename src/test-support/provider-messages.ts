/**
 * iWmo 3.2 provider messages for tests, written the way a provider's system writes them: a start
 * of care (305), a stop (307) and a claim (323), with the values a test cares about.
 */

export interface MessageEnvelope {
  sender: string;
  receiver: string;
  identification: string;
  datedOn: string;
}

export interface ClientData {
  bsn: string;
  dateOfBirth: string;
}

function header(code: string, type: string, e: MessageEnvelope): string {
  return `  <wmo${type}:Header>
    <wmo${type}:BerichtCode>${code}</wmo${type}:BerichtCode>
    <wmo${type}:BerichtVersie>3</wmo${type}:BerichtVersie>
    <wmo${type}:BerichtSubversie>2</wmo${type}:BerichtSubversie>
    <wmo${type}:Afzender>${e.sender}</wmo${type}:Afzender>
    <wmo${type}:Ontvanger>${e.receiver}</wmo${type}:Ontvanger>
    <wmo${type}:BerichtIdentificatie>
      <iwmo:Identificatie>${e.identification}</iwmo:Identificatie>
      <iwmo:Dagtekening>${e.datedOn}</iwmo:Dagtekening>
    </wmo${type}:BerichtIdentificatie>
    <wmo${type}:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo${type}:XsdVersie>
  </wmo${type}:Header>`;
}

function open(type: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wmo${type}:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo${type}="http://www.istandaarden.nl/iwmo/3_2/wmo${type}/schema">`;
}

function client(type: string, c: ClientData): string {
  return `    <wmo${type}:Bsn>${c.bsn}</wmo${type}:Bsn>
    <wmo${type}:Geboortedatum>
      <iwmo:Datum>${c.dateOfBirth}</iwmo:Datum>
    </wmo${type}:Geboortedatum>
    <wmo${type}:Geslacht>0</wmo${type}:Geslacht>
    <wmo${type}:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>Testpersoon</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
    </wmo${type}:Naam>`;
}

export interface CareLine {
  allocationNumber: number;
  productCategory: string;
  productCode?: string;
  allocationStartDate: string;
  startDate: string;
  status?: '1' | '3';
}

function product(type: string, line: CareLine): string {
  return `        <wmo${type}:ToewijzingNummer>${line.allocationNumber}</wmo${type}:ToewijzingNummer>
        <wmo${type}:Product>
          <iwmo:Categorie>${line.productCategory}</iwmo:Categorie>${line.productCode ? `\n          <iwmo:Code>${line.productCode}</iwmo:Code>` : ''}
        </wmo${type}:Product>
        <wmo${type}:ToewijzingIngangsdatum>${line.allocationStartDate}</wmo${type}:ToewijzingIngangsdatum>
        <wmo${type}:Begindatum>${line.startDate}</wmo${type}:Begindatum>`;
}

export function careStartMessage(e: MessageEnvelope, c: ClientData, lines: readonly CareLine[]): string {
  const body = lines
    .map(
      (line) => `      <wmo305:StartProduct>
${product('305', line)}
        <wmo305:StatusAanlevering>${line.status ?? '1'}</wmo305:StatusAanlevering>
      </wmo305:StartProduct>`,
    )
    .join('\n');
  return `${open('305')}
${header('418', '305', e)}
  <wmo305:Client>
${client('305', c)}
    <wmo305:StartProducten>
${body}
    </wmo305:StartProducten>
  </wmo305:Client>
</wmo305:Bericht>
`;
}

export interface StopLine extends CareLine {
  reason: string;
  endDate: string;
}

export function careStopMessage(e: MessageEnvelope, c: ClientData, lines: readonly StopLine[]): string {
  const body = lines
    .map(
      (line) => `      <wmo307:StopProduct>
${product('307', line)}
        <wmo307:RedenBeeindiging>${line.reason}</wmo307:RedenBeeindiging>
        <wmo307:Einddatum>${line.endDate}</wmo307:Einddatum>
        <wmo307:StatusAanlevering>${line.status ?? '1'}</wmo307:StatusAanlevering>
      </wmo307:StopProduct>`,
    )
    .join('\n');
  return `${open('307')}
${header('420', '307', e)}
  <wmo307:Client>
${client('307', c)}
    <wmo307:StopProducten>
${body}
    </wmo307:StopProducten>
  </wmo307:Client>
</wmo307:Bericht>
`;
}

export interface ServiceLine {
  bsn: string;
  referenceNumber: string;
  previousReferenceNumber?: string;
  allocationNumber: number;
  productCategory: string;
  productCode: string;
  periodStart: string;
  periodEnd: string;
  deliveredVolume: number;
  unit: string;
  tariffCents?: number;
  amountCents: number;
  debitCredit?: 'D' | 'C';
}

export function claimMessage(
  e: MessageEnvelope,
  claim: { number: string; periodStart: string; periodEnd: string },
  services: readonly ServiceLine[],
): string {
  const byClient = new Map<string, ServiceLine[]>();
  for (const s of services) byClient.set(s.bsn, [...(byClient.get(s.bsn) ?? []), s]);
  let total = 0;
  for (const s of services) total += (s.debitCredit ?? 'D') === 'C' ? -s.amountCents : s.amountCents;
  const clients = [...byClient.entries()]
    .map(
      ([bsn, lines]) => `      <wmo323:Client>
        <wmo323:Bsn>${bsn}</wmo323:Bsn>
        <wmo323:Prestaties>
${lines
  .map(
    (s) => `          <wmo323:Prestatie>
            <wmo323:ProductReferentie>
              <iwmo:ReferentieNummer>${s.referenceNumber}</iwmo:ReferentieNummer>${s.previousReferenceNumber ? `\n              <iwmo:VorigReferentieNummer>${s.previousReferenceNumber}</iwmo:VorigReferentieNummer>` : ''}
            </wmo323:ProductReferentie>
            <wmo323:ToewijzingNummer>${s.allocationNumber}</wmo323:ToewijzingNummer>
            <wmo323:ProductCategorie>${s.productCategory}</wmo323:ProductCategorie>
            <wmo323:ProductCode>${s.productCode}</wmo323:ProductCode>
            <wmo323:ProductPeriode>
              <iwmo:Begindatum>${s.periodStart}</iwmo:Begindatum>
              <iwmo:Einddatum>${s.periodEnd}</iwmo:Einddatum>
            </wmo323:ProductPeriode>
            <wmo323:GeleverdVolume>${s.deliveredVolume}</wmo323:GeleverdVolume>
            <wmo323:Eenheid>${s.unit}</wmo323:Eenheid>${s.tariffCents === undefined ? '' : `\n            <wmo323:ProductTarief>${s.tariffCents}</wmo323:ProductTarief>`}
            <wmo323:IngediendBedrag>
              <iwmo:Bedrag>${s.amountCents}</iwmo:Bedrag>
              <iwmo:DebetCredit>${s.debitCredit ?? 'D'}</iwmo:DebetCredit>
            </wmo323:IngediendBedrag>
          </wmo323:Prestatie>`,
  )
  .join('\n')}
        </wmo323:Prestaties>
      </wmo323:Client>`,
    )
    .join('\n');
  return `${open('323')}
${header('484', '323', e)}
  <wmo323:Declaratie>
    <wmo323:DeclaratieNummer>${claim.number}</wmo323:DeclaratieNummer>
    <wmo323:DeclaratiePeriode>
      <iwmo:Begindatum>${claim.periodStart}</iwmo:Begindatum>
      <iwmo:Einddatum>${claim.periodEnd}</iwmo:Einddatum>
    </wmo323:DeclaratiePeriode>
    <wmo323:DeclaratieDagtekening>${e.datedOn}</wmo323:DeclaratieDagtekening>
    <wmo323:TotaalIngediendBedrag>
      <iwmo:TotaalBedrag>${Math.abs(total)}</iwmo:TotaalBedrag>
      <iwmo:DebetCredit>${total < 0 ? 'C' : 'D'}</iwmo:DebetCredit>
    </wmo323:TotaalIngediendBedrag>
    <wmo323:Clienten>
${clients}
    </wmo323:Clienten>
  </wmo323:Declaratie>
</wmo323:Bericht>
`;
}
