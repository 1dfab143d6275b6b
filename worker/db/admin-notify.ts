/** Reply notifications: a commenter's "notify me of replies" switch. */

/** Turns reply e-mails off for one comment (the signed unsubscribe link); idempotent. */
export const stopReplyNotifications = (db: D1Database, commentId: string): Promise<D1Result> =>
  db.prepare('UPDATE comments SET notify = 0 WHERE id = ?1').bind(commentId).run();
