/**
 * The admin page in French and English: the browser's language by default, a switch kept in localStorage,
 * and every screen walked in French with no string of the English catalog left on it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import { strings as en } from '../../widget/src/admin/i18n/en.ts';
import { strings as fr } from '../../widget/src/admin/i18n/fr.ts';
import { adminLangs, pickAdminLang } from '../../widget/src/admin/i18n/index.ts';
import type { AdminStats, MailEntry, RuntimeSettingsView } from '../../worker/types/api.ts';
import {
  adminComment,
  adminHealth,
  adminThread,
  ban,
  fakeAdmin,
  isolateAdminTests,
  json,
  type Routes,
  signedIn,
} from './admin-fixtures.ts';

const browserLanguages = (languages: string[]) => {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
  vi.spyOn(navigator, 'language', 'get').mockReturnValue(languages[0] ?? '');
};

const stats: AdminStats = {
  days: [
    { date: '2026-11-30', published: 2, held: 1, spam: 1, pageLikes: 1, commentLikes: 0 },
    { date: '2026-12-01', published: 1, held: 0, spam: 0, pageLikes: 0, commentLikes: 3 },
  ],
  pending: 1,
  oldestPendingAt: '2026-11-30T10:00:00.000Z',
  medianModerationSeconds: 5400,
  decisions: 3,
  topThreads: [
    { key: 'k', url: 'https://blog.example/k', title: 'Un billet', published: 3, held: 1, spam: 1, likes: 4 },
  ],
  topAuthors: [{ name: 'Zoé', comments: 2, verified: true }],
  likes: { page: 1, comment: 3 },
};

const settings: RuntimeSettingsView = {
  settings: {
    moderation: 'all',
    blocklist: ['casino'],
    maxLinks: 3,
    reservedNames: ['admin'],
    maxCommentLength: 10_000,
    rateLimitWrites: '5/60',
    rateLimitLikes: 'off',
    editWindowSeconds: 900,
    anonymousName: 'Anonyme',
    allowedOrigins: ['https://blog.example'],
    webhookUrl: '',
    ownerEmail: '',
    live: 'on',
  },
  defaults: {
    moderation: 'none',
    blocklist: [],
    maxLinks: 3,
    reservedNames: ['admin'],
    maxCommentLength: 10_000,
    rateLimitWrites: '5/60',
    rateLimitLikes: '30/60',
    editWindowSeconds: 900,
    anonymousName: 'Anonyme',
    allowedOrigins: ['https://blog.example'],
    webhookUrl: '',
    ownerEmail: '',
    live: 'on',
  },
  sources: {
    moderation: 'kv',
    blocklist: 'kv',
    maxLinks: 'vars',
    reservedNames: 'default',
    maxCommentLength: 'vars',
    rateLimitWrites: 'vars',
    editWindowSeconds: 'vars',
    anonymousName: 'default',
    allowedOrigins: 'vars',
    webhookUrl: 'default',
    ownerEmail: 'default',
    rateLimitLikes: 'kv',
    live: 'vars',
  },
};

const health = adminHealth({
  version: '0.3.0',
  migrations: { applied: '0009_identity.sql', latest: '0012_daily_stats.sql' },
  secrets: { adminToken: false, secretKey: true },
});

const mail = (overrides: Partial<MailEntry>): MailEntry => ({
  id: 1,
  at: '2026-11-30T09:00:00.000Z',
  kind: 'reply',
  to: 'zoe@example.com',
  subject: 'Nouvelle réponse',
  transport: 'binding',
  status: 'sent',
  attempts: 1,
  lastStatus: null,
  error: null,
  ...overrides,
});

/** Every section with something to show (French data: the page's own words are what is checked). */
const routes: Routes = {
  'GET /stats': () => json(stats),
  'GET /health': () => json(health),
  'GET /comments': () =>
    json({
      comments: [
        adminComment({
          id: 'c1',
          status: 'approved',
          author: { name: 'Zoé', website: 'https://zoe.example', avatar: 'a1', moderator: false },
          body: 'Bonjour',
          html: '<p>Bonjour</p>',
          pinned: true,
          notify: true,
          replyCount: 2,
          thread: { key: 'k', url: 'https://blog.example/k', title: 'Un billet' },
        }),
        adminComment({
          id: 'c2',
          parentId: 'c1',
          status: 'pending',
          author: { name: 'Léa', website: null, avatar: 'b2', moderator: true },
        }),
      ],
      nextCursor: 'suite',
    }),
  'GET /threads': () =>
    json({
      threads: [
        adminThread({ title: 'Un billet', locked: true }),
        adminThread({ key: 'k2', title: 'Autre' }),
      ],
      nextCursor: 'x',
    }),
  'GET /bans': () =>
    json({
      bans: [
        ban({ reason: 'pourriel', expiresAt: '2027-01-01T00:00:00.000Z' }),
        ban({ kind: 'ip', value: 'ab12', active: false }),
      ],
    }),
  'GET /settings': () => json(settings),
  'GET /audit': () =>
    json({
      entries: [
        {
          id: 2,
          at: '2026-11-30T10:00:00Z',
          actor: 'admin',
          action: 'comment.status',
          commentId: 'c1',
          threadKey: 'k',
          detail: { from: 'pending', to: 'approved' },
        },
        {
          id: 1,
          at: '2026-11-30T09:00:00Z',
          actor: 'admin',
          action: 'settings.update',
          commentId: null,
          threadKey: null,
          detail: {},
        },
      ],
      nextCursor: 'x',
    }),
  'GET /mail': () =>
    json({
      mail: [mail({}), mail({ id: 2, kind: 'owner', status: 'failed', attempts: 3, error: 'HTTP 503' })],
      nextCursor: 'x',
    }),
};

