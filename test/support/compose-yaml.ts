/**
 * Just enough YAML for docker-compose.yml, with no YAML library in the dependencies:
 * block mappings and lists, quoted or plain scalars, anchors, aliases and `<<` merges.
 * Flow collections (`[a, b]`, `{ a: b }`) stay as their text. Anything else is refused
 * loudly, so that the spec fails rather than reading the file wrongly.
 */
export type YamlNode = string | YamlNode[] | { [key: string]: YamlNode };
export type YamlMap = { [key: string]: YamlNode };

interface Line {
  readonly indent: number;
  readonly text: string;
}

export function parseComposeYaml(source: string): YamlMap {
  const lines = source
    .split('\n')
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: stripComment(raw).trim() }))
    .filter((l) => l.text !== '');
  const parser = new BlockParser(lines);
  const root = parser.block(0, 0);
  if (parser.at < lines.length) throw new Error(`unparsed YAML from: ${lines[parser.at].text}`);
  return root as YamlMap;
}

class BlockParser {
  at = 0;
  private readonly anchors = new Map<string, YamlNode>();

  constructor(private readonly lines: Line[]) {}

  block(start: number, indent: number): YamlNode {
    this.at = start;
    return this.lines[start]?.text.startsWith('- ') ? this.list(indent) : this.mapping(indent);
  }

  private mapping(indent: number): YamlMap {
    const explicit: YamlMap = {};
    const merged: YamlMap = {};
    while (this.at < this.lines.length && this.lines[this.at].indent === indent && !this.lines[this.at].text.startsWith('- ')) {
      const match = /^("[^"]*"|[^:]+):(?:\s+(.*))?$/.exec(this.lines[this.at].text);
      if (match === null) throw new Error(`not a YAML mapping entry: ${this.lines[this.at].text}`);
      const key = unquote(match[1]);
      const value = this.value(match[2] ?? '', indent);
      if (key === '<<') Object.assign(merged, value as YamlMap);
      else explicit[key] = value;
    }
    return { ...merged, ...explicit };
  }

  private list(indent: number): YamlNode[] {
    const items: YamlNode[] = [];
    while (this.at < this.lines.length && this.lines[this.at].indent === indent && this.lines[this.at].text.startsWith('- ')) {
      const rest = this.lines[this.at].text.slice(2).trim();
      if (/^[\w.-]+:(\s|$)/.test(rest)) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        (this.lines as Line[])[this.at] = { indent: indent + 2, text: rest };
        items.push(this.mapping(indent + 2));
      } else {
        items.push(this.value(rest, indent));
      }
    }
    return items;
  }

  /** The value after `key:` or `- ` on the current line, which it consumes with its block. */
  private value(rest: string, indent: number): YamlNode {
    let text = rest;
    let anchor: string | undefined;
    const anchored = /^&([\w-]+)\s*(.*)$/.exec(text);
    if (anchored !== null) [, anchor, text] = anchored;
    this.at++;
    let node: YamlNode;
    if (text.startsWith('*')) {
      const target = this.anchors.get(text.slice(1));
      if (target === undefined) throw new Error(`unknown YAML alias ${text}`);
      node = target;
    } else if (text === '') {
      const next = this.lines[this.at];
      node = next !== undefined && next.indent > indent ? this.block(this.at, next.indent) : '';
    } else {
      node = unquote(text);
    }
    if (anchor !== undefined) this.anchors.set(anchor, node);
    return node;
  }
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return t[0] === '"' ? (JSON.parse(t) as string) : t.slice(1, -1).replace(/''/g, "'");
  }
  return t;
}

/** Drops a `#` comment that is not inside quotes. */
function stripComment(raw: string): string {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1]))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}
