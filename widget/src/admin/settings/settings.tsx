/**
 * The Settings screen: the runtime settings (GET|PATCH /admin/settings, stored in KV, in effect within a
 * minute without a redeploy), each beside its wrangler.toml value, with a reset that drops the override.
 */
import { useEffect, useState } from 'preact/hooks';
import type {
  RuntimeSettingName,
  RuntimeSettings,
  RuntimeSettingsView,
} from '../../../../worker/types/api.ts';
import { useAdmin } from '../context.ts';
import { type Control, FIELDS, fromText, toText } from './settings-fields.ts';

type Texts = Record<RuntimeSettingName, string>;

const textsOf = (settings: RuntimeSettings): Texts =>
  Object.fromEntries(FIELDS.map(({ name }) => [name, toText(settings[name])])) as Texts;

const Field = ({
  name,
  control,
  value,
  onInput,
}: {
  name: RuntimeSettingName;
  control: Control;
  value: string;
  onInput: (text: string) => void;
}) => {
  const { t } = useAdmin();
  const id = `setting-${name}`;
  const hint = `${id}-hint`;
  const common = { id, name, value, 'aria-describedby': hint };
  if (control === 'mode') {
    return (
      <select {...common} onChange={(e) => onInput(e.currentTarget.value)}>
        {(['none', 'first-time', 'all'] as const).map((mode) => (
          <option key={mode} value={mode}>
            {t.settings.modes[mode]}
          </option>
        ))}
      </select>
    );
  }
  if (control === 'list') {
    return <textarea {...common} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />;
  }
  if (control === 'number') {
    return <input {...common} type="number" min={0} onInput={(e) => onInput(e.currentTarget.value)} />;
  }
  return <input {...common} type="text" onInput={(e) => onInput(e.currentTarget.value)} />;
};

export const Settings = () => {
  const { api, t, announce, fail } = useAdmin();
  const s = t.settings;
  const [view, setView] = useState<RuntimeSettingsView | null>(null);
  const [texts, setTexts] = useState<Texts | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: RuntimeSettingsView) => {
    setView(next);
    setTexts(textsOf(next.settings));
  };
  useEffect(() => {
    void api.settings().then((result) => (result.ok ? show(result.value) : fail(result.error)));
  }, []);

  const patch = async (body: Record<string, unknown>, done: string) => {
    setBusy(true);
    const result = await api.patchSettings(body);
    setBusy(false);
    if (!result.ok) return fail(result.error);
    show(result.value);
    announce(done);
  };

  /** The value without the override, as the owner reads it (a mode by its name, a list on one line). */
  const defaultText = (name: RuntimeSettingName): string => {
    const value = view?.defaults[name];
    if (value === undefined) return '';
    if (name === 'moderation') return s.modes[value as RuntimeSettings['moderation']];
    return toText(value).replace(/\n/g, ', ') || s.empty;
  };

  const save = (event: Event) => {
    event.preventDefault();
    if (!view || !texts) return;
    const changed: Record<string, unknown> = {};
    for (const { name, control } of FIELDS) {
      if (texts[name] !== toText(view.settings[name])) changed[name] = fromText(control, texts[name]);
    }
    if (Object.keys(changed).length === 0) return announce(s.unchanged);
    void patch(changed, s.saved);
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t.sections.settings}</h2>
      <p class="hint">{s.intro}</p>
      {!view || !texts ? (
        <p class="muted">{t.loading}</p>
      ) : (
        <form onSubmit={save}>
          {FIELDS.map(({ name, control }) => (
            <div key={name} class="setting row" data-testid="setting">
              <label for={`setting-${name}`}>{s.names[name]}</label>{' '}
              <span class="badge">{s.sources[view.sources[name]]}</span>
              <Field
                name={name}
                control={control}
                value={texts[name]}
                onInput={(text) => setTexts({ ...texts, [name]: text })}
              />
              <p class="hint" id={`setting-${name}-hint`}>
                {s.hints[name]} {s.defaultIs(defaultText(name))}
              </p>
              {view.sources[name] === 'kv' && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => patch({ [name]: null }, s.resetDone(s.names[name]))}
                >
                  {s.reset(s.names[name])}
                </button>
              )}
            </div>
          ))}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t.save}
            </button>
          </div>
        </form>
      )}
    </section>
  );
};
