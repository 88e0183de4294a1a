import { Fieldset, FieldsetLegend, FormFieldDescription } from '@utrecht/component-library-react';
import {
  GENDERS,
  HOUSE_LETTER,
  normalisePostcode,
  POSTCODE,
  RESIDENT_LIMITS,
} from '../../../modules/registry/resident-rules.js';
import { useNeighbourhoods } from '../../api/geography.js';
import { type Resident, type ResidentRequest, saveResident, useResident } from '../../api/registry.js';
import { useText } from '../../i18n/i18n-context.js';
import type { TextKey } from '../../i18n/nl.js';
import { BackLink } from '../../ui/BackLink.js';
import { SelectField, TextField } from '../../ui/Field.js';
import { FormShell } from '../../ui/FormShell.js';
import { LoadError, Loading } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { useNavigate } from '../../ui/router.js';
import { type ClientErrors, useForm } from '../../ui/use-form.js';
import { bsn, isoDate } from '../../ui/validation.js';

export function ResidentFormPage({ id }: { id: string | null }) {
  const t = useText();
  const { data, error } = useResident(id);
  const title = id === null ? t('residents.new') : t('resident.editTitle', { name: data?.name ?? '' });
  return (
    <>
      <BackLink
        href={id === null ? '/inwoners' : `/inwoners/${id}`}
        label={id === null ? t('residents.title') : (data?.name ?? t('resident.title'))}
      />
      <PageTitle title={title}>{title}</PageTitle>
      {error ? <LoadError error={error} /> : null}
      {id !== null && !data && !error ? <Loading /> : null}
      {id === null || data ? <ResidentForm id={id} resident={data} /> : null}
    </>
  );
}

// The address fields carry the server's field names, so its errors land on them.
interface ResidentFormValues {
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  gender: string;
  dateOfBirth: string;
  bsn: string;
  neighbourhoodCode: string;
  'address.street': string;
  'address.houseNumber': string;
  'address.houseLetter': string;
  'address.houseNumberAddition': string;
  'address.postcode': string;
  'address.place': string;
}

const ADDRESS_FIELDS = [
  'address.street',
  'address.houseNumber',
  'address.houseLetter',
  'address.houseNumberAddition',
  'address.postcode',
  'address.place',
] as const;

function tooLong(value: string, max: number, key: TextKey): TextKey | undefined {
  return value.trim().length > max ? key : undefined;
}

/** The client-side mirror of the server's rules (resident-rules.ts and the API schema). */
function validateResident(v: ResidentFormValues, today: string): ClientErrors {
  const hasAddress = ADDRESS_FIELDS.some((name) => v[name].trim() !== '');
  const needed = (value: string, key: TextKey) => (hasAddress && value.trim() === '' ? key : undefined);
  const houseNumber = v['address.houseNumber'].trim();
  const houseLetter = v['address.houseLetter'].trim();
  const postcode = v['address.postcode'].trim();
  return {
    givenNames: tooLong(v.givenNames, RESIDENT_LIMITS.givenNames, 'validation.givenNamesLength'),
    familyNamePrefix: tooLong(
      v.familyNamePrefix,
      RESIDENT_LIMITS.familyNamePrefix,
      'validation.familyNamePrefixLength',
    ),
    familyName:
      v.familyName.trim() === ''
        ? 'validation.familyNameRequired'
        : tooLong(v.familyName, RESIDENT_LIMITS.familyName, 'validation.familyNameLength'),
    bsn: bsn(v.bsn),
    dateOfBirth:
      isoDate(v.dateOfBirth) ??
      (v.dateOfBirth > today
        ? 'validation.dateOfBirthFuture'
        : v.dateOfBirth < '1900-01-01'
          ? 'validation.dateOfBirthOld'
          : undefined),
    'address.street':
      needed(v['address.street'], 'validation.streetRequired') ??
      tooLong(v['address.street'], RESIDENT_LIMITS.street, 'validation.streetLength'),
    'address.houseNumber':
      needed(houseNumber, 'validation.houseNumberRequired') ??
      (houseNumber !== '' && !/^[0-9]{1,5}$/.test(houseNumber) ? 'validation.houseNumber' : undefined),
    'address.houseLetter':
      houseLetter !== '' && !HOUSE_LETTER.test(houseLetter) ? 'validation.houseLetter' : undefined,
    'address.houseNumberAddition': tooLong(
      v['address.houseNumberAddition'],
      RESIDENT_LIMITS.houseNumberAddition,
      'validation.houseNumberAddition',
    ),
    'address.postcode':
      needed(postcode, 'validation.postcodeRequired') ??
      (postcode !== '' && !POSTCODE.test(normalisePostcode(postcode)) ? 'validation.postcode' : undefined),
    'address.place':
      needed(v['address.place'], 'validation.placeRequired') ??
      tooLong(v['address.place'], RESIDENT_LIMITS.place, 'validation.placeLength'),
  };
}

function orNull(value: string): string | null {
  const text = value.trim();
  return text === '' ? null : text;
}

function toRequest(v: ResidentFormValues): ResidentRequest {
  const gender = GENDERS.find((g) => g === v.gender) ?? '0';
  const hasAddress = ADDRESS_FIELDS.some((name) => v[name].trim() !== '');
  return {
    bsn: v.bsn.trim(),
    givenNames: orNull(v.givenNames),
    familyNamePrefix: orNull(v.familyNamePrefix),
    familyName: orNull(v.familyName),
    gender,
    dateOfBirth: v.dateOfBirth,
    neighbourhoodCode: v.neighbourhoodCode === '' ? null : v.neighbourhoodCode,
    address: hasAddress
      ? {
          street: v['address.street'].trim(),
          houseNumber: Number(v['address.houseNumber'].trim()),
          houseLetter: orNull(v['address.houseLetter']),
          houseNumberAddition: orNull(v['address.houseNumberAddition']),
          postcode: normalisePostcode(v['address.postcode']),
          place: v['address.place'].trim(),
        }
      : null,
  };
}

