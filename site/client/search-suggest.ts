// Suggestions for the organization and keyword fields, fetched the first time either field is
// used rather than written into the search page (every organization and the common keywords
// made the page 71 KB). The names are data: they only ever become option values.
import { SEARCH_FILES } from '../lib/search-files.ts';

type Suggestions = Record<'organization' | 'keyword', string[]>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function suggestOnFirstUse(form: HTMLFormElement, base: string): void {
  let loading: Promise<void> | null = null;
  const load = (): Promise<void> => {
    loading ??= fetch(`${base}${SEARCH_FILES.suggestions}`)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((data) => {
        const got = (data ?? {}) as Partial<Record<keyof Suggestions, unknown>>;
        for (const field of ['organization', 'keyword'] as const) {
          const list = form.querySelector<HTMLDataListElement>(`#${field}-suggestions`);
          list?.replaceChildren(...strings(got[field]).map((value) => new Option('', value)));
        }
      })
      .catch(() => {
        loading = null; // suggestions are a help: without them the fields still work
      });
    return loading;
  };
  for (const name of ['organization', 'keyword']) {
    form.querySelector(`[name="${name}"]`)?.addEventListener('focus', () => void load());
  }
}
