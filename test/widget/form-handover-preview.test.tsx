/**
 * A click on Preview in the app's form (components/comment-form.tsx) before the extras are in: the full
 * form arrives showing the preview of the draft, the click is not lost. Its own file, so the extras are
 * not in yet when the test starts (form-handover.test.tsx has the rest of the handover).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { draftKey } from '../../widget/src/storage.ts';
import { fakeFetch, json, options, page, server } from './helpers.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});

it('passes a click on Preview made before the extras are in to the full form', async () => {
  localStorage.setItem(
    `causerie:${draftKey('https://blog.example/post', null)}`,
    JSON.stringify({ body: 'Du **gras**' }),
  );
  const thread = server(page([]));
  const requests = fakeFetch((request) =>
    request.url.pathname === '/api/v1/preview'
      ? json({ html: '<p>Du <strong>gras</strong></p>' })
      : thread(request),
  );
  render(<App _options={options()} />);
  const form = await screen.findByRole('form', { name: 'Laisser un commentaire' });
  fireEvent.pointerDown(form);
  fireEvent.click(within(form).getByRole('button', { name: 'Aperçu' }));
  const script = document.head.querySelector('script');
  expect(script).toBeTruthy();
  await import('../../widget/src/extras.ts');
  script?.dispatchEvent(new Event('load'));

  const full = (await screen.findByLabelText('Nom')).closest('form') as HTMLFormElement;
  expect(within(full).getByRole('button', { name: 'Aperçu', pressed: true })).toBeTruthy();
  expect((await within(full).findByText('gras')).tagName).toBe('STRONG');
  expect(requests.find((r) => r.url.pathname === '/api/v1/preview')?.body).toEqual({ body: 'Du **gras**' });
});
