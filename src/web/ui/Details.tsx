import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useText } from '../i18n/i18n-context.js';

/** Key–value details of one record; an empty value reads "niet ingevuld". */
export function Details({ items }: { items: readonly { label: string; value: ReactNode }[] }) {
  const t = useText();
  return (
    <DataList className="rk-details">
      {items.map((item) => (
        <DataListItem key={item.label}>
          <DataListKey>{item.label}</DataListKey>
          <DataListValue>
            {item.value === '' || item.value === null || item.value === undefined ? (
              <span className="rk-muted">{t('state.notFilled')}</span>
            ) : (
              item.value
            )}
          </DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
