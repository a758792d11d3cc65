import { describe, expect, it } from 'vitest';
import { DEFAULT } from '../state/scenario.ts';
import { encodeHash } from '../state/urlCodec.ts';
import { exportFileName, exportInfo, metadataText } from './exportInfo.ts';

describe('export metadata', () => {
  const scenario = DEFAULT.scenario;
  const info = exportInfo(scenario, 300, '0.1.0');

  it('names the app version and the exact hash that reproduces the state', () => {
    expect(info.app).toBe('nash-md-explorer 0.1.0');
    expect(info.link).toBe(encodeHash(scenario, 300));
    expect(info.link.startsWith('#')).toBe(true);
    expect(info.link).toContain('t=300');
  });

  it('lists the parameters in readable form', () => {
    const text = metadataText(info);
    const lines = text.split('\n');
    expect(lines[0]).toBe('app: nash-md-explorer 0.1.0');
    expect(lines[1]).toBe(`link: ${info.link}`);
    expect(text).toContain(`τ: ${scenario.tau}`);
    expect(text).toContain('t: 300');
    expect(text).toContain(`μ (reference): ${scenario.labels[0]} ${scenario.reference[0]}`);
    for (const label of scenario.labels) expect(text).toContain(label);
    expect(text).toMatch(/algorithms: Nash-MD, OMD, RLHF/);
  });

  it('describes the theorem schedule and a custom scenario', () => {
    const text = metadataText(exportInfo({ ...scenario, schedule: 'theorem', preset: null }, 0, '9.9.9'));
    expect(text).toContain('η: theorem');
    expect(text).toContain('preset: custom');
  });

  it('builds file names from the kind and t', () => {
    expect(exportFileName('simplex', 300, 'svg')).toBe('nash-md-simplex-t300.svg');
    expect(exportFileName('trajectories', 12.7, 'csv')).toBe('nash-md-trajectories-t12.csv');
  });
});
