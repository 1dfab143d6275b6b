/** Comment dates in the reader's language with the platform's Intl: no date library in the bundle. */

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * "il y a 5 minutes" / "5 minutes ago" for the past week, then a plain date ("25 novembre 2026"):
 * relative times read well while a conversation is live, absolute ones once it is history. `now = Infinity`
 * makes every date absolute (the server's HTML of a thread, which may be read long after it was made).
 */
export const formatDate = (iso: string, lang: string, now = Date.now()): string => {
  const time = Date.parse(iso);
  // Clamped at zero: a server clock slightly ahead must not print "in 3 seconds".
  let value = Math.min(0, Math.round((time - now) / 1000));
  for (const [unit, size] of units) {
    if (Math.abs(value) < size) {
      return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(value, unit);
    }
    value = Math.round(value / size);
  }
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(time);
};

/** The full date and time, for the tooltip. */
export const formatFullDate = (iso: string, lang: string): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeStyle: 'short' }).format(Date.parse(iso));
