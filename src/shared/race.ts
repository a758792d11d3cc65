/** The race table's thresholds ε for "first t with e_0 < ε" (shared by the selector and the table). */
export const RACE_EPSILONS = [1e-2, 1e-3, 1e-4, 1e-6] as const;
export const RACE_EPSILON_DEFAULT = 1e-3;
