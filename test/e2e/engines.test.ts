/**
 * The README's embed snippets for blog engines, as each engine outputs them (test/pages/engines/*.html):
 * each page is served on the worker's own origin through page.route() — the embed script and the API are
 * the real ones — and its thread must render. The README is the source: its script tags and
 * Causerie.mount calls must be the ones in the pages, so a snippet cannot change without its page.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { newReader, seedComment, toBeVisible } from '../support/widget-e2e.ts';

const baseUrl = inject('baseUrl');
const ENGINES = ['wordpress', 'hugo', 'jekyll', 'eleventy', 'ghost', 'astro', 'next'] as const;
/** Stands for the worker in the README and in the pages. */
const WORKER = 'https://comments.example.com';

const readme = readFileSync('README.md', 'utf8');
const pageHtml = (engine: string) => readFileSync(`test/pages/engines/${engine}.html`, 'utf8');

/** The fenced block right after `<!-- engine: NAME -->` in the README. */
const snippet = (engine: string): string => {
  const match = new RegExp(`<!-- engine: ${engine} -->\\n\`\`\`[a-z-]*\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!match?.[1]) throw new Error(`README.md has no snippet for ${engine}`);
  return match[1];
};

/** The embed script's src and data-* attributes, whatever the tag (<script>, next/script's <Script>). */
const embedAttributes = (text: string): string[][] => {
  const tag = /<script[^>]*embed\.js[^>]*>/i.exec(text)?.[0] ?? '';
  return [...tag.matchAll(/\s(src|data-[a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
};

const mountCalls = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('Causerie.mount('));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('README snippets and their engine pages', () => {
  it.each(ENGINES)('%s: the page carries the README snippet’s script tag and mount call', (engine) => {
    const readmeSnippet = snippet(engine);
    const page = pageHtml(engine);
    expect(embedAttributes(readmeSnippet).length).toBeGreaterThan(0);
    expect(embedAttributes(page)).toEqual(embedAttributes(readmeSnippet));
    expect(mountCalls(page)).toEqual(mountCalls(readmeSnippet));
    // Astro and Next mount through the API; the static engines let the script mount.
    expect(mountCalls(readmeSnippet).length > 0).toBe(engine === 'astro' || engine === 'next');
  });
});

describe('the engine pages in Chromium', () => {
  it.each(ENGINES)('%s: the thread renders with its comment', async (engine) => {
    const url = `${baseUrl}/engines/${engine}.html`;
    await seedComment(baseUrl, { url, body: `Bonjour from ${engine}`, name: 'Reader' });
    const { page, context, errors } = await newReader(browser, { locale: 'en-US' });
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: pageHtml(engine).replaceAll(WORKER, baseUrl),
      }),
    );
    await page.goto(url);
    await toBeVisible(page.getByText(`Bonjour from ${engine}`));
    // The thread's form is there too: the whole widget, not just a list (its submit button comes with the
    // rest of the form when the reader turns to it: components/comment-form.tsx).
    await page.getByRole('form', { name: 'Leave a comment' }).getByLabel('Comment', { exact: true }).click();
    await toBeVisible(page.getByRole('button', { name: 'Post comment' }));
    expect(errors).toEqual([]);
    await context.close();
  });
});
