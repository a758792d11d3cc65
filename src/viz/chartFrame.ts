/**
 * What the SVG charts (top-k, equilibrium bars, small multiples, win rates, convergence) share
 * around their drawing: the SVG element, the hover tooltip, the standalone copy for export, the
 * `update`/`resize` pair of a chart whose height follows from its width, and a % format.
 */
import * as d3 from 'd3';
import { FONT_SIZE } from './convergenceShared.ts';
import type { Renderer } from './types.ts';

/** A probability as a percentage with one decimal, for tooltips and aria labels. */
export const pct = d3.format('.1%');
/** A probability to four decimals (hover read-outs). */
export const fmtValue = d3.format('.4f');

/**
 * The chart's SVG in its element: an image for assistive technology, on white, base font size. Its
 * name says it waits until the first update writes what it shows (an image is never nameless).
 */
export function chartSvg(element: HTMLElement) {
  return d3
    .select(element)
    .append('svg')
    .attr('role', 'img')
    .attr('aria-label', 'Chart: waiting for the run')
    .attr('font-size', FONT_SIZE)
    .style('display', 'block')
    .style('background', '#fff');
}

/** Appends `label` as text, "_x" as a real subscript x (π*_τ → π*<sub>τ</sub>); never as HTML. */
function appendRich<E extends HTMLElement>(parent: d3.Selection<E, unknown, null, undefined>, label: string): void {
  label.split(/_(\S)/).forEach((part, i) => {
    if (!part) return;
    if (i % 2 === 1) parent.append('sub').text(part);
    else parent.append('span').text(part);
  });
}

/** A small HTML tooltip inside the renderer's element (labels are set as text, never as HTML). */
export function createTooltip(element: HTMLElement) {
  const tip = d3
    .select(element)
    .append('div')
    .attr('class', 'large-tooltip')
    .attr('aria-hidden', 'true')
    .style('display', 'none');
  return {
    show(
      px: number,
      py: number,
      title: string,
      rows: readonly { color: string; dash?: string; label: string; value: string }[],
      fontSize: number,
    ) {
      tip.style('display', null).style('font-size', `${fontSize}px`);
      tip.selectAll('*').remove();
      appendRich(tip.append('div').attr('class', 'large-tooltip-title'), title);
      for (const r of rows) {
        const line = tip.append('div').attr('class', 'large-tooltip-row');
        line
          .append('span')
          .attr('class', 'swatch')
          .style('border-top', `3px ${r.dash ? 'dashed' : 'solid'} ${r.color}`);
        appendRich(line.append('span').attr('class', 'name'), r.label);
        line.append('span').attr('class', 'value').text(r.value);
      }
      const node = tip.node()!;
      const w = node.offsetWidth;
      const h = node.offsetHeight;
      const left = px + 14 + w > element.clientWidth ? Math.max(0, px - 14 - w) : px + 14;
      tip.style('left', `${left}px`).style('top', `${Math.max(0, Math.min(py - h / 2, element.clientHeight - h))}px`);
    },
    hide: () => tip.style('display', 'none'),
    remove: () => tip.remove(),
  };
}

/**
 * A standalone copy of an SVG figure for export: white background, generic font, a title (the
 * figure's aria-label), no CSS needed; elements marked `.hover-only` are left out.
 */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number, fallbackTitle: string): SVGSVGElement {
  const out = svg.cloneNode(true) as SVGSVGElement;
  out.removeAttribute('style');
  out.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  out.setAttribute('font-family', 'sans-serif');
  out.querySelectorAll('.hover-only').forEach((el) => el.remove());
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', String(width));
  rect.setAttribute('height', String(height));
  rect.setAttribute('fill', '#fff');
  out.insertBefore(rect, out.firstChild);
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = svg.getAttribute('aria-label') ?? fallbackTitle;
  out.insertBefore(title, out.firstChild);
  return out;
}

/**
 * `update` and `resize` of a chart whose height follows from its width (the host's height is
 * ignored): each stores what it is given through `set` and redraws.
 */
export function redrawOnChange<P>(
  set: { props(next: P): void; width(w: number): void },
  render: () => void,
): Pick<Renderer<P>, 'update' | 'resize'> {
  return {
    update(next) {
      set.props(next);
      render();
    },
    resize(w) {
      set.width(Math.max(1, w));
      render();
    },
  };
}

/**
 * The whole renderer of a chart drawn in a block of its own (a chart with its table): `update` and
 * `resize` as {@link redrawOnChange}, `snapshot` the chart's SVG standing alone, `destroy` removes
 * the block.
 */
export function blockChartRenderer<P>(
  set: { props(next: P): void; width(w: number): void },
  render: () => void,
  block: { remove(): unknown },
  svg: { node(): SVGSVGElement | null; attr(name: string): string },
  title: string,
): Renderer<P> {
  return {
    ...redrawOnChange<P>(set, render),
    snapshot: () => standaloneSvg(svg.node()!, Number(svg.attr('width')), Number(svg.attr('height')), title),
    destroy() {
      block.remove();
    },
  };
}
