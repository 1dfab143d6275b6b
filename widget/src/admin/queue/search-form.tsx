/** The queue's search: words in the text or author (`q`) and one page's URL (`url`). */
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useAdmin } from '../context.ts';

interface Props {
  q?: string;
  url?: string;
  inputRef: Ref<HTMLInputElement>;
  onSearch: (q?: string, url?: string) => void;
}

export const SearchForm = ({ q = '', url = '', inputRef, onSearch }: Props) => {
  const { t } = useAdmin();
  const [text, setText] = useState(q);
  const [page, setPage] = useState(url);
  // "Show comments" on a thread sets the URL from outside.
  useEffect(() => setPage(url), [url]);

  return (
    <form
      class="search"
      aria-label={t.search}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim() || undefined, page.trim() || undefined);
      }}
    >
      <div class="field">
        <label for="queue-q">{t.searchLabel}</label>
        <input
          id="queue-q"
          type="search"
          ref={inputRef}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="queue-url">{t.urlLabel}</label>
        <input id="queue-url" type="url" value={page} onInput={(e) => setPage(e.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="submit">{t.searchSubmit}</button>
        {(q || url) && (
          <button
            type="button"
            onClick={() => {
              setText('');
              setPage('');
              onSearch(undefined, undefined);
            }}
          >
            {t.clear}
          </button>
        )}
      </div>
    </form>
  );
};
