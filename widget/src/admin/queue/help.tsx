/** The keyboard shortcuts, listed (opened with `?`, closed with Escape or its button). */
import { useEffect, useRef } from 'preact/hooks';
import { useAdmin } from '../context.ts';

export const Help = ({ onClose }: { onClose: () => void }) => {
  const { t } = useAdmin();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      class="card help"
      role="dialog"
      aria-labelledby="help-heading"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <h2 id="help-heading">{t.shortcutsHeading}</h2>
      <dl>
        {t.shortcuts.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={close} onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
};
