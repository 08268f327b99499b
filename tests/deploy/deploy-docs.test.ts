import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/records/paths.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const docs = read('docs/deploy.md');
const nginxConf = read('deploy/nginx.conf');

/** The fenced blocks of docs/deploy.md in a language, in order. */
function fenced(language: string): string[] {
  return [...docs.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

/** The page policy as deploy/nginx.conf sends it. */
const CSP = /"~\^text\/html"\s+"([^"]+)"/.exec(nginxConf)![1]!;

describe('docs/deploy.md', () => {
  it('quotes deploy/nginx.conf as it is, the file the test serves', () => {
    expect(fenced('nginx')[0]).toBe(nginxConf);
  });

  it("shows lines of the root variant that the documented substitution makes", () => {
    const root = nginxConf.replaceAll('/yjsgk/', '/').split('\n');
    const shown = fenced('nginx')[1]!.split('\n').filter((line) => line !== '' && line !== '…');
    expect(shown.filter((line) => !root.includes(line))).toEqual([]);
    expect(shown.length).toBe(5);
  });

  it('gives IIS the same page policy as nginx, in an outbound rule that is well-formed XML', () => {
    const rule = fenced('xml')[0]!;
    expect(XMLValidator.validate(rule)).toBe(true);
    expect(/value="([^"]+)"/.exec(rule)![1]).toBe(CSP);
  });

  it('names the policy it documents in its table of headers', () => {
    expect(docs).toContain(`\`${CSP.slice(0, CSP.indexOf('; style-src'))}; …\``);
  });
});

describe('deploy/web.config', () => {
  const text = read('deploy/web.config');

  it('is well-formed XML whose 404 page is the portal’s, under the documented base', () => {
    expect(XMLValidator.validate(text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(text) as {
      configuration: { 'system.webServer': { httpErrors: { error: { statusCode: string; path: string; responseMode: string } } } };
    };
    expect(parsed.configuration['system.webServer'].httpErrors.error).toEqual({ statusCode: '404', path: '/yjsgk/404.html', responseMode: 'ExecuteURL' });
  });

  it('removes each MIME type before adding it, so it works on servers that know the extension and those that do not', () => {
    const removed = [...text.matchAll(/<remove fileExtension="([^"]+)" \/>/g)].map((m) => m[1]);
    const added = [...text.matchAll(/<mimeMap fileExtension="([^"]+)"/g)].map((m) => m[1]);
    expect(removed).toEqual(added);
  });
});
