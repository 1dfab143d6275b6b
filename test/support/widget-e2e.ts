/**
 * Helpers for the widget's end-to-end tests in Chromium: a fresh browser context per test, waiting
 * without @playwright/test, and writing through the real API to set a thread up.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Playwright's auto-retrying assertions live in @playwright/test; with playwright-core, poll. */
export const toHaveCount = (locator: Locator, n: number, timeout = 10_000) =>
  expect.poll(() => locator.count(), { timeout }).toBe(n);

export const toBeVisible = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: 10_000 });

export const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';

/** A context as a French reader on a phone, unless told otherwise; collects page errors. */
export const newReader = async (
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: 'fr-FR',
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // Deleting asks for confirmation with window.confirm: the reader says yes.
  page.on('dialog', (dialog) => dialog.accept());
  return { context, page, errors };
};

/** Posts a comment through the API, as another reader would have. */
export const seedComment = async (
  baseUrl: string,
  comment: { url: string; id?: string; body: string; name?: string; parentId?: string },
): Promise<{ id: string }> => {
  const response = await fetch(`${baseUrl}/api/v1/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      url: comment.url,
      ...(comment.id ? { id: comment.id } : {}),
      ...(comment.parentId ? { parentId: comment.parentId } : {}),
      body: comment.body,
      author: { name: comment.name ?? 'Alice' },
    }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { comment: { id: string } }).comment;
};

/** Likes a comment as a reader other than the browser's. */
export const seedLike = async (baseUrl: string, commentId: string, reader: string) => {
  const response = await fetch(`${baseUrl}/api/v1/comments/${commentId}/like`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ reader }),
  });
  if (!response.ok) throw new Error(`like failed: ${response.status}`);
};
