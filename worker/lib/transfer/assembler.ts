/**
 * Puts parsed comments in an order the database can take, as they stream in: every parent before its
 * replies; a deleted (trashed) comment held back and sent as an anonymous placeholder only when a live
 * reply needs it; a reply whose parent never appears sent as a root at the end; repeats dropped.
 * Memory: the import keys seen, plus the few comments waiting for a parent further down the file.
 */
import type { ImportComment, ImportSink } from './model.ts';

export interface Assembler extends ImportSink {
  /** Sends what still waits (replies to missing parents, as roots) and counts unused deleted comments. */
  finish(): void;
  readonly skipped: number;
}

/** What a deleted comment keeps: nothing of its author or text (API.md: placeholders have neither). */
const placeholder = (comment: ImportComment): ImportComment => ({
  ...comment,
  body: '',
  author: { name: null, email: null, website: null },
  ip: null,
});

/**
 * @param emit receives comments in a safe order; `parentKey` is `null` for replies that became roots.
 * @param errors receives the parsers' errors, passed through.
 */
export const createAssembler = (
  emit: (comment: ImportComment) => void,
  errors: ImportSink['error'],
): Assembler => {
  const sent = new Set<string>();
  const held = new Map<string, ImportComment>();
  const waiting = new Map<string, ImportComment[]>();
  let skipped = 0;

  // Loops with explicit stacks, not recursion: a reply chain given leaf first can be as deep as the file.
  const send = (first: ImportComment): void => {
    const stack = [first];
    for (let comment = stack.pop(); comment; comment = stack.pop()) {
      sent.add(comment.importKey);
      emit(comment);
      const replies = waiting.get(comment.importKey);
      if (!replies) continue;
      waiting.delete(comment.importKey);
      // Reversed onto the stack, so they go out in file order, each with its own replies after it.
      for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i] as ImportComment);
    }
  };

  /** Sends a held deleted comment (and its held deleted ancestors, the oldest first) as placeholders. */
  const release = (key: string): void => {
    const chain: ImportComment[] = [];
    for (let comment = held.get(key); comment; ) {
      held.delete(comment.importKey);
      chain.push(comment);
      const parent = comment.parentKey;
      comment = parent ? held.get(parent) : undefined;
    }
    for (const comment of chain.reverse()) {
      const parent = comment.parentKey;
      // A deleted comment whose parent is not known yet: a root placeholder, as nothing else can hold it.
      send(placeholder(parent && sent.has(parent) ? comment : { ...comment, parentKey: null }));
    }
  };

  const place = (comment: ImportComment): void => {
    const parent = comment.parentKey;
    if (!parent || sent.has(parent)) {
      send(comment);
      return;
    }
    if (held.has(parent)) {
      release(parent);
      send(comment);
      return;
    }
    const list = waiting.get(parent) ?? [];
    list.push(comment);
    waiting.set(parent, list);
  };

  return {
    comment(comment) {
      if (sent.has(comment.importKey) || held.has(comment.importKey)) {
        skipped += 1;
        return;
      }
      if (comment.status !== 'deleted') {
        place(comment);
        return;
      }
      held.set(comment.importKey, comment);
      // Replies that arrived before their deleted parent: the parent now becomes their placeholder.
      if (waiting.has(comment.importKey)) release(comment.importKey);
    },
    skip() {
      skipped += 1;
    },
    error: errors,
    finish() {
      for (const [, replies] of [...waiting]) {
        for (const reply of replies) {
          if (!sent.has(reply.importKey)) send({ ...reply, parentKey: null });
        }
      }
      waiting.clear();
      skipped += held.size;
      held.clear();
    },
    get skipped() {
      return skipped;
    },
  };
};
