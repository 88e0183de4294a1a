import { AppLink } from './router.js';

/** "← Aanbieders": the way back up, above the page title. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="rk-back">
      <AppLink href={href}>
        <span aria-hidden="true">← </span>
        {label}
      </AppLink>
    </p>
  );
}
