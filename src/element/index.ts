/**
 * The library's entry (dist/nash-md-explorer.js): defines `<nash-md-explorer>` (unless the page
 * already has one of that name) and exports `mount` and the public types.
 *
 *   <script type="module" src="https://cdn.example/nash-md/nash-md-explorer.js"></script>
 *   <nash-md-explorer preset="rater-types" eps="0.1" t="400"></nash-md-explorer>
 */
import { mount } from '../explorer/mount.tsx';
import { defineNashMdExplorer } from './NashMdExplorer.ts';
import { elementSheet } from './styles.ts';
// The app's page CSS (main.tsx imports it for index.html); the components import their own.
import '../styles.css';
import './element.css';
import './dark.css';

export { mount };
export type { ExplorerHandle, ExplorerOptions, HashPatch, HashState, Theme, FigureId } from '../explorer/types.ts';
export { FIGURE_IDS } from '../explorer/figureManifest.ts';

// The stylesheet the library build writes beside this script (see vite.lib.config.ts). Not a
// string literal: Vite would try to resolve it at build time, before it exists.
const cssFile = 'nash-md-explorer.css';
defineNashMdExplorer({ mount, sheet: () => elementSheet(new URL(cssFile, import.meta.url)) });
