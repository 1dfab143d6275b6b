/** What every admin section shares: the API (with the token), the strings, and the page's live regions. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AdminApi, AdminError } from './api.ts';
import type { Strings } from './i18n/index.ts';

export interface Admin {
  api: AdminApi;
  t: Strings;
  /** The page's language (`en`, `fr`): dates and numbers are formatted in it. */
  lang: string;
  /** Says how an action went, in the polite live region. */
  announce: (message: string) => void;
  /** Says what failed, in the alert region. A 401 never gets here: the page asks for the token instead. */
  fail: (error: AdminError) => void;
}

export const AdminContext = createContext<Admin | null>(null);

export const useAdmin = (): Admin => {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdmin() outside <AdminContext.Provider>');
  return admin;
};

/** A date and time as the owner's language writes them. */
export const formatDateTime = (lang: string, iso: string): string => new Date(iso).toLocaleString(lang);

/** The server's `detail` when it gave one, else the message for its code; then any field errors. */
export const errorText = (t: Strings, error: AdminError): string => {
  const fields = error.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  const main = error.detail ?? t.errors[error.code] ?? t.errors.internal;
  return fields ? `${main} (${fields})` : main;
};
