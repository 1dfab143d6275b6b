import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

/** Playwright's auto-retrying assertions live in @playwright/test; with playwright-core, poll. */
const toHaveCount = (locator: Locator, n: number) =>
  expect.poll(() => locator.count(), { timeout: 10_000 }).toBe(n);
const toBeVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });
const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
});
afterAll(async () => {
  await browser?.close();
});

describe('a guest on the French demo post', () => {
  it('posts a comment and a reply through the widget, reloads, and sees both', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${baseUrl}/`);

    expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('Un gestionnaire de communauté');
    // The app loads when the thread comes near the viewport (data-loading="lazy"): scroll to it, as a reader would.
    await page.locator('#comments').scrollIntoViewIfNeeded();
    const form = page.getByRole('form', { name: 'Laisser un commentaire' });
    await toBeVisible(form);
    // Other test files may have commented on this page already (files run in any order): count from here.
    const comments = page.getByTestId('comment');
    const before = await comments.count();
    if (before === 0) await toBeVisible(page.getByText('Pas encore de commentaire'));

    // The guest fields come with the rest of the form when the reader turns to it (components/comment-form.tsx).
    await form.getByLabel('Commentaire', { exact: true }).click();
    await form.getByLabel('Nom').fill('Camille');
    await form.getByLabel('E-mail (facultatif)').fill('camille@example.com');
    await form
      .getByLabel('Commentaire', { exact: true })
      .fill('Très juste : *cinq ans* pour un métier qui en a dix.');
    await form.getByRole('button', { name: 'Publier le commentaire' }).click();

    await toHaveCount(comments, before + 1);
    const mine = comments.nth(before);
    expect(await textOf(mine)).toContain('Camille');
    expect(await textOf(mine.locator('em'))).toBe('cinq ans');

    await mine.getByRole('button', { name: 'Répondre' }).click();
    const replyForm = page.getByRole('form', { name: /Répondre à Camille/ });
    await replyForm.getByLabel('Nom').fill('Dominique');
    await replyForm.getByLabel('Commentaire', { exact: true }).fill('Et le métier change tous les deux ans.');
    await replyForm.getByRole('button', { name: 'Publier le commentaire' }).click();
    await toHaveCount(comments, before + 2);

    await page.reload();
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await toHaveCount(comments, before + 2);
    expect(await textOf(comments.nth(before))).toContain('Très juste');
    expect(await textOf(comments.nth(before + 1))).toContain('Et le métier change');
    // The reply is nested inside its parent's element.
    await toHaveCount(comments.nth(before).getByTestId('comment'), 1);
    await toBeVisible(page.getByText(`${before + 2} commentaires`));
    // The address never reaches the page.
    expect(await page.content()).not.toContain('camille@example.com');
    expect(errors).toEqual([]);
    await page.close();
  });
});
