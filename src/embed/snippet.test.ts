import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE } from './heightMessage.ts';
import { buildSnippet, folderOf, parseBaseUrl } from './snippet.ts';

const input = {
  src: 'https://example.org/nash-md/#preset=rps&t=300&embed=1&frame=nashmd-abc',
  frameId: 'nashmd-abc',
  title: 'Nash-MD explorer "live"',
  height: 700.4,
  link: 'https://example.org/nash-md/#preset=rps&t=300',
  script: true,
};

describe('parseBaseUrl', () => {
  it('accepts http(s) addresses, adds a folder’s trailing slash and drops the hash', () => {
    expect(parseBaseUrl(' https://example.org/nash-md ')).toEqual({ ok: true, url: 'https://example.org/nash-md/' });
    expect(parseBaseUrl('https://example.org/nash-md/#x=1')).toEqual({ ok: true, url: 'https://example.org/nash-md/' });
    expect(parseBaseUrl('https://example.org/a/index.html')).toEqual({
      ok: true,
      url: 'https://example.org/a/index.html',
    });
    expect(parseBaseUrl('http://127.0.0.1:4173/')).toEqual({ ok: true, url: 'http://127.0.0.1:4173/' });
  });
  it('refuses what is not a full web address, saying why', () => {
    for (const bad of [
      '',
      'example.org/nash-md',
      'javascript:alert(1)',
      'ftp://example.org/',
      'https://user:pw@example.org/',
    ]) {
      const r = parseBaseUrl(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
    }
  });
  it('folderOf gives the folder holding the app', () => {
    expect(folderOf('https://example.org/a/index.html?x=1')).toBe('https://example.org/a/');
    expect(folderOf('https://example.org/a/')).toBe('https://example.org/a/');
  });
});

describe('buildSnippet', () => {
  it('an iframe with the URL (ampersands escaped), a fixed fallback height and the frame id', () => {
    const s = buildSnippet({ ...input, script: false });
    expect(s).toBe(
      '<iframe id="nashmd-abc" src="https://example.org/nash-md/#preset=rps&amp;t=300&amp;embed=1&amp;frame=nashmd-abc" title="Nash-MD explorer &quot;live&quot;" width="100%" height="700" style="display:block;width:100%;border:0" loading="lazy" allow="fullscreen"></iframe>',
    );
  });

  it('escapes every inserted value: nothing breaks out of its attribute', () => {
    const s = buildSnippet({
      ...input,
      src: 'https://e.org/"><script>x</script>',
      fallback: { src: 'https://e.org/p.png', alt: 'a "quoted" <b>alt</b> & more' },
    });
    expect(s).not.toContain('"><script>x');
    expect(s).toContain('alt="a &quot;quoted&quot; &lt;b&gt;alt&lt;/b&gt; &amp; more"');
    // The only script is the host script.
    expect(s.match(/<script>/g)).toHaveLength(1);
  });

  it('the fallback image links to the app and is removed by the host script', () => {
    const s = buildSnippet({
      ...input,
      fallback: { src: 'https://example.org/nash-md/nash-md-poster.png', alt: 'A still' },
    });
    expect(s).toContain(
      '<a id="nashmd-abc-fallback" href="https://example.org/nash-md/#preset=rps&amp;t=300"><img src="https://example.org/nash-md/nash-md-poster.png" alt="A still"',
    );
    expect(s).toContain('getElementById("nashmd-abc-fallback")');
    expect(s.indexOf('<img')).toBeLessThan(s.indexOf('<script>'));
  });

  it('the host script resizes only its own iframe, from messages of the embed’s type with a sane height', () => {
    const s = buildSnippet(input);
    const code = s.slice(s.indexOf('<script>') + 8, s.indexOf('</script>'));
    // Run it against a fake page with two frames.
    const mine = { style: { height: '' }, contentWindow: {} };
    const other = { style: { height: '' }, contentWindow: {} };
    let listener: ((e: { source: unknown; data: unknown }) => void) | null = null;
    const doc = { getElementById: (id: string) => (id === 'nashmd-abc' ? mine : id === 'other' ? other : null) };
    new Function('document', 'addEventListener', code)(doc, (type: string, fn: typeof listener) => {
      if (type === 'message') listener = fn;
    });
    const send = (source: unknown, data: unknown) => listener!({ source, data });
    send(other.contentWindow, { type: HEIGHT_MESSAGE, frame: 'nashmd-abc', height: 900 });
    expect(mine.style.height).toBe('');
    send(mine.contentWindow, { type: 'other', frame: 'nashmd-abc', height: 900 });
    send(mine.contentWindow, { type: HEIGHT_MESSAGE, frame: 'nashmd-xyz', height: 900 });
    send(mine.contentWindow, { type: HEIGHT_MESSAGE, frame: 'nashmd-abc', height: 1e9 });
    send(mine.contentWindow, { type: HEIGHT_MESSAGE, frame: 'nashmd-abc', height: 'a lot' });
    send(mine.contentWindow, null);
    expect(mine.style.height).toBe('');
    send(mine.contentWindow, { type: HEIGHT_MESSAGE, frame: 'nashmd-abc', height: 812.3 });
    expect(mine.style.height).toBe('813px');
  });
});
