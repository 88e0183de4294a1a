/**
 * A small History API router: the current path and query, `navigate`, links that stay in the
 * app, and path patterns with `:params`. The server answers every unknown path with
 * index.html, so deep links work.
 */
import { ButtonLink, type ButtonLinkProps, Link, type LinkProps } from '@utrecht/component-library-react';
import {
  type AnchorHTMLAttributes,
  createContext,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

export interface Location {
  path: string;
  search: URLSearchParams;
}

export interface NavigateOptions {
  replace?: boolean;
  /** Shown once on the next page (e.g. "Opgeslagen"). */
  flash?: string;
  /** Shown once on the next page as warnings (e.g. an allocation that could not be sent yet). */
  warnings?: readonly string[];
}

interface RouterState {
  location: Location;
  navigate: (to: string, options?: NavigateOptions) => void;
  flash: string | undefined;
  warnings: readonly string[];
}

const RouterContext = createContext<RouterState | null>(null);

function currentLocation(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(currentLocation);
  const [flash, setFlash] = useState<string | undefined>(undefined);
  const [warnings, setWarnings] = useState<readonly string[]>([]);

  useEffect(() => {
    const onPop = () => {
      setFlash(undefined);
      setWarnings([]);
      setLocation(currentLocation());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const navigate = useCallback((to: string, options: NavigateOptions = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setFlash(options.flash);
    setWarnings(options.warnings ?? []);
    setLocation(currentLocation());
    window.scrollTo(0, 0);
  }, []);

  const value = useMemo(
    () => ({ location, navigate, flash, warnings }),
    [location, navigate, flash, warnings],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

function useRouter(): RouterState {
  const state = useContext(RouterContext);
  if (!state) throw new Error('useRouter needs a RouterProvider');
  return state;
}

export function useLocation(): Location {
  return useRouter().location;
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  return useRouter().navigate;
}

/** The message handed to this page by the one that navigated here, if any. */
export function useFlash(): string | undefined {
  return useRouter().flash;
}

/** The warnings handed to this page by the one that navigated here. */
export function useFlashWarnings(): readonly string[] {
  return useRouter().warnings;
}

/** One query parameter, and a setter that keeps the others (replacing the history entry). */
export function useSearchParams(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const { location, navigate } = useRouter();
  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      const text = next.toString();
      navigate(`${location.path}${text ? `?${text}` : ''}`, { replace: true });
    },
    [location, navigate],
  );
  return [location.search, update];
}

/** `/aanbieders/:id` against `/aanbieders/123` → `{ id: '123' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** Follow an in-app link without a page load; modified clicks (new tab) keep the browser's way. */
function useLinkClick(href: string | undefined, onClick?: (event: MouseEvent<HTMLAnchorElement>) => void) {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !href || !href.startsWith('/') || href.startsWith('/api/')) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
}

export function AppLink({ href, onClick, ...rest }: LinkProps & { href: string }) {
  const handle = useLinkClick(href, onClick);
  return <Link {...rest} href={href} onClick={handle} />;
}

export function AppButtonLink({ href, onClick, ...rest }: ButtonLinkProps & { href: string }) {
  const handle = useLinkClick(href, onClick);
  return <ButtonLink {...rest} href={href} onClick={handle} />;
}

/** A plain anchor (for navigation lists and tiles that bring their own styling). */
export function PlainLink({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = useLinkClick(href, onClick);
  return <a {...rest} href={href} onClick={handle} />;
}
