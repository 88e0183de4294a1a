import { Heading1 } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useText } from '../i18n/i18n-context.js';

/**
 * The page's one h1. It takes the focus when the page opens, so a screen reader announces the
 * new page after client-side navigation, and it names the browser tab.
 */
export function PageTitle({ children, title }: { children: ReactNode; title?: string }) {
  const t = useText();
  const ref = useRef<HTMLHeadingElement>(null);
  const text = title ?? (typeof children === 'string' ? children : '');

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    document.title = text ? `${text} · ${t('app.name')}` : t('app.name');
  }, [text, t]);

  return (
    <Heading1 ref={ref} tabIndex={-1} id="page-title" className="rk-page-title">
      {children}
    </Heading1>
  );
}
