/** Idempotency keys for `POST /comments`: 21 url-safe characters from the platform CSPRNG, like nanoid. */

const alphabet = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';

/** 21 symbols × 6 bits = 126 bits, nanoid's default; a 64-letter alphabet keeps `& 63` unbiased. */
export const newClientId = (): string => {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(21))) id += alphabet[byte & 63];
  return id;
};
