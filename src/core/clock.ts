// The core never reads the wall clock itself; time comes in through this port so tests can fix it.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const fixedClock = (ms: number): Clock & { advance(by: number): void; set(to: number): void } => {
  let t = ms;
  return {
    now: () => t,
    advance: (by) => {
      t += by;
    },
    set: (to) => {
      t = to;
    },
  };
};
