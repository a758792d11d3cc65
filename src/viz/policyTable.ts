/**
 * The "Current policies" table: one row per shown algorithm, one column per response, 3 decimals
 * shown and the full-precision value in data-value; the iteration t beside it. It is the
 * screen-reader view of the figure, so it is a real <table>. Updated imperatively (it changes
 * every frame while playing), never by React.
 *
 * At large n (`top` given) the columns are the top-k responses of the top-k chart, in its order,
 * then "other", the sum of the rest, so each row still sums to 1 and the table stays readable.
 */
import { select } from 'd3';
import type { AlgorithmId } from '../core/algorithms/catalog.ts';
import { ALGORITHM_STYLE } from '../shared/palette.ts';
import { aggregateRow } from './topK.ts';
import type { Renderer } from './types.ts';
import { formatT } from '../shared/formatT.ts';
import { seriesDisplayName, seriesKey, type SeriesIdentity } from '../shared/seriesRows.ts';

export interface PolicyTableProps {
  labels: readonly string[];
  /** One per series; `average`: the run's average iterate π̄_t, named "<display name> (average)". */
  rows: readonly (SeriesIdentity & { policy: ArrayLike<number> })[];
  t: number;
  /** Large n: the responses to show as columns, best first; the rest become one "other" column. */
  top?: readonly number[];
  /** Shown algorithms that cannot run with these inputs: a row with the reason instead of numbers. */
  unavailable?: readonly { algorithm: AlgorithmId; reason: string }[];
}

export function createPolicyTable(element: HTMLElement): Renderer<PolicyTableProps> {
  const root = select(element).append('div').attr('class', 'policy-table-block');
  const line = root.append('p').attr('class', 'iteration-line');
  line.append('span').text('Iteration t = ');
  const iteration = line.append('span').attr('data-testid', 'iteration').text('0');
  // Scrolls sideways when the columns do not fit the side panel, so it must be focusable for
  // keyboard users (and named); its CSS shades the edge that hides columns, and the hint says so.
  const wrap = root
    .append('div')
    .attr('class', 'policy-table-wrap')
    .attr('tabindex', 0)
    .attr('role', 'region')
    .attr('aria-label', 'Current policies table');
  const table = wrap.append('table').attr('class', 'policy-table');
  table.append('caption').text('Current policies');
  const headRow = table.append('thead').append('tr');
  const body = table.append('tbody');
  const hint = root
    .append('p')
    .attr('class', 'policy-table-hint')
    .attr('data-testid', 'policy-table-hint')
    .attr('hidden', '')
    .text('Scroll the table sideways for the other responses →');
  const note = root.append('p').attr('class', 'policy-table-note').style('display', 'none');
  const wrapNode = wrap.node()!;
  // Whether the table overflows changes only with its columns or the panel's width: measured then,
  // not every frame while playing (a measurement forces layout).
  let columnsKey = '';
  const checkOverflow = () => {
    const overflows = wrapNode.scrollWidth > wrapNode.clientWidth + 1;
    wrap.classed('scrolls-x', overflows);
    hint.attr('hidden', overflows ? null : '');
  };

  return {
    update({ labels, rows, t, top, unavailable = [] }) {
      iteration.text(formatT(t)).attr('data-value', t);
      const n = labels.length;
      const grouped = top !== undefined && top.length < n;
      const columns = top
        ? [...top.map((i) => labels[i] ?? `y${i + 1}`), ...(grouped ? [`other (${n - top.length})`] : [])]
        : labels;
      const values = (policy: ArrayLike<number>) => (top ? aggregateRow(policy, top, n) : Array.from(policy));
      headRow
        .selectAll<HTMLTableCellElement, string>('th')
        .data(['Algorithm', ...columns])
        .join('th')
        .attr('scope', 'col')
        .attr('class', (_, i) => (grouped && i === columns.length ? 'other' : null))
        .text((d) => d);
      type Row = SeriesIdentity & { policy: ArrayLike<number> | null; reason?: string };
      const all: Row[] = [
        ...rows,
        ...unavailable.map((u) => ({ algorithm: u.algorithm, policy: null, reason: u.reason })),
      ];
      const tr = body
        .selectAll<HTMLTableRowElement, Row>('tr')
        .data(all, seriesKey)
        .join((enter) => {
          const r = enter.append('tr');
          r.append('th').attr('scope', 'row');
          return r;
        })
        .attr('class', (d) =>
          d.policy === null ? 'unavailable' : d.average ? 'average' : d.bundle ? `bundle-${d.bundle}` : null,
        );
      // The registry's display name: the table is the screen-reader view, so it names each method in full.
      tr.select('th')
        .text(seriesDisplayName)
        .style(
          'border-left',
          (d) =>
            `${d.average || d.bundle ? 2 : 4}px ${ALGORITHM_STYLE[d.algorithm].dash || d.average || d.bundle ? 'dashed' : 'solid'} ${ALGORITHM_STYLE[d.algorithm].color}`,
        );
      tr.selectAll<HTMLTableCellElement, number | string>('td')
        .data((d): (number | string)[] => (d.policy ? values(d.policy) : [`unavailable: ${d.reason}`]))
        .join('td')
        .attr('colspan', (v) => (typeof v === 'string' ? columns.length : null))
        .attr('data-value', (v) => (typeof v === 'number' ? String(v) : null))
        .attr('class', (v) => (typeof v === 'string' ? 'unavailable-reason' : null))
        .text((v) => (typeof v === 'number' ? v.toFixed(3) : v));
      table.classed('empty', all.length === 0);
      note
        .style('display', top ? '' : 'none')
        .text(
          top
            ? `The top ${top.length} of ${n} responses (largest probability reached so far, as in the chart)${grouped ? '; “other” sums the rest' : ''}.`
            : '',
        );
      const key = `${columns.join('\u0000')}|${all.map(seriesKey).join()}`;
      if (key !== columnsKey) {
        columnsKey = key;
        checkOverflow();
      }
    },
    resize() {
      checkOverflow();
    },
    destroy() {
      root.remove();
    },
  };
}
