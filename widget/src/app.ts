/**
 * The entry of causerie-app.<lang>.js: the Preact app, loaded by embed.js when a thread comes near the
 * viewport. It only registers itself, once per language it carries; embed.js resolves the options and
 * calls `mount`.
 */
import type { AppModule } from './boot/load-app.ts';
import { supportedLangs } from './i18n/index.ts';
import { mount } from './mount.tsx';

window.causerieApps ??= {};
const apps = window.causerieApps;
for (const lang of supportedLangs()) apps[lang] = { mount } satisfies AppModule;
