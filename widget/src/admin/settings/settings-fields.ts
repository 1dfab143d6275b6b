/**
 * How each runtime setting is edited: its control and how the control's text becomes the API's value
 * (lists one entry per line, numbers as numbers). The order is the Settings screen's.
 */
import type { RuntimeSettingName, RuntimeSettings } from '../../../../worker/types/api.ts';

export type Control = 'mode' | 'list' | 'number' | 'rate' | 'text';

export const FIELDS: ReadonlyArray<{ name: RuntimeSettingName; control: Control }> = [
  { name: 'moderation', control: 'mode' },
  { name: 'blocklist', control: 'list' },
  { name: 'maxLinks', control: 'number' },
  { name: 'reservedNames', control: 'list' },
  { name: 'maxCommentLength', control: 'number' },
  { name: 'rateLimitWrites', control: 'rate' },
  { name: 'rateLimitLikes', control: 'rate' },
  { name: 'editWindowSeconds', control: 'number' },
  { name: 'anonymousName', control: 'text' },
  { name: 'allowedOrigins', control: 'list' },
  { name: 'webhookUrl', control: 'text' },
  { name: 'ownerEmail', control: 'text' },
  { name: 'live', control: 'text' },
];

/** The value as the control shows it. */
export const toText = (value: RuntimeSettings[RuntimeSettingName]): string =>
  Array.isArray(value) ? value.join('\n') : String(value);

/** The control's text as the API takes it; the server validates (a 422 names the field). */
export const fromText = (control: Control, text: string): unknown => {
  if (control === 'list') {
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  }
  if (control === 'number') return text.trim() === '' ? Number.NaN : Number(text);
  return text.trim();
};
