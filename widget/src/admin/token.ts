/**
 * Where the admin token lives: sessionStorage, so it goes when the tab closes and never sits on disk for
 * the next person at this browser (never localStorage). Storage can throw (privacy modes): then the token
 * lives only as long as the page.
 */
const KEY = 'causerie-admin-token';

export const readToken = (): string | null => {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
};

export const saveToken = (token: string): void => {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // kept in memory only
  }
};

export const clearToken = (): void => {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
};
