import yaml from 'js-yaml';
import { readText, rel, type Context } from './read-record-file.ts';

/**
 * js-yaml with the core schema: about eight times faster than `yaml` on
 * records with many projects, which decides how long `npm run check` and
 * content sync take at thousands of filings. The core schema keeps dates as
 * strings (the schemas validate them) and rejects duplicate keys.
 */
export function readYaml(ctx: Context, file: string, options: { field?: string; expected?: string } = {}): unknown {
  const text = readText(ctx, file, options.field);
  if (text === null) return undefined;
  const problem = (message: string, line?: number) => ctx.problems.push({ file: rel(ctx, file), ...(line ? { line } : {}), message });
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, listener: recordListener() });
  } catch (error) {
    if (error instanceof AnchorFound) {
      const at = text.lastIndexOf(`&${error.anchor}`, error.position);
      problem(`expected every value written out where it applies, found the anchor &${error.anchor}: anchors and aliases (&name, *name) are not allowed in records, as a few nested aliases make a small file millions of entries long on the page`, at < 0 ? undefined : lineAt(text, at));
      return undefined;
    }
    if (error instanceof NumberForm) {
      problem(`expected a number written in digits such as 2.34 or 2024, found ${error.written}: write the figure as the document prints it`, lineAt(text, error.position));
      return undefined;
    }
    if (!(error instanceof yaml.YAMLException)) throw error;
    problem(`malformed YAML: ${error.reason}`, error.mark?.line === undefined ? undefined : error.mark.line + 1);
    return undefined;
  }
  if (value === undefined || value === null) {
    if (options.expected) problem(`the file is empty: expected ${options.expected}`);
    return options.expected ? undefined : null;
  }
  return value;
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

class AnchorFound extends Error {
  constructor(
    readonly anchor: string,
    /** Where the anchored node ends; the anchor is before it. */
    readonly position: number,
  ) {
    super(`&${anchor}`);
  }
}

class NumberForm extends Error {
  constructor(
    readonly written: string,
    readonly position: number,
  ) {
    super(written);
  }
}

/** Plain decimal digits, the one way a record writes a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A js-yaml listener that stops at the first anchor (at the close of a node,
 * `anchor` is the node's own) and at a number YAML reads from a form no one
 * writes a figure in: `0xE` would be 14, `+2.34` or `2.5e1` a figure the
 * record does not show as written.
 */
function recordListener(): (event: yaml.EventType, state: yaml.State) => void {
  const starts: number[] = [];
  return (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    const start = starts.pop() ?? state.position;
    const { anchor } = state as yaml.State & { anchor: string | null };
    if (anchor !== null) throw new AnchorFound(anchor, state.position);
    if (typeof state.result === 'number') {
      const written = state.input.slice(start, state.position).trim();
      if (!PLAIN_NUMBER.test(written)) throw new NumberForm(written, start);
    }
  };
}
