/**
 * The Share dialog's embed code, as pure functions: the published base URL (validated), the
 * embed's URL, and the snippet: an <iframe> with a fixed fallback height, an optional <img>
 * fallback for feed readers (which strip iframes and scripts), and a few lines of host script
 * that size the iframe to the height the embed posts (src/embed/frameFit.ts) and remove the
 * fallback image where scripts run.
 */

import { HEIGHT_MESSAGE } from './heightMessage.ts';

export type BaseUrlResult = { ok: true; url: string } | { ok: false; message: string };

/**
 * Reads the "Published at" field: an absolute http(s) URL of the folder (or page) where the app
 * will be served. A trailing file name such as index.html is kept; a folder gets its trailing
 * slash; any hash is dropped (the state's hash is appended).
 */
export function parseBaseUrl(text: string): BaseUrlResult {
  const raw = text.trim();
  if (!raw)
    return {
      ok: false,
      message: 'enter the address where the app will be published, e.g. https://example.org/nash-md/',
    };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `"${raw.slice(0, 60)}" is not a full address: start it with https://` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: `the address must start with https:// (not ${url.protocol})` };
  if (url.username || url.password)
    return { ok: false, message: 'the address must not contain a user name or password' };
  url.hash = '';
  // A folder without its trailing slash would resolve the app's files one level up.
  const last = url.pathname.split('/').pop() ?? '';
  if (last && !last.includes('.')) url.pathname += '/';
  return { ok: true, url: url.href };
}

/** The URL of the folder that holds the app (for files next to it, such as the poster). */
export function folderOf(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.search = '';
  url.pathname = url.pathname.replace(/[^/]*$/, '');
  return url.href;
}

/** Escapes text for an HTML attribute value in double quotes (and for text content). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface SnippetInput {
  /** The embed's full URL (base URL + state hash + view keys, including `frame=`). */
  src: string;
  /** The iframe's id (also in the URL's `frame=`), matched by the host script. */
  frameId: string;
  /** The iframe's accessible name. */
  title: string;
  /** Fixed height in CSS px, used until (or unless) the embed reports its height. */
  height: number;
  /** The link to the full app (for the fallback image's link). */
  link: string;
  /** The poster image's URL and alt text: an <img> fallback for feed readers. */
  fallback?: { src: string; alt: string } | null;
  /** Include the host script (resizing and removing the fallback). */
  script: boolean;
}

/**
 * The host script: resizes the iframe to the height its document posts (only messages from
 * that iframe's window, of our type and frame id, with a sane number), and removes the
 * fallback image, which only readers that run no script (feed readers) should show.
 */
function hostScript(frameId: string): string {
  const id = JSON.stringify(frameId);
  return (
    `<script>(function(){var f=document.getElementById(${id});if(!f)return;` +
    `var g=document.getElementById(${JSON.stringify(frameId + '-fallback')});if(g)g.remove();` +
    `addEventListener("message",function(e){var d=e.data;` +
    `if(e.source!==f.contentWindow||!d||d.type!==${JSON.stringify(HEIGHT_MESSAGE)}||d.frame!==${id})return;` +
    `var h=Number(d.height);if(h>=100&&h<=20000)f.style.height=Math.ceil(h)+"px";});})();</script>`
  );
}

/** The embed code. Every value inserted into HTML is escaped; the frame id is checked by the caller. */
export function buildSnippet(s: SnippetInput): string {
  const lines = [
    `<iframe id="${escapeHtml(s.frameId)}" src="${escapeHtml(s.src)}" title="${escapeHtml(s.title)}" width="100%" height="${Math.round(s.height)}" style="display:block;width:100%;border:0" loading="lazy" allow="fullscreen"></iframe>`,
  ];
  if (s.fallback) {
    lines.push(
      `<a id="${escapeHtml(s.frameId)}-fallback" href="${escapeHtml(s.link)}"><img src="${escapeHtml(s.fallback.src)}" alt="${escapeHtml(s.fallback.alt)}" style="max-width:100%;height:auto"></a>`,
    );
  }
  if (s.script) lines.push(hostScript(s.frameId));
  return lines.join('\n');
}
