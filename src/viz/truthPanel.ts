/**
 * Judged by the truth (issue 16): with feedback, every shown policy and the learned targets
 * evaluated under the TRUE preferences P (core truthJudgement.ts): e_τ under P, the win rate
 * against the Nash of P, and the head-to-head against the RLHF run. A real <table> whose caption
 * says which model each policy was trained on; full precision in each cell's data-value.
 * Updated imperatively, never by React.
 */
import * as d3 from 'd3';
import { judgeUnderTruth } from '../core/truthJudgement.ts';
import { formatScientific } from '../shared/formatNumber.ts';
import type { FigureTheme, Renderer } from './types.ts';
import './dataTable.css';

export interface TruthRow {
  /** "Nash-MD", "π*_τ of P̂", … */
  label: string;
  /** The model it was trained on or computed from: "P̂", "r̂" or "P" (the truth itself). */
  trainedOn: string;
  policy: ArrayLike<number>;
  /** The series colour (a bar beside the name); absent for targets. */
  color?: string;
}

export interface TruthPanelProps {
  n: number;
  /** The true P, row-major. */
  preferences: Float64Array;
  reference: ArrayLike<number>;
  tau: number;
  /** The Nash of the true P. */
  nash: ArrayLike<number>;
  rows: readonly TruthRow[];
  /** The RLHF policy of the head-to-head column, with its name; null: no column. */
  rlhf: { label: string; policy: ArrayLike<number> } | null;
  caption: string;
  emptyMessage?: string;
  theme?: FigureTheme;
}

const fmt = (x: number) => formatScientific(x, 1, '\u2060');
const rate = (x: number) => x.toFixed(3);

export function createTruthPanel(element: HTMLElement): Renderer<TruthPanelProps | null> {
  const root = d3.select(element).append('div').attr('class', 'data-table-wrap truth-panel');
  const message = root.append('p').attr('class', 'truth-empty');
  const table = root.append('table').attr('class', 'data-table').attr('data-testid', 'truth-table');
  const caption = table.append('caption');
  const headRow = table.append('thead').append('tr');
  const body = table.append('tbody');

  return {
    update(p) {
      const empty = !p || p.rows.length === 0;
      message.text(empty ? (p?.emptyMessage ?? 'Computing…') : '').style('display', empty ? '' : 'none');
      table.style('display', empty ? 'none' : '');
      if (!p || empty) return;
      const heads = [
        'Policy',
        'trained on',
        `exploitability under P (${p.tau === 0 ? 'e₀' : 'eτ'})`,
        'P(row ≻ Nash of P)',
        ...(p.rlhf ? [`P(row ≻ ${p.rlhf.label})`] : []),
      ];
      headRow
        .selectAll('th')
        .data(heads)
        .join('th')
        .attr('scope', 'col')
        .text((d) => d);
      caption.text(p.caption);
      const judged = judgeUnderTruth(
        p.preferences,
        p.n,
        p.reference,
        p.tau,
        p.nash,
        p.rows.map((r) => r.policy),
        p.rlhf?.policy ?? null,
      );
      const rows = body
        .selectAll<HTMLTableRowElement, TruthRow>('tr')
        .data(p.rows)
        .join((enter) => {
          const tr = enter.append('tr');
          tr.append('th').attr('scope', 'row');
          for (let k = 0; k < 4; k++) tr.append('td');
          return tr;
        });
      rows.attr('data-row', (d) => d.label);
      rows
        .select('th')
        .text((d) => d.label)
        .style('border-left', (d) => (d.color ? `4px solid ${d.color}` : null));
      rows.each(function (d, i) {
        const j = judged[i];
        const cells = d3.select(this).selectAll<HTMLTableCellElement, unknown>('td').nodes();
        const put = (cell: HTMLTableCellElement, value: number | null, text: string, key: string) => {
          cell.textContent = text;
          cell.dataset.col = key;
          if (value === null) delete cell.dataset.value;
          else cell.dataset.value = String(value);
        };
        put(cells[0], null, d.trainedOn, 'model');
        put(cells[1], j.exploitability, fmt(j.exploitability), 'exploitability');
        put(cells[2], j.winVsNash, rate(j.winVsNash), 'vs-nash');
        cells[3].style.display = p.rlhf ? '' : 'none';
        put(cells[3], j.vsRlhf, j.vsRlhf === null ? '' : rate(j.vsRlhf), 'vs-rlhf');
      });
    },
    resize() {},
    destroy() {
      root.remove();
    },
  };
}
