export interface BenchFigure {
  name: string;
  value: number | string;
  unit?: string;
  budget?: string;
  pass?: boolean;
}

export type Bench = () => Promise<BenchFigure[]>;
