/**
 * The open story's step navigation, registered by the (lazily loaded) Stories panel so that the
 * page's keyboard shortcuts can move a story's steps (presenter clickers send Page Down / Page Up)
 * without importing the stories' text into the first-render bundle.
 */
export interface StoryStepper {
  /** Next step; at the last step nothing happens (a clicker pressed once too often keeps the story). */
  next(): void;
  /** Previous step; at the first step nothing happens. */
  previous(): void;
}

let current: StoryStepper | null = null;

/** Stories sets this while a story's step is shown, and clears it (null) otherwise. */
export function setStoryStepper(stepper: StoryStepper | null): void {
  current = stepper;
}

export function storyStepper(): StoryStepper | null {
  return current;
}
