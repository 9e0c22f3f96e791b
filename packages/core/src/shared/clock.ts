/** Time is injected: core never reads the system clock. */
export interface Clock {
  now(): Date;
}

export const fixedClock = (instant: Date | string): Clock => {
  const at = new Date(instant);
  return { now: () => new Date(at) };
};
