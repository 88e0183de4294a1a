/**
 * The tabs of a section under the main menu (Berichten, the monitors): links, with the current
 * page marked for assistive technology as well as visually.
 */
import { PlainLink, useLocation } from './router.js';

export function SubNav({
  label,
  items,
}: {
  label: string;
  items: readonly { href: string; label: string }[];
}) {
  const { path } = useLocation();
  return (
    <nav className="rk-subnav" aria-label={label}>
      <ul className="rk-subnav__list">
        {items.map((item) => (
          <li key={item.href} className="rk-subnav__item">
            <PlainLink
              href={item.href}
              className="rk-subnav__link"
              aria-current={path === item.href ? 'page' : undefined}
            >
              {item.label}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
