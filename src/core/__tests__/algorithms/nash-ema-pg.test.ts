/**
 * nash-ema-pg (Munos et al., §7) against its formula written out in naivePg.ts, with tabular features,
 * exact gradients and the default settings, from θ_0 = log π_0. (Its other properties, with random
 * features and sampled gradients, are in policyGradient.test.ts.)
 */
import { naivePgTabular } from './naivePg.ts';
import { describeReference } from './reference.ts';

describeReference('nash-ema-pg', (s) => naivePgTabular('nash-ema-pg', s));