/**
 * Everything a person or a screen reader gets from the page: each text node on a line of its own (so
 * neighbours never glue into one word), and the labels.
 */
const pageWords = (): string => {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Code is no language: ids, JSON details, the embed snippet, key names.
    // (A textarea holds the owner's own data, or the snippet.)
    if (node.parentElement?.closest('code, pre, kbd, textarea')) continue;
    // Nor are configuration values, which the catalogs quote (MODERATION = "none"), or file names.
    texts.push(
      (node.textContent ?? '').replace(/"[^"\s]*"/g, '').replace(/[\w.-]+\.(?:db|gz|json|toml)\b/g, ''),
    );
  }
  const labels = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
    ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
  );
  return [document.title, ...texts, ...labels].join('\n');
};

/** Walks every screen in the current language and gathers what each one says. */
const walkEveryScreen = async (): Promise<string[]> => {
  const seen: string[] = [];
  fakeAdmin(routes);
  // The sign-in screen first, then the same page signed in.
  render(<AdminApp />);
  await screen.findByLabelText(fr.tokenLabel);
  seen.push(pageWords());
  cleanup();
  signedIn();
  const t = fr;
  render(<AdminApp />);
  // The dashboard (with the setup guide above it), both charts as tables too.
  await screen.findByText(t.dashboard.pending);
  await screen.findByText(t.setup.heading);
  seen.push(pageWords());
  for (const button of screen.getAllByRole('button', { name: t.dashboard.tableView }))
    fireEvent.click(button);
  seen.push(pageWords());
  // The queue, with its details, the help and a reply form open.
  fireEvent.click(screen.getByRole('button', { name: t.sections.queue }));
  await screen.findAllByTestId('admin-comment');
  for (const details of document.querySelectorAll('details')) details.open = true;
  fireEvent.click(screen.getByRole('button', { name: t.shortcutsButton }));
  seen.push(pageWords());
  fireEvent.keyDown(document.body, { key: 'Escape' });
  fireEvent.keyDown(document.body, { key: 'r' });
  await screen.findByText(t.replyBody);
  seen.push(pageWords());
  for (const tab of Object.values(t.status)) {
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${tab}`) }));
    seen.push(pageWords());
  }
  // Threads, with the edit form open.
  fireEvent.click(screen.getByRole('button', { name: t.sections.threads }));
  await screen.findAllByTestId('admin-thread');
  fireEvent.click(screen.getAllByRole('button', { name: t.edit })[0] as HTMLElement);
  seen.push(pageWords());
  for (const section of ['bans', 'settings', 'transfer', 'audit', 'mail'] as const) {
    const tab = screen.getByRole('button', { name: t.sections[section] });
    fireEvent.click(tab);
    await waitFor(() => expect(tab.getAttribute('aria-current')).toBe('page'));
    await waitFor(() => expect(screen.queryByText(t.loading)).toBeNull());
    seen.push(pageWords());
  }
  for (const status of Object.values(t.mailStatus)) {
    fireEvent.click(screen.getByRole('button', { name: status }));
    await waitFor(() => expect(screen.queryByText(t.loading)).toBeNull());
    seen.push(pageWords());
  }
  return seen;
};

const SAMPLE = 7;

/** Words both catalogs rightly share: names of formats and products, and words French spells alike. */
const SHARED = [
  'Causerie',
  'Markdown',
  'Import',
  'Export',
  'Import / export',
  'Format',
  'Secrets',
  'Notifications',
  // The import formats, by their products' names (trimmed of their closing parenthesis).
  'WordPress (WXR',
  'Disqus (XML',
  'Commento (JSON',
  'Causerie (JSON',
  'Artalk (Artrans',
  'Comentario (.json.gz',
];

/**
 * Every English phrase of the catalog but the SHARED words: each string, and the fixed parts of each
 * function's output (called with a sample value). Words of one or two letters are left out: they are words
 * in both languages ("on", "a") and would say nothing. A French entry copied from English is caught too.
 */
const englishOnly = (): string[] => {
  const phrases = new Set<string>();
  const walk = (a: unknown) => {
    if (typeof a === 'string') {
      phrases.add(a);
    } else if (typeof a === 'function') {
      const args = Array.from({ length: Math.max(1, a.length) }, () => SAMPLE);
      let enText = '';
      try {
        enText = String(a(...args));
      } catch {
        return; // takes a list: its fixed words are in the other entries
      }
      for (const part of enText.split(String(SAMPLE))) phrases.add(part);
    } else if (a && typeof a === 'object') {
      for (const value of Object.values(a)) walk(value);
    }
  };
  walk(en);
  return [...phrases]
    .map((phrase) => phrase.trim().replace(/^[\s,.;:()·]+|[\s,.;:()·]+$/g, ''))
    .filter((phrase) => phrase.replace(/[^\p{L}]/gu, '').length > 2)
    .filter((phrase) => !SHARED.includes(phrase));
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `phrase` as a whole word or phrase: "Spam" must not match inside "Spammeur". */
const contains = (text: string, phrase: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}_])`, 'u').test(text);

isolateAdminTests();

describe('the admin page’s languages', () => {
  it('speaks French and English, and picks the first one the browser asks for', () => {
    expect(adminLangs()).toEqual(['en', 'fr']);
    expect(pickAdminLang(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickAdminLang(['de'])).toBe('en');
  });

  it('opens in the browser’s language', async () => {
    browserLanguages(['fr-FR', 'en-US']);
    fakeAdmin(routes);
    render(<AdminApp />);
    expect(await screen.findByRole('heading', { name: 'Causerie — modération', level: 1 })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Causerie — modération');
  });

  it('switches language and keeps the choice for the next visit', async () => {
    browserLanguages(['en-GB']);
    fakeAdmin(routes);
    signedIn();
    render(<AdminApp />);
    await screen.findByRole('heading', { name: 'Dashboard', level: 2 });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    expect(await screen.findByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeTruthy();
    expect(screen.getByLabelText('Langue')).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem('causerie-admin-lang')).toBe('fr');
    cleanup();
    render(<AdminApp />);
    expect(await screen.findByRole('heading', { name: 'Tableau de bord', level: 2 })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Langue'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { name: 'Dashboard', level: 2 })).toBeTruthy();
    expect(localStorage.getItem('causerie-admin-lang')).toBe('en');
  });

  it('leaves no English phrase of the catalog on any screen in French', async () => {
    browserLanguages(['fr']);
    const phrases = englishOnly();
    // The check itself can fail: it finds the English words of an English screen.
    expect(phrases.length).toBeGreaterThan(150);
    expect(phrases).toContain('Most active threads');
    const screens = await walkEveryScreen();
    expect(screens.length).toBeGreaterThan(20);
    const all = screens.join('\n');
    expect(all).toContain(fr.dashboard.topThreads);
    expect(all).toContain(fr.settings.names.blocklist);
    expect(all).toContain(fr.mailKinds.owner);
    expect(phrases.filter((phrase) => contains(all, phrase))).toEqual([]);
  });

  it('finds English phrases on the same screens in English (the French check is not vacuous)', async () => {
    browserLanguages(['en']);
    fakeAdmin(routes);
    signedIn();
    render(<AdminApp />);
    await screen.findByText(en.dashboard.pending);
    const words = pageWords();
    const found = englishOnly().filter((phrase) => contains(words, phrase));
    expect(found).toContain('Waiting for moderation');
    expect(found).toContain('Most active threads');
  });
});
