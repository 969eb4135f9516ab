/** Time as a port, so stores, outboxes and runs can be tested at a fixed moment. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
