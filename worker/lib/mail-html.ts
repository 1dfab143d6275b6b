/**
 * The HTML part of our e-mails: one small, inline-styled layout (mail clients drop <style> and external
 * CSS), every value escaped here except the comment's HTML, which our Markdown renderer produced and
 * sanitized when it was stored, and which arrives trimmed by `summarizeHtml`.
 */
import { escapeXml } from './atom.ts';

/** Text into HTML text or a quoted attribute (the five specials; what XML needs is enough for HTML). */
export const escapeHtml = (text: string): string => escapeXml(text);

export interface MailBlock {
  /** Plain text, escaped. */
  lead?: string;
  /** Trusted, already sanitized HTML (a comment's rendered body), quoted. */
  quoteHtml?: string;
  /** A button-like link. */
  link?: { href: string; label: string };
  /** A discreet link under it (a digest's per-comment unsubscribe). */
  smallLink?: { href: string; label: string };
  /** A row of button-like links (the one-click moderation actions of a held comment). */
  links?: ReadonlyArray<{ href: string; label: string }>;
}

const QUOTE = 'margin:12px 0;padding:4px 12px;border-left:3px solid #c8ccd0;color:#30343a';
const BUTTON =
  'display:inline-block;padding:8px 14px;border-radius:6px;background:#2b5fd9;color:#fff;text-decoration:none';

const block = (b: MailBlock): string =>
  [
    b.lead ? `<p style="margin:16px 0 4px">${escapeHtml(b.lead)}</p>` : '',
    b.quoteHtml ? `<blockquote style="${QUOTE}">${b.quoteHtml}</blockquote>` : '',
    b.links?.length
      ? `<p style="margin:8px 0 16px">${b.links
          .map(
            (l) =>
              `<a href="${escapeHtml(l.href)}" style="${BUTTON};margin-right:8px">${escapeHtml(l.label)}</a>`,
          )
          .join('')}</p>`
      : '',
    b.link
      ? `<p style="margin:8px 0 16px"><a href="${escapeHtml(b.link.href)}" style="${BUTTON}">${escapeHtml(b.link.label)}</a></p>`
      : '',
    b.smallLink
      ? `<p style="margin:0 0 16px;font-size:12px"><a href="${escapeHtml(b.smallLink.href)}" style="color:#6a7078">${escapeHtml(b.smallLink.label)}</a></p>`
      : '',
  ].join('');

/**
 * A whole HTML document: `lang` for screen readers, the blocks, then a small footer (its optional link:
 * the unsubscribe one).
 * @example mailHtml('en', 'New reply', [{ lead: 'Léo replied:' }], { text: 'Sent by…' })
 */
export const mailHtml = (
  lang: string,
  title: string,
  blocks: MailBlock[],
  footer: { text: string; link?: { href: string; label: string } },
): string =>
  [
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:16px;font:15px/1.5 -apple-system,Segoe UI,Roboto,sans-serif;color:#1d2024">',
    '<div style="max-width:600px;margin:0 auto">',
    blocks.map(block).join(''),
    `<p style="margin-top:24px;font-size:12px;color:#6a7078">${escapeHtml(footer.text)}`,
    footer.link
      ? ` <a href="${escapeHtml(footer.link.href)}" style="color:#6a7078">${escapeHtml(footer.link.label)}</a>`
      : '',
    '</p></div></body></html>',
  ].join('');
