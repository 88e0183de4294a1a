/** A list's search text and page number, kept in the address so Back and bookmarks work. */
import { useSearchParams } from './router.js';

export const PAGE_SIZE = 25;

export function useListParams(extraKeys: readonly string[] = []) {
  const [params, update] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const page = pageNumber(params.get('pagina'));
  const extra: Record<string, string> = {};
  for (const key of extraKeys) extra[key] = params.get(key) ?? '';
  return {
    search,
    page,
    extra,
    paging: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    /** A new filter starts again at page 1. */
    setFilter: (changes: Record<string, string>) => update({ ...changes, pagina: undefined }),
    setPage: (next: number) => update({ pagina: next > 1 ? String(next) : undefined }),
    /** Changes extra parameters only (a second list's page), keeping the main list's page. */
    setExtra: (changes: Record<string, string>) => update(changes),
  };
}

/** A page number from the address: a positive integer, or 1. */
export function pageNumber(text: string | null | undefined): number {
  const value = Number(text ?? '1');
  return Number.isInteger(value) && value > 0 ? value : 1;
}
