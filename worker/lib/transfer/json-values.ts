/**
 * Splits a stream of JSON values written one after another (Remark42's backup: a meta object, then one
 * comment per value, on one line or spread over several, separated by any whitespace) into the text of each
 * top-level value, chunk by chunk, so the CLI never holds the whole file. Only objects and arrays may stand
 * at the top level; the value's text is then parsed with JSON.parse.
 */
import { ImportFileError } from './model.ts';

export interface JsonValueSplitter {
  write(chunk: string): void;
  /** Throws when the stream ends inside a value. */
  close(): void;
}

/**
 * @param onValue receives each complete top-level value's text and its 1-based index in the stream.
 */
export const createJsonValueSplitter = (
  onValue: (text: string, index: number) => void,
): JsonValueSplitter => {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let index = 0;
  let offset = 0;

  return {
    write(chunk) {
      let start = depth > 0 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const ch = chunk[i] as string;
        if (depth === 0) {
          if (ch === '{' || ch === '[') {
            depth = 1;
            start = i;
          } else if (!/\s/.test(ch)) {
            throw new ImportFileError(
              'file',
              `not a stream of JSON objects: unexpected ${JSON.stringify(ch)} at character ${offset + i}`,
            );
          }
          continue;
        }
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === '\\') escaped = true;
          else if (ch === '"') inString = false;
          continue;
        }
        if (ch === '"') inString = true;
        else if (ch === '{' || ch === '[') depth += 1;
        else if (ch === '}' || ch === ']') {
          depth -= 1;
          if (depth === 0) {
            parts.push(chunk.slice(start, i + 1));
            index += 1;
            const text = parts.join('');
            parts = [];
            start = -1;
            onValue(text, index);
          }
        }
      }
      if (depth > 0 && start >= 0) parts.push(chunk.slice(start));
      offset += chunk.length;
    },
    close() {
      if (depth > 0) throw new ImportFileError('file', `the file ends inside JSON value ${index + 1}`);
    },
  };
};
