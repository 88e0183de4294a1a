/**
 * The iStandaard code lists the registry needs (iWmo 3.2 WMO020, iJw 3.2 JZ020, WJ756), in our
 * own form. A test compares them with the published lists in ../shared/istandaarden.
 */
export interface Code {
  code: string;
  description: string;
}

/** WMO020 Productcategorie (iWmo 3.2). */
export const WMO_PRODUCT_CATEGORIES: readonly Code[] = [
  { code: '01', description: 'Hulp bij het huishouden' },
  { code: '02', description: 'Begeleiding' },
  { code: '03', description: 'Persoonlijke verzorging' },
  { code: '04', description: 'Kortdurend verblijf' },
  { code: '05', description: 'Woondiensten' },
  { code: '06', description: 'Overige ondersteuning gericht op het individu of huishouden/gezin' },
  { code: '07', description: 'Dagbesteding' },
  { code: '08', description: 'Vervoerdiensten' },
  { code: '09', description: 'Overige groepsgerichte ondersteuning' },
  { code: '10', description: 'Overige maatwerk arrangementen' },
  { code: '11', description: 'Rolstoelen' },
  { code: '12', description: 'Vervoervoorzieningen' },
  { code: '13', description: 'Woonvoorzieningen' },
  { code: '14', description: 'Overige hulpmiddelen' },
  { code: '15', description: 'Beschermd wonen' },
  { code: '16', description: 'Opvang' },
  { code: '17', description: 'Spoedopvang' },
  { code: '18', description: 'Overige beschermd wonen en opvang' },
];

/** JZ020 Productcategorie (iJw 3.2), the categories in use since 2017 (the 2015 ones expired). */
export const YOUTH_PRODUCT_CATEGORIES: readonly Code[] = [
  { code: '40', description: 'Persoonlijke verzorging' },
  { code: '41', description: 'Dagbehandeling' },
  { code: '42', description: 'Vervoerdiensten' },
  { code: '43', description: 'Jeugdhulp verblijf (incl. behandeling)' },
  { code: '44', description: 'Jeugdhulp verblijf (excl. behandeling)' },
  { code: '45', description: 'Jeugdhulp ambulant' },
  { code: '46', description: 'Jeugdhulp crisis' },
  { code: '47', description: 'Jeugdreclassering' },
  { code: '48', description: 'Jeugdbescherming' },
  { code: '49', description: 'Activiteiten in het preventief justitieel kader' },
  { code: '50', description: 'Maatwerkarrangementen jeugd' },
  { code: '51', description: 'Generalistische basis-ggz' },
  { code: '52', description: 'Specialistische ggz' },
  { code: '53', description: 'Kindergeneeskunde' },
  { code: '54', description: 'Jeugd-ggz' },
  { code: '55', description: 'Landelijk ingekochte zorg' },
];

/** WJ756 Eenheid (iWmo/iJw 3.2). */
export const UNITS: readonly Code[] = [
  { code: '01', description: 'Minuut' },
  { code: '04', description: 'Uur' },
  { code: '14', description: 'Etmaal' },
  { code: '16', description: 'Dagdeel (4 uur)' },
  { code: '82', description: 'Stuks (output)' },
  { code: '83', description: "Euro's" },
  { code: '84', description: 'Stuks (inspanning)' },
];

/** Units an effort-based (inspanningsgericht) allocation can use: time, or effort pieces. */
export const EFFORT_UNITS: readonly string[] = ['01', '04', '14', '16', '84'];
/** Units an output-based (outputgericht) allocation can use. */
export const OUTPUT_UNITS: readonly string[] = ['82', '83'];
