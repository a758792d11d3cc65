import { describe, expect, it } from 'vitest';
import { CONTROL_NAMES, encodeViewOptions, parseViewOptions } from './viewOptions.ts';

describe('view options in the hash', () => {
  it('read embed, hide and lock among the scenario keys, and write them back in a fixed order', () => {
    const { options, problems } = parseViewOptions('#preset=rps&t=3&embed=1&hide=paste,matrix&lock=tau');
    expect(problems).toEqual([]);
    expect(options.embed).toBe(true);
    expect([...options.hide].sort()).toEqual(['matrix', 'paste']);
    expect([...options.lock]).toEqual(['tau']);
    expect(encodeViewOptions(options)).toBe('&embed=1&hide=matrix,paste&lock=tau');
    expect(parseViewOptions('#' + encodeViewOptions(options).slice(1)).options).toEqual(options);
  });

  it('name unknown controls as problems and ignore them', () => {
    const { options, problems } = parseViewOptions('#hide=matrix,<script>,&lock=everything');
    expect([...options.hide]).toEqual(['matrix']);
    expect(options.lock.size).toBe(0);
    expect(problems.map((p) => p.field)).toEqual(['hide', 'lock']);
    expect(problems[0].message).toContain(CONTROL_NAMES.join(', '));
  });

  it('no view keys: nothing to write', () => {
    expect(encodeViewOptions(parseViewOptions('#preset=rps').options)).toBe('');
  });

  it('read frame= and poster= (a safe id and a plain image file name), and refuse anything else', () => {
    const ok = parseViewOptions('#embed=1&frame=nashmd-a1_b&poster=nash-md-poster.png');
    expect(ok.problems).toEqual([]);
    expect(ok.options.frame).toBe('nashmd-a1_b');
    expect(ok.options.poster).toBe('nash-md-poster.png');
    expect(encodeViewOptions(ok.options)).toBe('&embed=1&frame=nashmd-a1_b&poster=nash-md-poster.png');
    const bad = parseViewOptions('#embed=1&frame=a"b&poster=https://evil.example/x.png');
    expect(bad.options.frame).toBeUndefined();
    expect(bad.options.poster).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toEqual(['frame', 'poster']);
    for (const poster of ['../x.png', 'x.html', '%2e%2e/x.png', 'javascript:x.png'])
      expect(parseViewOptions(`#poster=${poster}`).options.poster, poster).toBeUndefined();
  });
});
