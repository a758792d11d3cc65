// @vitest-environment happy-dom
/**
 * Twelve algorithms in a short convergence panel (lecture mode at 1280×720): the legend must not
 * push the plots and the axis label out of the figure.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ALGORITHM_IDS } from '../core/algorithms/catalog.ts';
import { createConvergencePlot } from './convergencePlot.ts';
import { installCanvasStub } from './__golden__/canvasStub.ts';
import { scenarios } from './__golden__/scenarios.ts';
import { LECTURE_THEME } from './types.ts';

beforeAll(() => installCanvasStub());

describe('convergence plot with every algorithm', () => {
  it('keeps both panels and the x-axis label inside a short lecture-size figure', () => {
    const s = scenarios().rps;
    // The same rows under each id: what matters here is the number of legend entries.
    const series = ALGORITHM_IDS.map((algorithm) => ({ ...s.series[0], algorithm }));
    const element = document.createElement('div');
    document.body.append(element);
    const renderer = createConvergencePlot(element);
    const [width, height] = [360, 330];
    renderer.resize(width, height);
    renderer.update({
      series,
      t: s.steps,
      tau: s.tau,
      theoremBound: false,
      constantStep: true,
      n: s.n,
      emptyMessage: '',
      theme: LECTURE_THEME,
    });
    const ys = [...element.querySelectorAll('text')].map((t) => {
      let y = Number(t.getAttribute('y') ?? 0);
      for (let node: Element | null = t; node && node !== element; node = node.parentElement) {
        const m = /translate\(\s*[-\d.e]+\s*,\s*([-\d.e]+)\s*\)/.exec(node.getAttribute('transform') ?? '');
        if (m) y += Number(m[1]);
      }
      return y;
    });
    expect(ys.length).toBeGreaterThan(4);
    expect(Math.max(...ys)).toBeLessThanOrEqual(height);
    renderer.destroy();
    element.remove();
  });
});
