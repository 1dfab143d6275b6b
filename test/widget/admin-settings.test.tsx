/**
 * The Settings screen over GET|PATCH /admin/settings: each setting beside its wrangler.toml value, a save
 * that sends only what changed (lists one entry per line), and a reset that drops one override.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { AdminApp } from '../../widget/src/admin/app.tsx';
import type { RuntimeSettingsView } from '../../worker/types/api.ts';
import { fakeAdmin, isolateAdminTests, json, problem, type Routes, signedIn } from './admin-fixtures.ts';

const view = (overrides: Partial<RuntimeSettingsView['settings']> = {}): RuntimeSettingsView => {
  const defaults: RuntimeSettingsView['defaults'] = {
    moderation: 'none',
    blocklist: [],
    maxLinks: 3,
    reservedNames: ['admin', 'moderator'],
    maxCommentLength: 10_000,
    rateLimitWrites: '5/60',
    rateLimitLikes: '30/60',
    editWindowSeconds: 900,
    anonymousName: 'Anonymous',
    allowedOrigins: ['https://blog.example'],
    webhookUrl: '',
    ownerEmail: '',
    live: 'on',
  };
  const sources = Object.fromEntries(
    Object.keys(defaults).map((name) => [name, name in overrides ? 'kv' : 'vars']),
  ) as RuntimeSettingsView['sources'];
  return { settings: { ...defaults, ...overrides }, defaults, sources };
};

const open = async (routes: Routes) => {
  const seen = fakeAdmin({ 'GET /comments': () => json({ comments: [], nextCursor: null }), ...routes });
  signedIn();
  render(<AdminApp home="queue" />);
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }));
  await screen.findAllByTestId('setting');
  return seen;
};

const row = (label: string) =>
  screen
    .getAllByTestId('setting')
    .find((el) => el.querySelector('label')?.textContent === label) as HTMLElement;

isolateAdminTests();

describe('the Settings screen', () => {
  it('shows each setting, where it comes from and its value without the override', async () => {
    await open({ 'GET /settings': () => json(view({ moderation: 'all', blocklist: ['casino', 'crypto'] })) });
    const moderation = row('Moderation');
    expect((within(moderation).getByLabelText('Moderation') as HTMLSelectElement).value).toBe('all');
    expect(moderation.textContent).toContain('Overridden here');
    expect(moderation.textContent).toContain('Without an override: Publish at once.');
    expect((within(row('Blocked words')).getByRole('textbox') as HTMLTextAreaElement).value).toBe(
      'casino\ncrypto',
    );
    expect(row('Blocked words').textContent).toContain('Without an override: none.');
    expect(row('Reserved names').textContent).toContain('Without an override: admin, moderator.');
    expect(row('Link limit').textContent).toContain('From wrangler.toml');
    // A reset only where there is an override to drop.
    expect(within(row('Link limit')).queryByRole('button')).toBeNull();
    expect(
      within(moderation).getByRole('button', { name: 'Reset “Moderation” to its default' }),
    ).toBeTruthy();
  });

  it('saves only what changed, lists one entry per line and numbers as numbers', async () => {
    const seen = await open({
      'GET /settings': () => json(view()),
      'PATCH /settings': () => json(view({ blocklist: ['casino', 'poker'], maxLinks: 1 })),
    });
    fireEvent.input(within(row('Blocked words')).getByRole('textbox'), {
      target: { value: ' casino \n\npoker' },
    });
    fireEvent.input(within(row('Link limit')).getByRole('spinbutton'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Settings saved.');
    expect(seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { blocklist: ['casino', 'poker'], maxLinks: 1 },
    ]);
    expect(row('Link limit').textContent).toContain('Overridden here');
  });

  it('resets one setting to its default with null', async () => {
    const seen = await open({
      'GET /settings': () => json(view({ moderation: 'all' })),
      'PATCH /settings': () => json(view()),
    });
    fireEvent.click(within(row('Moderation')).getByRole('button', { name: /^Reset/ }));
    await screen.findByText('“Moderation” is back to its default.');
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ moderation: null });
    expect((within(row('Moderation')).getByLabelText('Moderation') as HTMLSelectElement).value).toBe('none');
  });

  it('says which field the server refused, and keeps what was typed', async () => {
    await open({
      'GET /settings': () => json(view()),
      'PATCH /settings': () =>
        new Response(
          JSON.stringify({
            status: 422,
            code: 'validation_failed',
            title: 'Validation failed',
            errors: [{ field: 'rateLimitWrites', message: 'must be "count/seconds" or "off"' }],
          }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    const input = within(row('Comment rate limit')).getByRole('textbox') as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'fast' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('rateLimitWrites'));
    expect(input.value).toBe('fast');
  });

  it('says when nothing changed, without a request', async () => {
    const seen = await open({
      'GET /settings': () => json(view()),
      'PATCH /settings': () => problem(500, 'internal'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing changed.');
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
  });
});
