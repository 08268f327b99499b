import { urlFor } from '../../src/lib/records/filing-path.ts';
import { YONGQING_2024 } from './fixture-content.ts';

/** A filing's URL has the same segments as its folder (filing-path.ts). */
const segments = YONGQING_2024.split('/');
export const FILING_URL = urlFor(segments);
export const DEPARTMENT_URL = urlFor(segments.slice(0, -1));
export const REGION_URL = urlFor(segments.slice(0, -2));
/** The region-year page of 廊坊市 for the filing's year: its departments added up. */
export const REGION_YEAR_URL = urlFor([...segments.slice(0, 2), '2024年']);

/** One URL of every page type the portal has (docs/urls.md). */
export const PAGE_TYPES: { type: string; url: string; status?: number }[] = [
  { type: 'home', url: '/' },
  { type: 'region (department list)', url: REGION_URL },
  { type: 'region-year (departments added up)', url: REGION_YEAR_URL },
  { type: 'department (filing list)', url: DEPARTMENT_URL },
  { type: 'filing', url: FILING_URL },
  { type: 'glossary', url: '/glossary/' },
  { type: 'search', url: '/search/' },
  { type: 'editorial page (MDX)', url: '/about/' },
  { type: '404', url: '/no-such-page/', status: 404 },
];
