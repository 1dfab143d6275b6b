/**
 * The comment form before the extras are in (what every reader gets first: components/comment-form.tsx)
 * and its handover to the full form (components/full-form.tsx) when the reader turns to it. This file does
 * not import extras.ts up front: the app asks for causerie-extras with a <script>, which the test answers by
 * registering the part (the import) and firing the script's `load`, as a browser would.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { draftKey } from '../../widget/src/storage.ts';
import type { NewComment } from '../../worker/types/api.ts';
import { comment, echoPost, fakeFetch, options, page, server } from './helpers.ts';

/** The <script> the app added to load its extras, if any. */
const extrasScript = () => document.head.querySelector('script');

/** Answers that script: the part registers itself when it runs, then the browser fires `load`. */
const deliverExtras = async (script: HTMLScriptElement) => {
  await import('../../widget/src/extras.ts');
  script.dispatchEvent(new Event('load'));
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the comment form before the reader turns to it', () => {
  it('saves what is typed into it as the draft, so a reload before the extras are in keeps it', async () => {
    localStorage.clear();
    fakeFetch(server(page([])));
    render(<App _options={options()} />);
    const form = await screen.findByRole('form', { name: 'Laisser un commentaire' });
    fireEvent.input(within(form).getByLabelText('Commentaire'), { target: { value: 'Tapé tout de suite' } });
    cleanup(); // the reader reloads the page at once

    render(<App _options={options()} />);
    const again = await screen.findByRole('form', { name: 'Laisser un commentaire' });
    expect((within(again).getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe(
      'Tapé tout de suite',
    );
    expect(within(again).queryByLabelText('Nom')).toBeNull();
    localStorage.clear();
  });

  it('shows the form’s top with the saved draft, loads nothing, then hands over text, draft and focus', async () => {
    localStorage.clear();
    // The reader wrote this before reloading the page (use-comment-form.ts saved it).
    const draft = { body: 'Écrit avant de recharger', clientId: 'client-id-of-the-draft-123' };
    localStorage.setItem(`causerie:${draftKey('https://blog.example/post', null)}`, JSON.stringify(draft));
    const requests = fakeFetch(server(page([comment({ id: 'p' })]), echoPost()));
    render(<App _options={options()} />);
    const form = await screen.findByRole('form', { name: 'Laisser un commentaire' });

    // What the full form shows above its text, the same elements, and the draft in the text.
    const text = within(form).getByLabelText('Commentaire') as HTMLTextAreaElement;
    expect(text.value).toBe('Écrit avant de recharger');
    expect(within(form).getByRole('button', { name: 'Écrire', pressed: true })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Aperçu', pressed: false })).toBeTruthy();
    expect(text.getAttribute('aria-describedby')).toBe(within(form).getByText('Markdown accepté.').id);
    // Nothing of the rest, and no request for it, while the reader only reads.
    expect(within(form).queryByLabelText('Nom')).toBeNull();
    expect(within(form).queryByRole('button', { name: 'Publier le commentaire' })).toBeNull();
    expect(extrasScript()).toBeNull();

    // The reader clicks into the text and types on while the extras load.
    text.focus();
    const script = extrasScript();
    expect(script).toBeTruthy();
    fireEvent.input(text, { target: { value: 'Écrit avant de recharger, et après.' } });
    await deliverExtras(script as HTMLScriptElement);

    const name = await screen.findByLabelText('Nom');
    const full = name.closest('form') as HTMLFormElement;
    const body = within(full).getByLabelText('Commentaire') as HTMLTextAreaElement;
    expect(body.value).toBe('Écrit avant de recharger, et après.');
    await vi.waitFor(() => expect(document.activeElement).toBe(body));
    // What was typed meanwhile is the draft now, under the same clientId.
    const saved = JSON.parse(
      localStorage.getItem(`causerie:${draftKey('https://blog.example/post', null)}`) ?? '{}',
    );
    expect(saved).toEqual({ body: 'Écrit avant de recharger, et après.', clientId: draft.clientId });

    fireEvent.input(name, { target: { value: 'Camille' } });
    fireEvent.click(within(full).getByRole('button', { name: 'Publier le commentaire' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(2));
    const post = requests.find((r) => r.method === 'POST')?.body as NewComment;
    expect(post).toMatchObject({
      body: 'Écrit avant de recharger, et après.',
      clientId: draft.clientId,
      author: { name: 'Camille' },
    });
  });

  it('once the extras are in, opens a reply form whole, with the focus in its text', async () => {
    fakeFetch(server(page([comment({ id: 'p' })])));
    render(<App _options={options()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Répondre' }));
    const reply = screen.getByRole('form', { name: 'Répondre à Alice' });
    expect(within(reply).getByLabelText('Nom')).toBeTruthy();
    await vi.waitFor(() => expect(document.activeElement).toBe(within(reply).getByLabelText('Commentaire')));
  });
});
