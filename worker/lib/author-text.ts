/**
 * What a guest's name and website may hold. Control characters (NUL, C0, DEL, C1) and bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) are stripped from names — a bidi override there
 * would flip the text after the name ("Bob\u202Eetirw" shows reversed), and stripping keeps the name the
 * guest meant (a feed has always dropped the controls XML forbids) — and refused in websites, where no
 * real URL has them. Bidi marks (LRM, RLM) stay: they cannot spill past the name.
 */

// General_Category=Cc: exactly C0 (NUL included), DEL and C1.
const CONTROL = /\p{Cc}/gu;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/** Whether a website holds a control or bidi character (it is then refused). */
export const hasHiddenControl = (text: string): boolean =>
  new RegExp(CONTROL.source, 'u').test(text) || new RegExp(BIDI_CONTROL.source).test(text);

/** A name without control characters or bidi embeddings, overrides and isolates; the rest as typed. */
export const stripNameControls = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(CONTROL, '').replace(BIDI_CONTROL, '') : value;
