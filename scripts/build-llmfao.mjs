#!/usr/bin/env node
/**
 * Turns the LLMFAO comparisons (../shared/data/llmfao, CC BY 4.0, see its PROVENANCE.md) into the
 * compact count file the app's real-data presets load on demand: public/data/llmfao.json.
 *
 *   node scripts/build-llmfao.mjs [source folder]     (default: ../shared/data/llmfao)
 *
 * The output is committed (a fresh clone has no ../shared): run this only to rebuild it. Format:
 *   models   model names, sorted (the responses' labels)
 *   prompts  { id, slug, text } in the order of their ids
 *   raters   { crowd, gpt4, gpt3 }: { judgements, ties, counts }, counts a list of
 *            [prompt index, i, j, a, b] with i < j model indices and a, b the wins of i and of j
 *            in HALF units (a win counts 2, a tie 1 to each side), so every number is an integer.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? join(root, '..', 'shared', 'data', 'llmfao'));
const RATERS = {
  crowd: 'crowd-comparisons.csv',
  gpt4: 'gpt4-crowd-comparisons.csv',
  gpt3: 'gpt3-crowd-comparisons.csv',
};

/** RFC 4180 CSV (quoted fields with doubled quotes, commas and newlines inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[k + 1] === '\n') k++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const jsonl = (file) =>
  readFileSync(join(source, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const tables = Object.fromEntries(
  Object.entries(RATERS).map(([k, f]) => [k, parseCsv(readFileSync(join(source, f), 'utf8'))]),
);
// Names by id from the comparisons themselves (model_x is shown left, model_y right).
const nameOf = new Map();
for (const rows of Object.values(tables))
  for (const r of rows) {
    nameOf.set(r.model_x, r.left);
    nameOf.set(r.model_y, r.right);
  }
const models = [...new Set(nameOf.values())].sort((a, b) => a.localeCompare(b, 'en'));
const modelIndex = new Map([...nameOf].map(([id, name]) => [id, models.indexOf(name)]));
const usedPrompts = new Set(Object.values(tables).flatMap((rows) => rows.map((r) => r.prompt)));
const prompts = jsonl('prompts.jsonl')
  .filter((p) => usedPrompts.has(String(p.id)))
  .sort((a, b) => a.id - b.id)
  .map((p) => ({ id: p.id, slug: p.slug, text: p.text }));
const promptIndex = new Map(prompts.map((p, k) => [String(p.id), k]));

const raters = {};
for (const [rater, rows] of Object.entries(tables)) {
  const cells = new Map();
  let ties = 0;
  for (const r of rows) {
    let x = modelIndex.get(r.model_x);
    let y = modelIndex.get(r.model_y);
    // Half units: the winner 2, or 1 each for a tie; stored with the smaller index first.
    const halves = { left: [2, 0], right: [0, 2], tie: [1, 1] }[r.winner];
    if (!halves) throw new Error(`${rater}: winner "${r.winner}" is not left, right or tie`);
    let [a, b] = halves;
    if (r.winner === 'tie') ties++;
    if (x > y) [x, y, a, b] = [y, x, b, a];
    const key = `${promptIndex.get(r.prompt)},${x},${y}`;
    const c = cells.get(key) ?? [promptIndex.get(r.prompt), x, y, 0, 0];
    c[3] += a;
    c[4] += b;
    cells.set(key, c);
  }
  const counts = [...cells.values()].sort((u, v) => u[0] - v[0] || u[1] - v[1] || u[2] - v[2]);
  raters[rater] = { judgements: rows.length, ties, counts };
}

const out = {
  format: 'nash-md-explorer/llmfao-counts/1',
  attribution:
    'LLMFAO by Dmitry Ustalov, built on the Crowdsourced LLM Benchmark by llmonitor.com; CC BY 4.0. https://github.com/dustalov/llmfao',
  source: 'https://github.com/dustalov/llmfao',
  commit: '9e224e94a40129fd6e1e1529b962307e84af40da',
  license: 'CC BY 4.0',
  models,
  prompts,
  raters,
};
const target = join(root, 'public', 'data', 'llmfao.json');
writeFileSync(target, JSON.stringify(out) + '\n');
console.log(
  `${target}: ${models.length} models, ${prompts.length} prompts, ` +
    Object.entries(raters)
      .map(([k, r]) => `${k} ${r.judgements} judgements in ${r.counts.length} cells`)
      .join(', '),
);