function ResidentForm({ id, resident }: { id: string | null; resident: Resident | undefined }) {
  const t = useText();
  const navigate = useNavigate();
  const { data: neighbourhoods } = useNeighbourhoods();
  const today = new Date().toISOString().slice(0, 10);
  const address = resident?.address ?? null;
  const form = useForm<ResidentFormValues>({
    initial: {
      givenNames: resident?.givenNames ?? '',
      familyNamePrefix: resident?.familyNamePrefix ?? '',
      familyName: resident?.familyName ?? '',
      gender: resident?.gender ?? '0',
      dateOfBirth: resident?.dateOfBirth ?? '',
      bsn: resident?.bsn ?? '',
      neighbourhoodCode: resident?.neighbourhoodCode ?? '',
      'address.street': address?.street ?? '',
      'address.houseNumber': address === null ? '' : String(address.houseNumber),
      'address.houseLetter': address?.houseLetter ?? '',
      'address.houseNumberAddition': address?.houseNumberAddition ?? '',
      'address.postcode': address?.postcode ?? '',
      'address.place': address?.place ?? '',
    },
    validate: (v) => validateResident(v, today),
  });
  const options = [...(neighbourhoods?.items ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((n) => ({ value: n.code, label: `${n.name} (${n.code})` }));
  // A resident registered before the name was kept in parts: show what is registered now.
  const registeredName =
    resident && resident.familyName === null ? t('resident.registeredName', { name: resident.name }) : null;
  // Once any address field is filled in, the address must be whole.
  const addressRequired = ADDRESS_FIELDS.some((name) => form.values[name].trim() !== '');
  return (
    <FormShell
      form={form}
      submitLabel={t('action.save')}
      cancelHref={id === null ? '/inwoners' : `/inwoners/${id}`}
      onSubmit={async (v) => {
        const saved = await saveResident(id, toRequest(v));
        navigate(`/inwoners/${saved.id}`, { flash: t('resident.saved', { name: saved.name }) });
      }}
    >
      <TextField
        field={form.bind('givenNames')}
        label={t('resident.givenNames')}
        description={t('resident.givenNamesDescription')}
        autoComplete="off"
      />
      <div className="rk-field-row">
        <TextField
          field={form.bind('familyNamePrefix')}
          label={t('resident.familyNamePrefix')}
          description={t('resident.familyNamePrefixDescription')}
          size="small"
          autoComplete="off"
        />
        <TextField
          field={form.bind('familyName')}
          label={t('resident.familyName')}
          description={registeredName ?? t('resident.familyNameDescription')}
          required
          size="medium"
          autoComplete="off"
        />
      </div>
      <SelectField
        field={form.bind('gender')}
        label={t('resident.gender')}
        required
        options={GENDERS.map((g) => ({ value: g, label: t(`resident.gender.${g}`) }))}
      />
      <TextField
        field={form.bind('dateOfBirth')}
        label={t('resident.dateOfBirth')}
        type="date"
        required
        size="small"
      />
      <TextField
        field={form.bind('bsn')}
        label={t('resident.bsn')}
        description={t('resident.bsnDescription')}
        required
        inputMode="numeric"
        size="small"
        spellCheck={false}
        autoComplete="off"
      />
      <SelectField
        field={form.bind('neighbourhoodCode')}
        label={t('resident.neighbourhood')}
        description={t('resident.neighbourhoodDescription')}
        placeholder={t('resident.noNeighbourhood')}
        options={options}
      />
      <Fieldset className="rk-lines" aria-describedby="address-description">
        <FieldsetLegend>
          {t('resident.address')} <span className="rk-optional">{t('form.optional')}</span>
        </FieldsetLegend>
        <FormFieldDescription id="address-description">
          {t('resident.addressDescription')}
        </FormFieldDescription>
        <TextField
          field={form.bind('address.street')}
          label={t('resident.street')}
          required={addressRequired}
          size="medium"
          autoComplete="off"
        />
        <div className="rk-field-row">
          <TextField
            field={form.bind('address.houseNumber')}
            label={t('resident.houseNumber')}
            required={addressRequired}
            inputMode="numeric"
            size="small"
            autoComplete="off"
          />
          <TextField
            field={form.bind('address.houseLetter')}
            label={t('resident.houseLetter')}
            size="small"
            autoComplete="off"
          />
          <TextField
            field={form.bind('address.houseNumberAddition')}
            label={t('resident.houseNumberAddition')}
            description={t('resident.houseNumberAdditionDescription')}
            size="small"
            autoComplete="off"
          />
        </div>
        <div className="rk-field-row">
          <TextField
            field={form.bind('address.postcode')}
            label={t('resident.postcode')}
            required={addressRequired}
            description={t('resident.postcodeDescription')}
            size="small"
            spellCheck={false}
            autoComplete="off"
          />
          <TextField
            field={form.bind('address.place')}
            label={t('resident.place')}
            required={addressRequired}
            size="medium"
            autoComplete="off"
          />
        </div>
      </Fieldset>
    </FormShell>
  );
}
