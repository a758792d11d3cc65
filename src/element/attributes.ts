/**
 * The element's attributes in the URL-hash vocabulary. Every hash key the app reads is an
 * attribute with the same meaning (HTML lower-cases attribute names: `P` is written `p` or `P`,
 * both are read), so the same validation applies and an invalid value is named in the same
 * message. The element's own attributes (`figures`, `autoplay`, `theme`, `sync-hash`, `autosave`)
 * are options of the instance, not hash keys.
 */
import { FIGURE_IDS, type FigureId } from '../explorer/figureManifest.ts';
import type { HashPatch, Theme } from '../explorer/types.ts';

/** The URL-hash keys, in the order the app writes them. */
export const HASH_KEYS = [
  'preset',
  'rater',
  'share',
  'prompt',
  'eps',
  'seed',
  'n',
  'P',
  'counts',
  'labels',
  'mu',
  'pi0',
  'tau',
  'eta',
  't',
  'algos',
  'comparisons',
  'refresh',
  'average',
  'lr',
  'beta',
  'ema',
  'gradient',
  'batch',
  'pgLabels',
  'pgSeed',
  'features',
  'd',
  'seeds',
  'phi',
  'feedback',
  'sampling',
  'dataSeed',
  'smoothing',
  'onlineRun',
  'roundSteps',
  'corners',
  'hide',
  'lock',
  'lecture',
  'field',
  'nash',
] as const;
export type HashKey = (typeof HASH_KEYS)[number];

/** The element's own attributes. */
export const OPTION_ATTRIBUTES = ['figures', 'autoplay', 'theme', 'sync-hash', 'autosave'] as const;

/** What attributeChangedCallback observes (lower case, as the parser delivers them). */
export const OBSERVED_ATTRIBUTES: readonly string[] = [...HASH_KEYS.map((k) => k.toLowerCase()), ...OPTION_ATTRIBUTES];

/** The hash key an attribute name stands for, or null for an option or an unknown attribute. */
export function hashKeyOf(attribute: string): HashKey | null {
  const lower = attribute.toLowerCase();
  return HASH_KEYS.find((k) => k.toLowerCase() === lower) ?? null;
}

/**
 * A value as the hash carries it. Labels are URL-encoded one by one (the codec decodes each);
 * elsewhere only the characters that would split the hash's pairs are escaped, so a bad value
 * still reaches the validator and is named there.
 */
export function hashValue(key: HashKey, raw: string): string {
  const value = raw.trim();
  if (key === 'labels')
    return value
      .split(',')
      .map((x) => encodeURIComponent(x.trim()))
      .join(',');
  // Spaces mean nothing outside labels (`P="0.2, 0.7, 0.4"` reads as the hash's `0.2,0.7,0.4`).
  return value.replace(/\s+/g, '').replace(/[&#%=]/g, (c) => encodeURIComponent(c));
}

/** `key=value&…` from the attributes present (in the app's key order), for the `hash` option. */
export function hashFromAttributes(get: (key: HashKey) => string | null): string {
  const parts: string[] = [];
  for (const key of HASH_KEYS) {
    const raw = get(key);
    if (raw === null) continue;
    // A boolean attribute (`lecture` with no value) means on.
    if (key === 'lecture') {
      if (raw.trim() !== '0' && raw.trim() !== 'false') parts.push('lecture=1');
      continue;
    }
    parts.push(`${key}=${hashValue(key, raw)}`);
  }
  return parts.join('&');
}

/** A patch for handle.set from one changed attribute (null value: removed, back to its default). */
export function patchFromAttribute(key: HashKey, value: string | null): HashPatch {
  if (value === null) return { [key]: null };
  if (key === 'lecture') return { lecture: value.trim() !== '0' && value.trim() !== 'false' ? 1 : null };
  return { [key]: decodeURIComponentSafe(hashValue(key, value)) };
}

function decodeURIComponentSafe(x: string): string {
  try {
    return decodeURIComponent(x);
  } catch {
    return x;
  }
}

export interface ElementOptions {
  figures?: FigureId[];
  theme: Theme;
  autoplay: boolean;
  syncHash: boolean;
  autosave: string | null;
  /** Problems with the element's own attributes, named like the hash's ("figures: …"). */
  problems: { field: string; message: string }[];
}

/** The instance options from the element's own attributes. */
export function optionsFromAttributes(get: (name: string) => string | null): ElementOptions {
  const problems: ElementOptions['problems'] = [];
  let figures: FigureId[] | undefined;
  const list = get('figures');
  if (list !== null && list.trim() !== '') {
    figures = [];
    for (const id of list
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)) {
      if ((FIGURE_IDS as readonly string[]).includes(id)) figures.push(id as FigureId);
      else
        problems.push({ field: 'figures', message: `"${id.slice(0, 30)}" is not a figure (${FIGURE_IDS.join(', ')})` });
    }
    if (figures.length === 0) figures = undefined;
  }
  const themeRaw = (get('theme') ?? 'light').trim();
  const theme: Theme = themeRaw === 'dark' || themeRaw === 'auto' ? themeRaw : 'light';
  if (themeRaw !== theme && themeRaw !== '')
    problems.push({ field: 'theme', message: `"${themeRaw.slice(0, 30)}" is not a theme (light, dark, auto)` });
  const flag = (name: string) => {
    const v = get(name);
    return v !== null && v.trim() !== 'false' && v.trim() !== '0';
  };
  const autosave = get('autosave');
  return {
    figures,
    theme,
    autoplay: flag('autoplay'),
    syncHash: flag('sync-hash'),
    autosave: autosave && autosave.trim() ? autosave.trim() : null,
    problems,
  };
}
