/** The admin page's language switch: each language under its own name, the choice kept by the caller. */
import type { Strings } from './i18n/index.ts';
import { adminLangs, LANGUAGE_NAMES } from './i18n/index.ts';

interface Props {
  t: Strings;
  lang: string;
  onChange: (lang: string) => void;
}

export const LanguageSwitch = ({ t, lang, onChange }: Props) => (
  <label class="lang">
    {t.language}{' '}
    <select value={lang} onChange={(event) => onChange(event.currentTarget.value)}>
      {adminLangs().map((code) => (
        // `lang` on each option: a screen reader says "Français" with a French voice.
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAMES[code] ?? code}
        </option>
      ))}
    </select>
  </label>
);
