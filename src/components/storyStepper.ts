/**
 * The open story's step navigation, registered by the (lazily loaded) Stories panel so that the
 * explorer's keyboard shortcuts can move a story's steps (presenter clickers send Page Down / Page
 * Up) without importing the stories' text into the first-render bundle. One slot per explorer.
 */
export interface StoryStepper {
  /** Next step; at the last step nothing happens (a clicker pressed once too often keeps the story). */
  next(): void;
  /** Previous step; at the first step nothing happens. */
  previous(): void;
}

/** Where an explorer's Stories panel puts its stepper while a story's step is shown (null otherwise). */
export interface StoryStepperSlot {
  get(): StoryStepper | null;
  set(stepper: StoryStepper | null): void;
}

export function createStoryStepperSlot(): StoryStepperSlot {
  let current: StoryStepper | null = null;
  return {
    get: () => current,
    set: (stepper) => void (current = stepper),
  };
}
