/**
 * The "Current policies" table: one row per shown algorithm, one column per response, 3 decimals
 * shown and the full-precision value in data-value; the iteration t beside it. It is the
 * screen-reader view of the figure, so it is a real <table>. Updated imperatively (it changes
 * every frame while playing), never by React.
 */
import { select } from 'd3';
import type { Algorithm } from '../core/types.ts';
import { ALGORITHM_STYLE } from './palette.ts';
import type { Renderer } from './types.ts';

export interface PolicyTableProps {
  labels: readonly string[];
  rows: readonly { algorithm: Algorithm; policy: ArrayLike<number> }[];
  t: number;
}

export function createPolicyTable(element: HTMLElement): Renderer<PolicyTableProps> {
  // Scrolls sideways at large n, so it must be focusable for keyboard users (and named).
  const root = select(element).append('div').attr('class', 'policy-table-wrap').attr('tabindex', 0).attr('role', 'region').attr('aria-label', 'Current policies table');
  const line = root.append('p').attr('class', 'iteration-line');
  line.append('span').text('Iteration t = ');
  const iteration = line.append('span').attr('data-testid', 'iteration').text('0');
  const table = root.append('table').attr('class', 'policy-table');
  table.append('caption').text('Current policies');
  const headRow = table.append('thead').append('tr');
  const body = table.append('tbody');

  return {
    update({ labels, rows, t }) {
      iteration.text(String(t));
      headRow
        .selectAll<HTMLTableCellElement, string>('th')
        .data(['Algorithm', ...labels])
        .join('th')
        .attr('scope', 'col')
        .text((d) => d);
      const tr = body
        .selectAll<HTMLTableRowElement, PolicyTableProps['rows'][number]>('tr')
        .data(rows, (d) => d.algorithm)
        .join((enter) => {
          const r = enter.append('tr');
          r.append('th').attr('scope', 'row');
          return r;
        });
      tr.select('th')
        .text((d) => ALGORITHM_STYLE[d.algorithm].label)
        .style('border-left', (d) => `4px ${ALGORITHM_STYLE[d.algorithm].dash ? 'dashed' : 'solid'} ${ALGORITHM_STYLE[d.algorithm].color}`);
      tr.selectAll<HTMLTableCellElement, number>('td')
        .data((d) => Array.from(d.policy))
        .join('td')
        .attr('data-value', (v) => String(v))
        .text((v) => v.toFixed(3));
      table.classed('empty', rows.length === 0);
    },
    resize() {},
    destroy() {
      root.remove();
    },
  };
}
