/** The app's version from package.json, injected by Vite (see vite.config.ts). */
declare const __APP_VERSION__: string;
