/**
 * What the owner's decisions teach the filter (issue 14, item 4): approve = ham, spam = spam, for the
 * moderation service and the importers. The statements join the decision's own db.batch, so a decision and
 * what it taught happen together or not at all.
 */
import {
  findUnfeatured,
  type SpamClass,
  setFeaturesStatement,
  trainStatements,
} from '../../db/spam-model.ts';
import type { SpamSettings } from '../../env.ts';
import { commentFeatures } from '../../lib/spam/features.ts';

/** The class a status teaches; other statuses (pending, deleted) teach nothing and leave what was learnt. */
export const classOf = (status: string): SpamClass | null =>
  status === 'approved' ? 'ham' : status === 'spam' ? 'spam' : null;

/**
 * The statements that teach `to` from these comments: features first for comments stored before the
 * filter existed (one read, then one statement each), then the fixed training statements.
 */
export const learnStatements = async (
  db: D1Database,
  spam: Pick<SpamSettings, 'filter'>,
  ids: readonly string[],
  to: SpamClass,
): Promise<D1PreparedStatement[]> => {
  if (!spam.filter || ids.length === 0) return [];
  const unfeatured = await findUnfeatured(db, ids);
  return [
    ...unfeatured.map((row) =>
      setFeaturesStatement(
        db,
        row.id,
        commentFeatures({ html: row.html, authorName: row.author_name, authorWebsite: row.author_website }),
      ),
    ),
    ...trainStatements(db, ids, to, new Date().toISOString()),
  ];
};

/** Imported comments already carry their features (services/transfer/store.ts): no read needed. */
export const learnImportedStatements = (
  db: D1Database,
  spam: Pick<SpamSettings, 'filter'>,
  byClass: Record<SpamClass, string[]>,
): D1PreparedStatement[] => {
  if (!spam.filter) return [];
  const at = new Date().toISOString();
  return (['ham', 'spam'] as const).flatMap((to) =>
    byClass[to].length ? trainStatements(db, byClass[to], to, at) : [],
  );
};
