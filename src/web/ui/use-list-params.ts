/** A list's search text and page number, kept in the address so Back and bookmarks work. */
import { useSearchParams } from './router.js';

export const PAGE_SIZE = 25;

export function useListParams(extraKeys: readonly string[] = []) {
  const [params, update] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const pageText = Number(params.get('pagina') ?? '1');
  const page = Number.isInteger(pageText) && pageText > 0 ? pageText : 1;
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
  };
}
