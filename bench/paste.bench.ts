/**
 * Reading a big battle log (issue 15): wall time of parsePastedMatrix, the reader the paste worker
 * runs (workers/parse.worker.ts), on a generated arena log of 1,000,000 battles between 60 models
 * with a header and an extra judge column (`model_a,model_b,winner,judge`, about 40 MB), as CSV and
 * as JSON lines; median of 3 runs after a warm-up, with the peak heap growth. Prints Markdown rows
 * for docs/benchmarks.md.   Run: npx tsx bench/paste.bench.ts [battles]
 */
import { cpus } from 'node:os';
import { parsePastedMatrix } from '../src/state/pasteParser.ts';
import { lcg } from '../src/core/__tests__/seededGame.ts';

const BATTLES = Number(process.argv[2] ?? 1_000_000);
const MODELS = 60;

function generate(json: boolean): string {
  const rand = lcg(15);
  const names = Array.from({ length: MODELS }, (_, k) => `model-${String(k).padStart(2, '0')}-chat`);
  const strength = names.map(() => rand() * 3);
  const lines: string[] = json ? [] : ['model_a,model_b,winner,judge'];
  for (let k = 0; k < BATTLES; k++) {
    const i = Math.floor(rand() * MODELS);
    const j = (i + 1 + Math.floor(rand() * (MODELS - 1))) % MODELS;
    const u = rand();
    const p = 1 / (1 + Math.exp(strength[j] - strength[i]));
    const winner = u < 0.08 ? 'tie' : rand() < p ? 'model_a' : 'model_b';
    const judge = `judge-${Math.floor(rand() * 500)}`;
    lines.push(
      json
        ? JSON.stringify({ model_a: names[i], model_b: names[j], winner, judge })
        : `${names[i]},${names[j]},${winner},${judge}`,
    );
  }
  return lines.join('\n');
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

function measure(label: string, text: string): string {
  const r0 = parsePastedMatrix(text, 'auto'); // warm-up
  if (!r0.ok) throw new Error(r0.error);
  const times: number[] = [];
  let peak = 0;
  for (let k = 0; k < 3; k++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const r = parsePastedMatrix(text, 'auto');
    times.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    if (!r.ok || r.format !== 'battles') throw new Error('not read as battles');
  }
  const ms = median(times);
  const mb = text.length / 1e6;
  return `| ${label} | ${BATTLES.toLocaleString('en')} | ${mb.toFixed(1)} MB | ${(ms / 1000).toFixed(2)} s | ${(Math.round(BATTLES / ms) * 1000).toLocaleString('en')} battles/s | ${(peak / 1e6).toFixed(0)} MB |`;
}

console.log(
  `Paste reader, ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| input | battles | size | time (median of 3) | rate | heap growth after the run |');
console.log('|---|---|---|---|---|---|');
console.log(measure('CSV with a judge column', generate(false)));
console.log(measure('JSON lines', generate(true)));
