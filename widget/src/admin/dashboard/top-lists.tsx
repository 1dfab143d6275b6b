/** The dashboard's two rankings of the period, as tables: the most active threads and commenters. */
import type { StatsAuthor, StatsThread } from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';
import { formatNumber } from './format.ts';

export const TopThreads = ({ threads }: { threads: StatsThread[] }) => {
  const { t, lang } = useAdmin();
  const d = t.dashboard;
  return (
    <section class="card" aria-labelledby="top-threads">
      <h3 id="top-threads">{d.topThreads}</h3>
      {threads.length === 0 ? (
        <p class="muted">{d.noActivity}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{d.thread}</th>
                <th scope="col">{d.published}</th>
                <th scope="col">{d.held}</th>
                <th scope="col">{d.likes}</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((thread) => (
                <tr key={thread.key} data-testid="top-thread">
                  <th scope="row">
                    <a href={thread.url} target="_blank" rel="noopener noreferrer">
                      {thread.title || thread.url}
                    </a>
                  </th>
                  <td>{formatNumber(lang, thread.published)}</td>
                  <td>{formatNumber(lang, thread.held)}</td>
                  <td>{formatNumber(lang, thread.likes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

export const TopAuthors = ({ authors }: { authors: StatsAuthor[] }) => {
  const { t, lang } = useAdmin();
  const d = t.dashboard;
  return (
    <section class="card" aria-labelledby="top-authors">
      <h3 id="top-authors">{d.topAuthors}</h3>
      {authors.length === 0 ? (
        <p class="muted">{d.noActivity}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{d.author}</th>
                <th scope="col">{d.comments}</th>
              </tr>
            </thead>
            <tbody>
              {authors.map((author) => (
                <tr key={author.name} data-testid="top-author">
                  <th scope="row">
                    {author.name || t.dashboard.anonymous}{' '}
                    {author.verified && <span class="badge">{d.verified}</span>}
                  </th>
                  <td>{formatNumber(lang, author.comments)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{d.authorsSample}</p>
    </section>
  );
};
