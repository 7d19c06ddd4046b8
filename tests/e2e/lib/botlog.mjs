// Reads the bot's console log (Microsoft.Extensions.Logging's simple console format: "level: category[id]"
// followed by indented lines) and sorts out what went wrong during the run.
import fs from 'node:fs';

/**
 * Bot defects this test has found and reported, that do not break the journey. Each one is printed as
 * "KNOWN BOT ISSUE" on every run where it occurs (never hidden); E2E_STRICT=1 makes them fail the run.
 * Remove an entry once the bot is fixed: the test says so when an entry no longer occurs.
 */
export const KNOWN_BOT_ISSUES = [];

export function readEntries(file) {
  const entries = [];
  let line = 0;
  for (const text of fs.readFileSync(file, 'utf8').split('\n')) {
    line++;
    const m = /^(trce|dbug|info|warn|fail|crit): (.*)$/.exec(text);
    if (m) entries.push({ level: m[1], line, head: m[2], text });
    else if (entries.length) entries[entries.length - 1].text += '\n' + text;
  }
  return entries;
}

/** Errors (fail/crit) and the warnings that mean a card was not delivered, split into known and new. */
export function problems(file) {
  const known = new Map(), unknown = [];
  for (const e of readEntries(file)) {
    const bad = e.level === 'fail' || e.level === 'crit'
      || /No conversation to deliver card|Delivering card .* failed/.test(e.text);
    if (!bad) continue;
    const issue = KNOWN_BOT_ISSUES.find((k) => k.matches(e.text));
    if (issue) known.set(issue, [...(known.get(issue) || []), e.line]);
    else unknown.push(`bot.log:${e.line}: ${e.text.split('\n').slice(0, 3).map((s) => s.trim()).join(' | ').slice(0, 400)}`);
  }
  return { known, unknown };
}
