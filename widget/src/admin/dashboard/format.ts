/**
 * Numbers, durations and days as the owner's language writes them, through Intl: no unit or month name
 * lives in a catalog, so every language gets them right for free.
 */

const UNITS = [
  { unit: 'second', seconds: 1, upTo: 90 },
  { unit: 'minute', seconds: 60, upTo: 90 * 60 },
  { unit: 'hour', seconds: 3600, upTo: 36 * 3600 },
  { unit: 'day', seconds: 86_400, upTo: Number.POSITIVE_INFINITY },
] as const;

/** `750` → "13 minutes" / "13 minutes"; `5400` → "90 minutes"; `7200` → "2 hours" / "2 heures". */
export const formatDuration = (lang: string, seconds: number): string => {
  const { unit, seconds: size } = UNITS.find((u) => seconds < u.upTo) ?? UNITS[3];
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(Math.max(0, seconds) / size);
};

export const formatNumber = (lang: string, n: number): string => new Intl.NumberFormat(lang).format(n);

/** A `YYYY-MM-DD` (UTC) day, short: "1 Dec" / "1 déc.". */
export const formatDay = (lang: string, date: string, withYear = false): string =>
  new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(withYear && { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
