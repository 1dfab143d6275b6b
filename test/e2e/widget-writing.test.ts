import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, textOf, toBeVisible, toHaveCount } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A thread of this test's own (see demo/test/thread.html). */
const thread = (id: string) => `${baseUrl}/test/thread.html?id=${id}&loading=eager`;

describe('writing in the widget', () => {
  it('keeps the draft across a reload and posts it afterwards', async () => {
    const { page, errors, context } = await newReader(browser);
    await page.goto(thread('e2e-draft'));
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    await form.getByLabel('Commentaire', { exact: true }).fill('Un brouillon qui survit.');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.reload();
    const body = form.getByLabel('Commentaire', { exact: true });
    await toBeVisible(body);
    expect(await body.inputValue()).toBe('Un brouillon qui survit.');
    // The draft is shown by the app alone: the rest of the form is not loaded until the reader turns to it.
    expect(requested).toContain('/causerie-app.fr.js');
    expect(requested.filter((path) => path.startsWith('/causerie-extras'))).toEqual([]);
    await body.click();
    await form.getByLabel('Nom').fill('Camille');
    expect(await body.inputValue()).toBe('Un brouillon qui survit.');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    await toHaveCount(page.getByTestId('comment'), 1);
    expect(await body.inputValue()).toBe('');
    // Focus moved to the new comment.
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id)).toMatch(
      /^comment-/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews Markdown with the server’s rendering', async () => {
    const { page, context } = await newReader(browser);
    await page.goto(thread('e2e-preview'));
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    await form.getByLabel('Commentaire', { exact: true }).fill('Du **gras** ici');
    await form.getByRole('button', { name: 'Aperçu' }).click();
    await toBeVisible(form.locator('.preview strong'));
    expect(await textOf(form.locator('.preview strong'))).toBe('gras');
    await form.getByRole('button', { name: 'Écrire' }).click();
    expect(await form.getByLabel('Commentaire', { exact: true }).inputValue()).toBe('Du **gras** ici');
    await context.close();
  });

  it('edits one’s own comment within the window, and the edit survives a reload', async () => {
    const { page, context } = await newReader(browser);
    await page.goto(thread('e2e-edit'));
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    // The guest fields come with the rest of the form when the reader turns to it (components/comment-form.tsx).
    await form.getByLabel('Commentaire', { exact: true }).click();
    await form.getByLabel('Nom').fill('Camille');
    await form.getByLabel('Commentaire', { exact: true }).fill('Première version');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    const comment = page.getByTestId('comment');
    await toHaveCount(comment, 1);
    await comment.getByRole('button', { name: 'Modifier' }).click();
    const editor = page.getByRole('form', { name: 'Modifier votre commentaire' });
    const text = editor.getByLabel('Commentaire');
    expect(await text.inputValue()).toBe('Première version');
    await text.fill('Seconde version, *corrigée*');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await toBeVisible(comment.locator('.body em'));
    await page.reload();
    await toBeVisible(comment.locator('.body em'));
    expect(await textOf(comment.locator('.body'))).toContain('Seconde version');
    expect(await textOf(comment.locator('time'))).toContain('modifié');
    await context.close();
  });

  it('deletes one’s own comment, and only one’s own', async () => {
    const { page, context } = await newReader(browser);
    await page.goto(thread('e2e-delete'));
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    // The guest fields come with the rest of the form when the reader turns to it (components/comment-form.tsx).
    await form.getByLabel('Commentaire', { exact: true }).click();
    await form.getByLabel('Nom').fill('Camille');
    await form.getByLabel('Commentaire', { exact: true }).fill('À effacer');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();
    await toHaveCount(page.getByTestId('comment'), 1);
    await toBeVisible(page.getByText('1 commentaire'));

    // Another reader (a fresh context: no token) sees no delete button.
    const other = await newReader(browser);
    await other.page.goto(thread('e2e-delete'));
    await toHaveCount(other.page.getByTestId('comment'), 1);
    await toHaveCount(other.page.getByRole('button', { name: 'Supprimer' }), 0);
    await other.context.close();

    await page.getByTestId('comment').getByRole('button', { name: 'Supprimer' }).click();
    await toHaveCount(page.getByTestId('comment'), 0);
    await toBeVisible(page.getByText('Pas encore de commentaire'));
    await page.reload();
    await toBeVisible(page.getByText('Pas encore de commentaire'));
    await toHaveCount(page.getByTestId('comment'), 0);
    await context.close();
  });
});
