import type { AstroIntegration } from 'astro';
import { promises, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PREVIOUS_SITE_ENV, SITE_PARTS_ENV, readSiteRecord, writeSitePart } from '../src/lib/compile/site-record.ts';
import { folderMaker, linkOrFalse } from '../src/lib/compile/site-files.ts';

/**
 * A rebuild's pages start as the site it replaces: before Astro renders, each
 * page file of that site (its site record lists them) is hard-linked into the
 * new site's folder, where Astro's incremental build leaves a page whose key
 * and code are unchanged as it finds it. Without this, Astro copies every
 * such page from its cache into the fresh folder: 11,792 files and 2 GB at
 * 10,000 filings, the largest part of a rebuild on a disk where creating a
 * file costs a third of a millisecond.
 *
 * A page Astro renders again would be written through the link into the
 * site being replaced, which must stay as it was until the new one is whole:
 * while the links are in place, a file Astro writes into the new site's
 * folder is first unlinked (Astro writes pages with fs.promises.writeFile,
 * read from the module when it writes). A page of the old site that no
 * route gives any more is removed once the pages are done.
 */
export function carriedPages(): AstroIntegration {
  let outDir = '';
  let carried: string[] = [];
  let restore: (() => void) | undefined;
  const previousPages = () => {
    const site = process.env[PREVIOUS_SITE_ENV];
    const pages = site === undefined ? undefined : readSiteRecord(site)?.pages;
    return site === undefined || pages === undefined ? undefined : { site, pages };
  };
  return {
    name: 'gongkai:carried-pages',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The new site's folder is a fresh one (scripts/build.ts): emptying it would only remove the links made below.
        if (previousPages()) updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
      },
      'astro:build:start': ({ logger }) => {
        const previous = previousPages();
        if (!previous) return;
        restore = unlinkBeforeWriting(outDir);
        carried = linkPages(previous.site, outDir, previous.pages);
        logger.info(`${carried.length} of ${previous.pages.length} page(s) of ${previous.site} linked as the new site's start`);
      },
      'astro:build:done': ({ dir, assets }) => {
        restore?.();
        const site = fileURLToPath(dir);
        const built = [...assets.values()].flat().map((url) => relative(site, fileURLToPath(url)).split(sep).join('/'));
        const kept = new Set(built);
        for (const page of carried) if (!kept.has(page)) rmSync(join(site, ...page.split('/')), { force: true });
        const parts = process.env[SITE_PARTS_ENV];
        if (parts) writeSitePart(parts, 'pages', [...kept].sort());
      },
    },
  };
}

/** Links each page file of `site` into `outDir`; a page the site no longer holds is left for Astro to render. */
function linkPages(site: string, outDir: string, pages: readonly string[]): string[] {
  const makeFolder = folderMaker();
  return pages.filter((page) => {
    const target = join(outDir, ...page.split('/'));
    makeFolder(target);
    return linkOrFalse(join(site, ...page.split('/')), target);
  });
}

/** Makes fs.promises.writeFile replace a file below `dir` instead of writing into it; returns what undoes it. */
function unlinkBeforeWriting(dir: string): () => void {
  const writeFile = promises.writeFile;
  const below = `${dir}${sep}`;
  promises.writeFile = async (file, ...rest) => {
    const path = file instanceof URL ? fileURLToPath(file) : typeof file === 'string' ? file : undefined;
    if (path?.startsWith(below)) await promises.rm(path, { force: true });
    return writeFile(file, ...rest);
  };
  return () => {
    promises.writeFile = writeFile;
  };
}
