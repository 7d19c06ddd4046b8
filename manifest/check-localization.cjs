#!/usr/bin/env node
// Checks the localization files of a Teams app package folder (validate-manifest.mjs does not):
//
//   NODE_PATH=<teams-checks node_modules> node manifest/check-localization.cjs <package-folder>
//
// For each localizationInfo.additionalLanguages entry:
// * the file exists and passes the official MicrosoftTeams.Localization.schema.json of the
//   manifest's version, bundled in @microsoft/app-manifest (offline), compiled with the same ajv
//   draft-04 settings as that package's AppManifestUtils.validateAgainstSchema, plus
//   unicodeRegExp: false: every bundled localization schema has a pattern ("...\\b]\\.description$")
//   that is not a valid unicode regular expression, so the package's own call throws on it;
// * its $schema names that same version (Teams requires both files on one version);
// * every key points at a string of manifest.json (an index goes stale when a command moves);
// * every name, description and command string of manifest.json is translated, so no English
//   is left in a French command menu;
// * command titles stay unique within each command list (the bot parses them).
// CommonJS on purpose: NODE_PATH applies to require(), not to ES module imports.
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

// ajv exactly as @microsoft/app-manifest resolves it.
const appManifest = require.resolve("@microsoft/app-manifest");
const Ajv = createRequire(appManifest)("ajv-draft-04");
const addFormats = createRequire(appManifest)("ajv-formats");

const schemaDir = path.join(path.dirname(appManifest), "json-schemas/teams");
const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));

// "bots[0].commandLists[1].commands[2].title" -> ["bots", 0, "commandLists", 1, "commands", 2, "title"]
const keyPath = (key) => key.split(".").flatMap((part) => {
  const [, name, indexes] = /^([^[]*)((?:\[\d+\])*)$/.exec(part) ?? [, part, ""];
  return [name, ...[...indexes.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))];
});
const lookup = (obj, key) => keyPath(key).reduce((node, step) => (node == null ? undefined : node[step]), obj);

// The strings of manifest.json a translation must cover.
function localizableKeys(manifest) {
  const keys = ["name.short", "name.full", "description.short", "description.full"];
  (manifest.bots ?? []).forEach((bot, b) => (bot.commandLists ?? []).forEach((list, l) => list.commands.forEach((command, c) => {
    for (const field of ["title", "description"]) keys.push(`bots[${b}].commandLists[${l}].commands[${c}].${field}`);
  })));
  return keys.filter((key) => typeof lookup(manifest, key) === "string");
}

function check(dir) {
  const manifest = readJson(path.join(dir, "manifest.json"));
  const version = String(manifest.manifestVersion);
  const schemaFile = path.join(schemaDir, version === "devPreview" ? "vDevPreview" : `v${version}`, "MicrosoftTeams.Localization.schema.json");
  if (!fs.existsSync(schemaFile)) return [`no localization schema bundled for manifestVersion "${version}"`];
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(readJson(schemaFile));
  const required = localizableKeys(manifest);
  const findings = [];
  for (const { languageTag, file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const where = `${file} (${languageTag})`;
    if (!fs.existsSync(path.join(dir, file))) { findings.push(`${where}: file not found next to manifest.json`); continue; }
    const strings = readJson(path.join(dir, file));
    if (!validate(strings)) for (const e of validate.errors) findings.push(`${where}: schema: ${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`);
    const schemaVersion = /\/v(\d+\.\d+|DevPreview)\//i.exec(strings.$schema ?? "")?.[1];
    if (schemaVersion?.toLowerCase() !== version.toLowerCase()) findings.push(`${where}: $schema must name v${version} like manifest.json, found ${strings.$schema ?? "none"}`);
    for (const key of Object.keys(strings)) {
      if (key === "$schema" || key === "localizationKeys") continue;
      if (typeof lookup(manifest, key) !== "string") findings.push(`${where}: "${key}" matches no string in manifest.json`);
    }
    for (const key of required) if (!(key in strings)) findings.push(`${where}: "${key}" is not translated`);
    (manifest.bots ?? []).forEach((bot, b) => (bot.commandLists ?? []).forEach((list, l) => {
      const titles = list.commands.map((_, c) => strings[`bots[${b}].commandLists[${l}].commands[${c}].title`]).filter(Boolean);
      const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
      if (duplicates.length) findings.push(`${where}: command list ${l} repeats the title(s) ${[...new Set(duplicates)].join(", ")}`);
    }));
  }
  return findings;
}

(() => {
  const dirs = process.argv.slice(2);
  if (!dirs.length) { console.error("usage: node check-localization.cjs <package-folder> ..."); process.exit(2); }
  let failed = 0;
  for (const dir of dirs) {
    let findings;
    try { findings = check(dir); } catch (err) { findings = [`cannot check ${dir}: ${err.message}`]; }
    failed += findings.length ? 1 : 0;
    console.log(`${findings.length ? "FAIL" : "ok  "} ${path.join(dir, "manifest.json")} localization files`);
    for (const f of findings) console.log(`     error:   ${f}`);
  }
  process.exit(failed ? 1 : 0);
})();
