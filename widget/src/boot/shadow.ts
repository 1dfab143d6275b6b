/**
 * The thread's shadow root with the server's view in it, shared by the boot (which inserts the HTML of
 * GET /threads/html itself: boot/thread-html.ts) and the app (mount.tsx, which adopts what it finds).
 */

/**
 * The element's open shadow root, made if missing. HTML inserted with innerHTML keeps `<template
 * shadowrootmode>` a plain template (only the parser attaches declarative shadow roots), so its content,
 * the server's shadow tree, is moved in here. (The emptied template stays: it renders nothing.)
 * https://html.spec.whatwg.org/multipage/scripting.html#attr-template-shadowrootmode
 */
export const adoptTemplate = (element: Element): ShadowRoot => {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const template = element.querySelector<HTMLTemplateElement>('template[shadowrootmode]');
  if (template) root.append(template.content);
  return root;
};
