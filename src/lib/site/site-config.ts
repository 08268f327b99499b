import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../records/paths.ts';
import { formatProblem, zodProblems, type Problem } from '../records/record-error.ts';

/**
 * The portal's own identity, in one file a web team edits: names, the
 * identifiers a Chinese government site must show at the bottom of every
 * page (主办单位, 承办单位, 网站标识码, ICP备案号, 公安机关备案号), its address
 * and the path it is mounted under. docs/site-config.md explains each field.
 */
export const DEFAULT_SITE_CONFIG = join(PROJECT_ROOT, 'content', 'site.yaml');

/** Where files named in the configuration (the 党政机关网站标识 image) must be: they are published as they are. */
const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

/** The file is read with YAML's failsafe schema: every value is text, so `0000000000` keeps its zeros. An empty value counts as left out. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'expected text, found an empty value')
    .max(max, `expected at most ${max} characters`)
    .regex(/^[^\n\r<>]*$/, 'expected one line of text without < or >');

const httpUrl = z.string().refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), 'expected an address that starts with https:// or http://');

/** Path segments a sub-path may have: those that every web server and every URL reads the same way. */
const BASE_PATH = /^\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/;

export const basePathSchema = z
  .string()
  .transform((value) => (value.endsWith('/') ? value : `${value}/`))
  .refine(
    (value) => BASE_PATH.test(value) && !value.split('/').some((segment) => /^\.+$/.test(segment)),
    'expected "/" or a sub-path such as /yjsgk/: starting with /, made of letters, digits, - _ . ~',
  );

const siteUrlSchema = httpUrl.superRefine((value, ctx) => {
  if (!URL.canParse(value)) return;
  const url = new URL(value);
  if (url.pathname !== '/' || url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: `expected the site's origin only, such as https://www.example.gov.cn; put the sub-path "${url.pathname}" in basePath` });
  }
}).transform((value) => new URL(value).origin);

/** A file under public/, named by its path there; never a remote address, so a page makes no request elsewhere. */
const publicImage = z.string().superRefine((value, ctx) => {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(value)) return ctx.addIssue({ code: 'custom', message: 'expected a file under public/ (such as images/dzjg.png), not an address: the pages request nothing from other sites' });
  const path = value.replace(/^\/+/, '');
  if (!/\.(png|jpe?g|gif|svg|webp)$/i.test(path) || path.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    return ctx.addIssue({ code: 'custom', message: 'expected an image file under public/ (.png .jpg .gif .svg .webp), such as images/dzjg.png' });
  }
  const file = join(PUBLIC_DIR, path);
  if (!existsSync(file) || !statSync(file).isFile()) ctx.addIssue({ code: 'custom', message: `expected a file under public/, found no file public/${path}` });
});

const PUBLIC_SECURITY = /^\p{Script=Han}公网安备\s?(\d{14})号$/u;

export const siteConfigSchema = z
  .object({
    /** A demonstration site: the footer says its identifiers are examples. */
    example: optional(z.enum(['true', 'false'], { message: 'expected true or false' })).transform((value) => value === 'true'),
    name: text(60),
    shortName: text(20),
    lang: z.string().refine((value) => value === 'zh-CN', 'expected zh-CN: the pages are written in Chinese').transform(() => 'zh-CN' as const),
    siteUrl: siteUrlSchema,
    basePath: basePathSchema,
    /** 主办单位 */
    organizer: text(60),
    /** 承办单位 */
    operator: text(60),
    /** 联系方式 */
    contact: z
      .object({
        phone: optional(z.string().regex(/^[0-9+()（）\- 转]{5,40}$/, 'expected a telephone number such as 010-12345678 (digits, - ( ) + 转)')),
        email: optional(z.email('expected an email address such as yjsgk@example.gov.cn')),
        address: optional(text(100)),
      })
      .strict()
      .refine((contact) => contact.phone !== undefined || contact.email !== undefined, 'expected a phone or an email: the footer gives a way to reach the site'),
    /** 网站标识码, issued with the site's registration: 10 letters or digits. */
    siteCode: z.string().regex(/^[0-9A-Za-z]{10}$/, 'expected the 10-character 网站标识码 as issued, such as 1100000001 or bm01000001'),
    /** ICP备案号 as printed: 京ICP备12345678号 or 京ICP备12345678号-1. */
    icp: z.string().regex(/^\p{Script=Han}ICP备\d{6,10}号(?:-\d{1,3})?$/u, 'expected the ICP备案号 as issued, such as 京ICP备12345678号 or 京ICP备12345678号-1'),
    /** 公安机关备案号 as printed; its 14 digits go into the link to the record. */
    publicSecurityRecord: z
      .string()
      .regex(PUBLIC_SECURITY, 'expected the 公安机关备案号 as issued, such as 京公网安备11010502030143号 (14 digits)')
      .transform((value) => ({ text: value, code: PUBLIC_SECURITY.exec(value)![1]! })),
    /** 党政机关网站标识: the image and, where issued, the address it links to. */
    partyGovernmentMark: optional(z.object({ image: publicImage, href: optional(httpUrl) }).strict()),
    /** 政府网站找错: the address of the site's page on the national error-report platform. */
    errorReportUrl: optional(httpUrl),
  })
  .strict();

