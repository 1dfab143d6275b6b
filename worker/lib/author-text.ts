/**
 * What a guest's name and website may hold. Control characters (NUL, C0, DEL, C1) have no business in
 * either and are refused; bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
 * stripped from names, where they would flip the text after the name ("Bob\u202Eetirw" shows reversed),
 * and refused in websites, where no real URL needs them. Bidi marks (LRM, RLM) stay: they cannot spill.
 */

// General_Category=Cc: exactly C0 (NUL included), DEL and C1.
const CONTROL = /\p{Cc}/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

export const hasBidiControl = (text: string): boolean => new RegExp(BIDI_CONTROL.source).test(text);

/** Strips bidi embeddings, overrides and isolates; other characters are kept as typed. */
export const stripBidiControls = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(BIDI_CONTROL, '') : value;
