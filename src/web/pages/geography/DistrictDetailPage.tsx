import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { type Neighbourhood, useDistrict } from '../../api/geography.js';
import { useAccount } from '../../api/session.js';
import { useText } from '../../i18n/i18n-context.js';
import { canWrite } from '../../ui/access.js';
import { BackLink } from '../../ui/BackLink.js';
import { type Column, DataTable } from '../../ui/DataTable.js';
import { Details } from '../../ui/Details.js';
import { formatNumber } from '../../ui/format.js';
import { EmptyState } from '../../ui/ListParts.js';
import { LoadError, Loading, SavedMessage } from '../../ui/LoadState.js';
import { PageTitle } from '../../ui/PageTitle.js';
import { AppButtonLink, AppLink, useFlash } from '../../ui/router.js';
import { GeoDrawing } from './GeoDrawing.js';

export function DistrictDetailPage({ code }: { code: string }) {
  const t = useText();
  const account = useAccount();
  const flash = useFlash();
  const { data: district, error } = useDistrict(code);
  const writable = canWrite(account.role, 'geography');
  const title = district ? t('district.titleWithName', { name: district.name }) : t('district.title');

  const columns: Column<Neighbourhood>[] = [
    { key: 'code', label: t('neighbourhood.code'), render: (n) => n.code, sortValue: (n) => n.code },
    { key: 'name', label: t('neighbourhood.name'), render: (n) => n.name, sortValue: (n) => n.name },
    {
      key: 'population',
      label: t('neighbourhood.population'),
      render: (n) => formatNumber(n.population),
      sortValue: (n) => n.population,
      numeric: true,
    },
    ...(writable
      ? [
          {
            key: 'actions',
            label: t('list.actions'),
            render: (n: Neighbourhood) => (
              <AppLink href={`/buurten/${n.code}/bewerken`}>
                {t('action.edit')}
                <span className="rk-visually-hidden"> {n.name}</span>
              </AppLink>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <BackLink href="/wijken" label={t('districts.title')} />
      <SavedMessage message={flash} />
      <div className="rk-title-row">
        <PageTitle title={title}>{title}</PageTitle>
        {district && writable ? (
          <AppButtonLink href={`/wijken/${code}/bewerken`} appearance="secondary-action-button">
            {t('action.edit')}
          </AppButtonLink>
        ) : null}
      </div>
      {error ? <LoadError error={error} /> : null}
      {!district && !error ? <Loading /> : null}
      {district ? (
        <div className="rk-split">
          <div>
            <Details
              items={[
                { label: t('district.code'), value: district.code },
                { label: t('district.population'), value: formatNumber(district.population) },
                { label: t('district.neighbourhoodCount'), value: formatNumber(district.neighbourhoodCount) },
              ]}
            />
            <section aria-labelledby="neighbourhoods-heading" className="rk-section">
              <div className="rk-title-row">
                <Heading2 id="neighbourhoods-heading">{t('district.neighbourhoods')}</Heading2>
                {writable ? (
                  <AppButtonLink href={`/buurten/nieuw?wijk=${code}`} appearance="secondary-action-button">
                    {t('neighbourhoods.new')}
                  </AppButtonLink>
                ) : null}
              </div>
              {district.neighbourhoods.length === 0 ? (
                <EmptyState message={t('district.noNeighbourhoods')} />
              ) : (
                <DataTable
                  caption={t('district.neighbourhoodsCaption', { name: district.name })}
                  columns={columns}
                  rows={district.neighbourhoods}
                  rowKey={(n) => n.code}
                />
              )}
            </section>
          </div>
          <section aria-labelledby="map-heading" className="rk-section">
            <Heading2 id="map-heading">{t('district.map')}</Heading2>
            {district.geometry || district.neighbourhoods.some((n) => n.geometry) ? (
              <GeoDrawing
                title={t('district.mapTitle', { name: district.name })}
                description={t('district.mapDescription', {
                  name: district.name,
                  names: district.neighbourhoods.map((n) => n.name).join(', '),
                })}
                district={district.geometry}
                neighbourhoods={district.neighbourhoods}
              />
            ) : (
              <Paragraph className="rk-muted">{t('district.noGeometry')}</Paragraph>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}
