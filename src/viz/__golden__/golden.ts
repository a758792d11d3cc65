/**
 * Golden files of the renderers: a DOM subtree written as stable, diff-friendly text, compared with
 * the file under src/viz/__golden__/files/. `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the
 * files instead; review the change with `git diff` before committing it.
 *
 * The text: one element per line, indented by depth, attributes sorted by name, style declarations
 * sorted, numbers rounded (2 decimals in geometry, 4 in data-* values; in text and labels only raw
 * floats, to 4), ids renamed in document order (id1, id2, …) so several instances of a renderer
 * give the same file, long path data wrapped 8 commands a line, a canvas's recorded drawing
 * (canvasStub.ts) under its element.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { canvasOps, offscreenCanvases } from './canvasStub.ts';

const FILES_DIR = join(__dirname, 'files');
/** Attributes holding prose: only raw floats are rounded there, formatted numbers stay as written. */
const TEXT_ATTRS = new Set(['aria-label', 'aria-description', 'title', 'alt', 'data-short']);
/** Decimal numbers, not parts of hex colours or of longer numbers. */
const DECIMAL = /(?<![#\d.])-?(?:\d+\.\d+|\.\d+)(?:e[-+]?\d+)?|(?<![#\d.])-?\d+e[-+]\d+/gi;

function roundTo(x: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Every decimal number in `s` to `digits` decimals. */
export function roundNumbers(s: string, digits = 2): string {
  return s.replace(DECIMAL, (m) => roundTo(Number(m), digits));
}

/** Numbers with more than 4 decimals (raw floats) to 4; numbers a formatter wrote stay. */
function roundRawFloats(s: string): string {
  return s.replace(DECIMAL, (m) => (/\.\d{5,}/.test(m) ? roundTo(Number(m), 4) : m));
}

function styleText(style: string): string {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.replace(/\s*:\s*/, ': '))
    .sort()
    .join('; ');
}

/** Path data wrapped every 8 commands, so a change shows as a changed line, not a changed blob. */
function pathChunks(d: string): string[] {
  const commands = roundNumbers(d).match(/[a-zA-Z][^a-zA-Z]*/g) ?? [d];
  const out: string[] = [];
  for (let i = 0; i < commands.length; i += 8) out.push(commands.slice(i, i + 8).join(''));
  return out;
}

/** The subtree of `root` (root included) as golden text. */
export function serialize(root: Node): string {
  const ids = new Map<string, string>();
  const all = root instanceof Element ? [root, ...root.querySelectorAll('[id]')] : [];
  for (const el of all) if (el.id && !ids.has(el.id)) ids.set(el.id, `id${ids.size + 1}`);
  const renameIds = (v: string) => {
    let out = v;
    for (const [from, to] of ids) out = out.split(`#${from})`).join(`#${to})`).split(`"#${from}"`).join(`"#${to}"`);
    return out;
  };
  const lines: string[] = [];
  const walk = (node: Node, depth: number) => {
    const pad = '  '.repeat(depth);
    if (node.nodeType === 3) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) lines.push(`${pad}"${roundRawFloats(text)}"`);
      return;
    }
    if (!(node instanceof Element)) return;
    const tag = node.tagName.toLowerCase();
    const wrapped: string[] = [];
    const attrs = [...node.attributes]
      .map((a) => [a.name, a.value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([name, raw]) => {
        let value = raw;
        if (name === 'id') value = ids.get(raw) ?? raw;
        else if (name === 'style') value = roundNumbers(styleText(renameIds(raw)));
        else if (TEXT_ATTRS.has(name)) value = roundRawFloats(raw);
        // Data attributes carry values (probabilities), where 0.001 is a change; geometry is px.
        else value = roundNumbers(renameIds(raw), name.startsWith('data-') ? 4 : 2);
        if ((name === 'd' || name === 'points') && value.length > 100) {
          wrapped.push(...pathChunks(raw).map((c) => `${pad}    @${name} ${c}`));
          return [];
        }
        return [`${name}="${value}"`];
      });
    const children = [...node.childNodes].filter(
      (c) => c.nodeType === 1 || (c.nodeType === 3 && (c.textContent ?? '').trim()),
    );
    const head = `${pad}<${tag}${attrs.length ? ' ' + attrs.join(' ') : ''}>`;
    // An element holding one short text only keeps it on its own line.
    if (!wrapped.length && children.length === 1 && children[0].nodeType === 3) {
      lines.push(`${head} "${roundRawFloats((children[0].textContent ?? '').replace(/\s+/g, ' ').trim())}"`);
      return;
    }
    lines.push(head, ...wrapped);
    if (tag === 'canvas') for (const op of canvasOps(node as HTMLCanvasElement) ?? []) lines.push(`${pad}  ~ ${op}`);
    for (const child of children) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines.join('\n') + '\n';
}

/** The drawing recorded on canvases outside the document (e.g. a picture later drawn with drawImage). */
export function serializeOffscreen(): string {
  const drawn = offscreenCanvases().filter((c) => (canvasOps(c) ?? []).some((op) => !/^\w+ = /.test(op)));
  return drawn
    .map(
      (c, k) =>
        [`offscreen canvas ${k + 1} (${c.width}x${c.height})`, ...(canvasOps(c) ?? []).map((op) => `  ~ ${op}`)].join(
          '\n',
        ) + '\n',
    )
    .join('');
}

type Edit = { op: ' ' | '-' | '+'; line: string; a: number; b: number };

/** A line-level edit script of a → b (longest common subsequence on the part between the common head and tail). */
function edits(a: string[], b: string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: Edit[] = [];
  for (let i = 0; i < head; i++) out.push({ op: ' ', line: a[i], a: i, b: i });
  const m = x.length;
  const n = y.length;
  if (m * n <= 4_000_000) {
    // lcs[i][j]: longest common subsequence of x[i..] and y[j..].
    const lcs = new Uint32Array((m + 1) * (n + 1));
    for (let i = m - 1; i >= 0; i--)
      for (let j = n - 1; j >= 0; j--)
        lcs[i * (n + 1) + j] =
          x[i] === y[j]
            ? lcs[(i + 1) * (n + 1) + j + 1] + 1
            : Math.max(lcs[(i + 1) * (n + 1) + j], lcs[i * (n + 1) + j + 1]);
    let i = 0;
    let j = 0;
    while (i < m || j < n) {
      if (i < m && j < n && x[i] === y[j]) out.push({ op: ' ', line: x[i], a: head + i++, b: head + j++ });
      else if (i < m && (j === n || lcs[(i + 1) * (n + 1) + j] >= lcs[i * (n + 1) + j + 1]))
        out.push({ op: '-', line: x[i], a: head + i++, b: head + j });
      else out.push({ op: '+', line: y[j], a: head + i, b: head + j++ });
    }
  } else {
    for (let i = 0; i < m; i++) out.push({ op: '-', line: x[i], a: head + i, b: head + n });
    for (let j = 0; j < n; j++) out.push({ op: '+', line: y[j], a: head + m, b: head + j });
  }
  for (let k = 0; k < tail; k++)
    out.push({
      op: ' ',
      line: a[a.length - tail + k],
      a: a.length - tail + k,
      b: b.length - tail + k,
    });
  return out;
}

/**
 * The differing lines of two texts, each change with 2 lines of context, numbered as in the
 * golden file (unchanged and - lines) or in the new text (+ lines), at most `max` lines: what a person reads to see what
 * changed (git diff on the golden file after an update shows all of it).
 */
export function lineDiff(expected: string, actual: string, max = 40): string {
  const script = edits(expected.split('\n'), actual.split('\n'));
  const changed = script.flatMap((e, k) => (e.op === ' ' ? [] : [k]));
  const shown = new Set<number>();
  for (const k of changed) for (let c = k - 2; c <= k + 2; c++) if (c >= 0 && c < script.length) shown.add(c);
  const out: string[] = [];
  let previous = -1;
  for (const k of [...shown].sort((p, q) => p - q)) {
    if (out.length >= max) {
      out.push(`… ${changed.filter((c) => c > previous).length} more changed lines`);
      break;
    }
    if (previous >= 0 && k > previous + 1) out.push('   ⋯');
    const e = script[k];
    out.push(`${e.op} ${String(e.op === '+' ? e.b + 1 : e.a + 1).padStart(5)}  ${e.line}`);
    previous = k;
  }
  return `${changed.length} lines differ\n${out.join('\n')}`;
}

const updating = () => process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the golden file `name`: null when equal, else a readable diff. With
 * UPDATE_GOLDEN=1 it writes the file instead (and returns null).
 */
export function goldenMismatch(name: string, actual: string): string | null {
  const file = join(FILES_DIR, name);
  const shown = relative(process.cwd(), file);
  if (updating()) {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return null;
  }
  if (!existsSync(file)) return `No golden file ${shown}: run \`npm run golden:update\` to write it, then review it.`;
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) return null;
  return `${shown} differs from the rendered figure (- golden, + now):\n${lineDiff(expected, actual)}`;
}

/** Throws the mismatches of several golden files at once (null entries are matches). */
export function expectGoldens(mismatches: readonly (string | null)[]): void {
  const found = mismatches.filter((m): m is string => m !== null);
  if (found.length)
    throw new Error(
      `${found.join('\n\n')}\n\nIf the change is intended, run \`npm run golden:update\` and review \`git diff\` of the golden files.`,
    );
}
