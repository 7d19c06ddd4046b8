// The cards' texts, read from the cards library's own resources (cards/Resources/CardText*.resx), so the
// test looks for exactly what a person reads, in the language the bot chose, without copying the wording.
import fs from 'node:fs';
import path from 'node:path';

const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

function readResx(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const table = new Map();
  for (const m of xml.matchAll(/<data\s+name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g)) table.set(m[1], unescapeXml(m[2]));
  if (table.size === 0) throw new Error(`no texts in ${file}`);
  return table;
}

const escapeRx = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Literal text as a regex source: any run of spaces (including the no-break spaces French punctuation uses)
// matches any run of whitespace, as the browser may render it either way.
const literalRx = (s) => s.split(/\s+/).map(escapeRx).join('\\s+');

export class Texts {
  constructor(repo, culture) {
    const dir = path.join(repo, 'cards', 'Resources');
    this.culture = culture;
    this.table = readResx(path.join(dir, culture === 'fr' ? 'CardText.fr-CA.resx' : 'CardText.resx'));
  }

  /** The text under a key, with {0}, {1}… filled. */
  t(key, ...args) {
    const s = this.table.get(key);
    if (s === undefined) throw new Error(`text ${key} not found in the ${this.culture} resources`);
    return s.replace(/\{(\d+)\}/g, (_, i) => (args[i] === undefined ? `{${i}}` : String(args[i])));
  }

  /** A regex for the text under a key; an argument left undefined (e.g. a date) matches anything. */
  rx(key, ...args) {
    const s = this.t(key); // placeholders kept
    const parts = s.split(/(\{\d+\})/).map((part) => {
      const m = /^\{(\d+)\}$/.exec(part);
      if (!m) return literalRx(part);
      const a = args[Number(m[1])];
      return a === undefined ? '.+?' : a instanceof RegExp ? `(?:${a.source})` : literalRx(String(a));
    });
    return new RegExp(parts.join(''));
  }
}
