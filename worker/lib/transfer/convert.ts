/**
 * From the import model to the Causerie format the worker imports: ids derived from import keys, and
 * comments grouped by thread. Shared by the worker (a whole file) and the command-line tool (batches).
 */
import { createArtransParser } from './artrans.ts';
import { createAssembler } from './assembler.ts';
import type { ExportComment, ExportFile, ExportThread } from './causerie-format.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './causerie-format.ts';
import { createComentarioParser } from './comentario.ts';
import { createCommentoParser } from './commento.ts';
import { createDisqusParser } from './disqus.ts';
import { importId } from './ids.ts';
import { createIssoParser } from './isso.ts';
import type {
  ImportComment,
  ImportError,
  ImportFormat,
  ImportParser,
  ImportSink,
  ParserOptions,
} from './model.ts';
import { createRemark42Parser } from './remark42.ts';
import { createWxrParser } from './wxr.ts';

/** A parser of a format other than Causerie's; it may throw ImportFileError (the file refused whole). */
export const createParser = (
  format: Exclude<ImportFormat, 'causerie'>,
  sink: ImportSink,
  options: ParserOptions = {},
): ImportParser => {
  switch (format) {
    case 'wxr':
      return createWxrParser(sink);
    case 'disqus':
      return createDisqusParser(sink);
    case 'commento':
      return createCommentoParser(sink);
    case 'isso':
      return createIssoParser(sink, options);
    case 'remark42':
      return createRemark42Parser(sink, options);
    case 'artrans':
      return createArtransParser(sink, options);
    case 'comentario':
      return createComentarioParser(sink, options);
  }
};

export const toExportComment = async (comment: ImportComment): Promise<ExportComment> => ({
  id: await importId(comment.importKey),
  parentId: comment.parentKey ? await importId(comment.parentKey) : null,
  importKey: comment.importKey,
  status: comment.status,
  // Only a root can be pinned in Causerie (a pin orders the page's trees).
  pinned: (comment.pinned ?? false) && comment.parentKey === null,
  likes: comment.likes ?? 0,
  body: comment.body,
  author: { ...comment.author, avatar: null, moderator: false },
  ipHash: null,
  ip: comment.ip,
  readerHash: null,
  clientId: null,
  notify: false,
  createdAt: comment.createdAt,
  editedAt: null,
  // The peers' formats have comments only: none comes from the open web.
  kind: 'comment',
  source: null,
});

/** Groups comments (already in a safe order) under their threads, keeping that order. */
export const groupByThread = async (comments: ImportComment[]): Promise<ExportThread[]> => {
  const threads = new Map<string, ExportThread>();
  for (const comment of comments) {
    const source = comment.thread;
    let thread = threads.get(source.importKey);
    if (!thread) {
      thread = {
        url: source.url,
        title: source.title,
        locked: source.locked,
        likes: 0,
        createdAt: source.createdAt,
        importKey: source.importKey,
        comments: [],
      };
      threads.set(source.importKey, thread);
    }
    thread.comments.push(await toExportComment(comment));
  }
  return [...threads.values()];
};

export interface ConvertedFile {
  file: ExportFile;
  skipped: number;
  errors: ImportError[];
}

/**
 * Parses a whole file of another system into the Causerie format.
 * @example const { file, skipped, errors } = await convertFile('disqus', xml)
 */
export const convertFile = async (
  format: Exclude<ImportFormat, 'causerie'>,
  text: string,
  options: ParserOptions = {},
): Promise<ConvertedFile> => {
  const comments: ImportComment[] = [];
  const errors: ImportError[] = [];
  const assembler = createAssembler(
    (comment) => comments.push(comment),
    (error) => errors.push(error),
  );
  const parser = createParser(format, assembler, options);
  parser.write(text);
  parser.close();
  assembler.finish();
  const threads = await groupByThread(comments);
  return {
    file: { format: EXPORT_FORMAT, version: EXPORT_VERSION, threads },
    skipped: assembler.skipped,
    errors,
  };
};
