import { checkFiling } from '../checks/check-filing.ts';
import type { Finding } from '../checks/finding.ts';
import type { Filing } from '../records/load-filing.ts';

/** Keyed by the record object, so an edited record (a new object in `astro dev`) is checked again. */
const cache = new WeakMap<Filing, Finding[]>();

/** The checks' findings for a filing, computed once: the filing page and its printable view both show them. */
export function findingsFor(filing: Filing): Finding[] {
  let findings = cache.get(filing);
  if (!findings) {
    findings = checkFiling(filing);
    cache.set(filing, findings);
  }
  return findings;
}
