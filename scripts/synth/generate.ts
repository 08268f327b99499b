/**
 * `npx tsx scripts/synth/generate.ts --filings 5000 --out /tmp/synth [--seed 1]`
 * writes synthetic filings (invented figures that add up) into a content root,
 * for benchmarks (`npm run bench`) and for timing `npm run check`
 * (`GONGKAI_CONTENT=/tmp/synth npm run check`).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeSyntheticFilings } from './write-filings.ts';

const { values } = parseArgs({
  options: { filings: { type: 'string', default: '100' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
if (!values.out) {
  console.error('usage: npx tsx scripts/synth/generate.ts --filings N --out <content root> [--seed S]');
  process.exit(2);
}
const started = performance.now();
const ids = writeSyntheticFilings(resolve(values.out), Number(values.filings), Number(values.seed));
console.log(`wrote ${ids.length} synthetic filings to ${resolve(values.out)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
