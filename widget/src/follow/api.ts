/** The follow part's calls: `POST|DELETE /threads/follow` (docs/api.md "Following a thread"). */
import type { FollowResult, PublicConfig } from '../../../worker/types/api.ts';
import { request, send } from '../http.ts';

export interface FollowPage {
  url: string;
  id?: string;
}

const page = ({ url, id }: FollowPage) => (id ? { url, id } : { url });

/** `state` `following` (200) or `confirm` (202, a guest's address awaits the double opt-in). */
export const followThread = (origin: string, target: FollowPage, email: string | undefined, token?: string) =>
  request<FollowResult>(
    `${origin}/api/v1/threads/follow`,
    send('POST', { ...page(target), ...(email ? { email } : {}) }, token),
  );

export const unfollowThread = (origin: string, target: FollowPage, token: string) =>
  request<null>(`${origin}/api/v1/threads/follow`, send('DELETE', page(target), token));

/** Whether the deployment sends e-mail (the app's sign-in asked the same URL: the browser's cache answers). */
export const followOffered = async (origin: string): Promise<boolean> => {
  const result = await request<Partial<PublicConfig>>(`${origin}/api/v1/config`, {});
  return result.ok && result.value.follow === true;
};
