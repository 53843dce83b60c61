import { Composer, CST, Document, Parser } from 'yaml';
import { ScanContext } from './scan-context';
import { MAX_YAML_DEPTH, MAX_YAML_DOCUMENTS } from './scan-limits';

// YAML read the way cloud-init reads it (PyYAML's safe_load: YAML 1.1, so `<<` merge keys, `!!binary`, duplicate
// keys allowed), with the `yaml` library in two steps so hostile input stays cheap: the parser, which is iterative,
// produces a flat token stream whose document count and nesting are checked first; only then does the composer,
// which is recursive, build the documents.

/** Documents read from a text. */
export interface YamlReading {
  /** The documents, in order (at most the document ceiling). */
  readonly documents: Document.Parsed[];
  /** Whether the text has YAML errors (the documents are then partial). */
  readonly hasErrors: boolean;
  /** The text of the comments (dropped from the documents, yet in the manifest), one per line. */
  readonly comments: string;
}

/** How a YAML reading reports the ceilings it hits. */
export enum YamlAttempt {
  /** The text is meant to be YAML (cloud-config, network config): a ceiling hit is an uninspectable part. */
  REQUIRED = 'required',
  /** The text may be YAML (a file written by write_files): a ceiling hit is silent, the text is read as text. */
  SPECULATIVE = 'speculative',
}

/** Reads YAML within the scan's ceilings; undefined when a ceiling stops it (recorded when REQUIRED). */
export function readYaml(text: string, ctx: ScanContext, attempt: YamlAttempt): YamlReading | undefined {
  const refuse = (reason: string): undefined => {
    if (attempt === YamlAttempt.REQUIRED) ctx.cannotInspect(reason);
    return undefined;
  };
  if (!ctx.budget.takeYamlChars(text.length)) return refuse('YAML past the parsing ceiling');
  if (bracketDepth(text) > 4 * MAX_YAML_DEPTH) return refuse(`YAML nested more than ${MAX_YAML_DEPTH} levels deep`);
  try {
    const tokens: CST.Token[] = [];
    const comments: string[] = [];
    let documents = 0;
    for (const token of new Parser().parse(text)) {
      if (token.type === 'document' && ++documents > MAX_YAML_DOCUMENTS) {
        return refuse(`YAML with more than ${MAX_YAML_DOCUMENTS} documents`);
      }
      if (nestingOf(token) > MAX_YAML_DEPTH) return refuse(`YAML nested more than ${MAX_YAML_DEPTH} levels deep`);
      tokens.push(token);
      commentsOf(token, comments);
    }
    // uniqueKeys: false as in PyYAML (and the check is quadratic in the keys of a mapping). Aliases are not
    // expanded here (no toJS): the walker visits each node once.
    const composer = new Composer({ version: '1.1', uniqueKeys: false, logLevel: 'error' });
    const docs = Array.from(composer.compose(tokens));
    return { documents: docs, hasErrors: docs.some((d) => d.errors.length > 0), comments: comments.join('\n') };
  } catch {
    return refuse('YAML the parser could not read');
  }
}

/** How many collections are nested in a parser token (a flat mapping: 1), computed without recursion. */
function nestingOf(token: CST.Token): number {
  let max = 0;
  const stack: Array<[CST.Token | null | undefined, number]> = [[token, 0]];
  while (stack.length > 0) {
    const [t, outer] = stack.pop()!;
    if (t === null || t === undefined) continue;
    if (t.type === 'document') {
      stack.push([t.value, outer]);
    } else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      const level = outer + 1;
      if (level > max) max = level;
      if (max > MAX_YAML_DEPTH) return max;
      for (const item of t.items as CST.CollectionItem[]) {
        stack.push([item.key, level]);
        stack.push([item.value, level]);
      }
    }
  }
  return max;
}

/** Collects the comment tokens anywhere in a parser token, without recursion. */
function commentsOf(token: CST.Token, into: string[]): void {
  const stack: unknown[] = [token];
  while (stack.length > 0) {
    const t = stack.pop();
    if (typeof t !== 'object' || t === null) continue;
    if ((t as CST.SourceToken).type === 'comment') into.push((t as CST.SourceToken).source);
    for (const v of Object.values(t)) {
      if (Array.isArray(v)) for (const item of v) stack.push(item);
      else if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
}

/**
 * The deepest run of unclosed `[`/`{`, counted in quotes and comments too: a cheap upper bound on flow nesting, checked
 * before the parser (which is linear but slow on thousands of nested brackets).
 */
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return max;
}
