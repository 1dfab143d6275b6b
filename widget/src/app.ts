/**
 * The entry of causerie-app.<lang>.js: the Preact app, loaded by embed.js when a thread comes near the
 * viewport. It only registers itself, once per language it carries; embed.js resolves the options and
 * calls `mount`.
 */
import { Fragment, h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppModule } from './boot/load-app.ts';
import { _useUid } from './components/use-uid.ts';
import { supportedLangs } from './i18n/index.ts';
import { _register, loadExtras } from './lazy.tsx';
import { mount as mountThread } from './mount.tsx';
import type { WidgetOptions } from './options.ts';

/** A page with `data-mastodon` (issue 18) also tells the server its toot, from the extras part. */
const mount = (element: Element, options: WidgetOptions) => {
  if (options.mastodon) loadExtras().then((extras) => extras._linkMastodon(options), Boolean);
  return mountThread(element, options);
};

/**
 * What causerie-extras.<lang>.js and causerie-auth.<lang>.js borrow from the app: one Preact (hooks keep
 * their state in the instance that renders), one id counter, the parts' registry. vite.config.ts maps the
 * parts' imports of these modules onto this object.
 */
const lib = { Fragment, h, useEffect, useRef, useState, _useUid, _register };

window.causerieApps ??= {};
const apps = window.causerieApps;
for (const lang of supportedLangs()) apps[lang] = { mount, lib } satisfies AppModule;
