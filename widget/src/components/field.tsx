/** One labelled form control with its optional hint and error, wired for screen readers. */
import type { ComponentChildren } from 'preact';

export interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Falsy when the value is fine. */
  error?: ComponentChildren;
  /** Renders the control with the ids the label, hint and error point to. */
  children: (ids: FieldIds) => ComponentChildren;
}

export const Field = ({ id, label, hint, error, children }: FieldProps) => {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({ id, describedBy: described, invalid: !!error })}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      )}
    </div>
  );
};
