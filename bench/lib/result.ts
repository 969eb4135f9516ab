/**
 * One row of the benchmark table. `pass` is 'info' for figures printed for context only and null
 * when the figure could not be measured (the row then says why).
 */
export type BenchResult = {
  metric: string;
  figure: string;
  target: string;
  pass: boolean | 'info' | null;
  /** How it was measured and the raw medians behind the figure (printed under the table). */
  notes: string[];
};
