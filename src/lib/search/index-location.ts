/** The folder of the site's own search index in the built site (write-index.ts), inside the search page's own (a reserved name, no place can take it). */
export const SEARCH_INDEX_DIR = 'search/data';
