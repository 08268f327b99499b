import type { Line } from './text-lines.ts';

export interface StreamTable {
  rows: string[][];
  top: number;
}

export function streamTables(lines: Line[]): { tables: StreamTable[]; rest: Line[] } {
  return { tables: [], rest: lines };
}
