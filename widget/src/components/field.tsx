/** One labelled form control with its optional hint and error, wired for screen readers. */
import type { ComponentChildren } from 'preact';

/** The attributes the control spreads: its id, and what the hint and error add for assistive technology. */
export interface FieldIds {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  id: string;
  _label: string;
  _hint?: string;
  /** Falsy when the value is fine. */
  error?: ComponentChildren;
  /** Renders the control with the ids the label, hint and error point to. */
  children: (ids: FieldIds) => ComponentChildren;
}

export const Field = ({ id, _label, _hint, error, children }: FieldProps) => (
  <div class="field">
    <label for={id}>{_label}</label>
    {/* Attributes to spread rather than values for each caller to place: written once (smaller bundle). */}
    {children({
      id,
      'aria-describedby':
        [_hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined,
      'aria-invalid': error ? true : undefined,
    })}
    {_hint && (
      <small id={`${id}-hint`} class="hint">
        {_hint}
      </small>
    )}
    {error && (
      <small id={`${id}-error`} class="field-error">
        {error}
      </small>
    )}
  </div>
);