export type SiteConfig = z.output<typeof siteConfigSchema>;

/** A configuration that cannot be used; its message names the file and the field, one problem a line. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** A digest of this build's site configuration: what a compiled filing and a page's cache key depend on besides the records. */
export const siteConfigDigest = (): string => (digest ??= createHash('sha256').update(JSON.stringify((loaded ??= loadSiteConfig()))).digest('base64url'));
let digest: string | undefined;

/** For a command line tool: a mistake in the site configuration ends it with the file and field named, not a stack trace. */
export function exitOnSiteConfigError(error: unknown): never {
  if (!(error instanceof SiteConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

/** The file as people name it: relative to the project when it is inside it. */
function label(file: string): string {
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

function fail(problems: Problem[]): never {
  throw new SiteConfigError(problems.map(formatProblem).join('\n'));
}

/** Validates the text of a site configuration; `file` names it in messages. `basePath` overrides the file's (GONGKAI_BASE). */
export function parseSiteConfig(source: string, file: string, basePath?: string): SiteConfig {
  const document = parseDocument(source, { schema: 'failsafe', uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) fail([{ file, ...(syntax.linePos ? { line: syntax.linePos[0].line } : {}), message: `not valid YAML: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` }]);
  const raw: unknown = document.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail([{ file, message: 'expected a mapping of fields (name:, shortName:, siteUrl: …), as in docs/site-config.md' }]);
  if (basePath !== undefined) {
    const override = basePathSchema.safeParse(basePath);
    if (!override.success) fail([{ file: 'GONGKAI_BASE', message: `${override.error.issues[0]!.message}, found ${JSON.stringify(basePath)}` }]);
  }
  const parsed = siteConfigSchema.safeParse(basePath === undefined ? raw : { ...raw, basePath }, { reportInput: true });
  if (!parsed.success) fail(zodProblems(file, parsed.error));
  return parsed.data;
}

/**
 * Reads the site configuration: `GONGKAI_SITE_CONFIG` names another file
 * (tests, other portals), `GONGKAI_BASE` another base path for one build.
 */
export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const file = env['GONGKAI_SITE_CONFIG'] ? resolve(env['GONGKAI_SITE_CONFIG']) : DEFAULT_SITE_CONFIG;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail([{ file: label(file), message: missing ? 'the site configuration does not exist: copy the example in docs/site-config.md' : `cannot read the site configuration: ${(error as Error).message}` }]);
  }
  return parseSiteConfig(source, label(file), env['GONGKAI_BASE'] || undefined);
}

let loaded: SiteConfig | undefined;

/**
 * The configuration of this build, read when first used: the record tools
 * (import, check) load modules that make URLs without ever making one, and a
 * mistake in the site's identity must not stop them.
 */
export const siteConfig: SiteConfig = new Proxy({} as SiteConfig, {
  get: (_, key) => Reflect.get((loaded ??= loadSiteConfig()), key),
  has: (_, key) => Reflect.has((loaded ??= loadSiteConfig()), key),
  ownKeys: () => Reflect.ownKeys((loaded ??= loadSiteConfig())),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor((loaded ??= loadSiteConfig()), key),
});
