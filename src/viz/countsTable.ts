/**
 * The sampled comparisons themselves (issue 16): for n ≤ 12 a small heatmap of the win counts,
 * row y over column y′ — each cell the wins of y over y′, coloured by the observed win rate
 * w_yy′/n_yy′ (blue above ½, red below, blank where the pair was never compared) — and for larger
 * n a table of the most compared pairs with their counts. A real <table> either way (the screen
 * reader's view); full counts in data-value. Updated imperatively, never by React.
 */
import * as d3 from 'd3';
import type { Renderer } from './types.ts';
import './dataTable.css';

export interface CountsTableProps {
  labels: readonly string[];
  n: number;
  /** Observed pairs i < j with the wins of each side (core PairCounts / FeedbackData). */
  i: ArrayLike<number>;
  j: ArrayLike<number>;
  winsI: ArrayLike<number>;
  winsJ: ArrayLike<number>;
  /** What the caption says about the data (N, sampling, seed). */
  caption: string;
}

/** Above this n the heatmap gives way to a list of pairs. */
export const COUNTS_GRID_MAX = 12;
/** The list shows at most this many pairs (the most compared first); the export has them all. */
export const COUNTS_LIST_MAX = 20;

/**
 * The cell's tint for a win rate v: the heatmap's blue above ½ and red below (HEAT in palette.ts),
 * at most 60 % opaque over white so the dark text keeps a contrast above 6:1. Written here, not
 * taken from heatColor.ts: importing that into this lazy chunk would split it out of the first
 * render's main chunk, at a cost in bytes.
 */
function tint(v: number): string {
  const alpha = (0.6 * Math.abs(2 * v - 1)).toFixed(3);
  return v >= 0.5 ? `rgba(33, 102, 172, ${alpha})` : `rgba(178, 24, 43, ${alpha})`;
}

const count = (x: number) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toFixed(1));

export function createCountsTable(element: HTMLElement): Renderer<CountsTableProps | null> {
  const root = d3.select(element).append('div').attr('class', 'data-table-wrap counts-table-wrap');
  const table = root.append('table').attr('class', 'data-table counts-table').attr('data-testid', 'counts-table');
  const caption = table.append('caption');
  const head = table.append('thead').append('tr');
  const body = table.append('tbody');

  function grid(p: CountsTableProps) {
    const wins = new Float64Array(p.n * p.n);
    for (let k = 0; k < p.i.length; k++) {
      wins[p.i[k] * p.n + p.j[k]] = p.winsI[k];
      wins[p.j[k] * p.n + p.i[k]] = p.winsJ[k];
    }
    head
      .selectAll('th')
      .data(['wins of ↓ over →', ...p.labels])
      .join('th')
      .attr('scope', 'col')
      .text((d) => d);
    const rows = body
      .selectAll<HTMLTableRowElement, number>('tr')
      .data(d3.range(p.n))
      .join((enter) => enter.append('tr').call((tr) => tr.append('th').attr('scope', 'row')));
    rows.select('th').text((y) => p.labels[y]);
    rows
      .selectAll<HTMLTableCellElement, [number, number]>('td')
      .data((y) => d3.range(p.n).map((z) => [y, z] as [number, number]))
      .join('td')
      .each(function ([y, z]) {
        const w = wins[y * p.n + z];
        const total = w + wins[z * p.n + y];
        const cell = this as HTMLTableCellElement;
        cell.style.background = y !== z && total > 0 ? tint(w / total) : '';
        cell.textContent = y === z ? '—' : total > 0 ? count(w) : '·';
        cell.dataset.value = String(w);
        cell.title =
          y === z ? '' : `${p.labels[y]} beat ${p.labels[z]} ${count(w)} times in ${count(total)} comparisons`;
      });
  }

  function list(p: CountsTableProps) {
    const order = d3
      .range(p.i.length)
      .sort((a, b) => p.winsI[b] + p.winsJ[b] - (p.winsI[a] + p.winsJ[a]))
      .slice(0, COUNTS_LIST_MAX);
    head
      .selectAll('th')
      .data(['a', 'b', 'wins of a', 'wins of b'])
      .join('th')
      .attr('scope', 'col')
      .text((d) => d);
    body
      .selectAll<HTMLTableRowElement, number>('tr')
      .data(order)
      .join('tr')
      .each(function (k) {
        const cells = [p.labels[p.i[k]], p.labels[p.j[k]], count(p.winsI[k]), count(p.winsJ[k])];
        d3.select(this)
          .selectAll('td')
          .data(cells)
          .join('td')
          .text((d) => d);
      });
  }

  return {
    update(p) {
      root.style('display', p ? '' : 'none');
      if (!p) return;
      const asGrid = p.n <= COUNTS_GRID_MAX;
      table.classed('counts-grid', asGrid);
      // A switch between the two layouts starts from an empty table.
      if (table.attr('data-layout') !== (asGrid ? 'grid' : 'list')) {
        head.selectAll('*').remove();
        body.selectAll('*').remove();
        table.attr('data-layout', asGrid ? 'grid' : 'list');
      }
      caption.text(
        asGrid
          ? p.caption
          : `${p.caption} The ${Math.min(COUNTS_LIST_MAX, p.i.length)} most compared of ${p.i.length.toLocaleString('en')} observed pairs; the export has them all.`,
      );
      if (asGrid) grid(p);
      else list(p);
    },
    resize() {},
    destroy() {
      root.remove();
    },
  };
}
