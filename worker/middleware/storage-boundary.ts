/**
 * The storage failure boundary: any D1/KV error becomes a 503 `storage_unavailable` the client may retry.
 * Writes go through `db.batch` (one transaction), so a failure leaves nothing half-written.
 */
import { ApiError } from '../errors.ts';

export const storage = async <T>(operation: () => Promise<T>): Promise<T> => {
  try {
    return await operation();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    console.error('storage failure:', err);
    throw new ApiError('storage_unavailable', 'the database is unavailable; try again');
  }
};
