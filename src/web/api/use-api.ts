/**
 * A small data-loading hook: GET a path with a query, keep the last answer, expose the error,
 * and reload on demand. Answers to superseded requests are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiGet, type Query, queryString } from './http.js';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GET `path` (null: do not load yet). Re-fetches when the path or the query changes. */
export function useApiGet<T>(path: string | null, query?: Query): ApiState<T> {
  const key = path === null ? null : `${path}${queryString(query)}`;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError; loading: boolean }>({
    key: null,
    loading: path !== null,
  });
  const [generation, setGeneration] = useState(0);
  const queryRef = useRef(query);
  queryRef.current = query;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for path and query; generation forces a reload.
  useEffect(() => {
    if (path === null) {
      setState({ key: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    apiGet<T>(path, queryRef.current, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : '');
        setState({ key, error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
