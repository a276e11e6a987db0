// Prints the mutation score of a Stryker JSON report (mutation-testing-elements schema), over every mutant that
// compiles (survivors and mutants no test ran count against it), in all and per source folder.
import { readFileSync } from "node:fs";
import { relative, dirname } from "node:path";

const [report, root] = process.argv.slice(2);
const data = JSON.parse(readFileSync(report, "utf8"));
const detected = new Set(["Killed", "Timeout"]);
const counted = new Set(["Killed", "Timeout", "Survived", "NoCoverage"]);
const folders = new Map();
const add = (key, status) => {
  const tally = folders.get(key) ?? { detected: 0, counted: 0, survived: 0, uncovered: 0 };
  if (counted.has(status)) tally.counted++;
  if (detected.has(status)) tally.detected++;
  if (status === "Survived") tally.survived++;
  if (status === "NoCoverage") tally.uncovered++;
  folders.set(key, tally);
};
for (const [path, file] of Object.entries(data.files)) {
  const folder = dirname(relative(root ?? data.projectRoot ?? "", path)) || ".";
  for (const mutant of file.mutants) {
    add(folder, mutant.status);
    add("(all)", mutant.status);
  }
}
const percent = tally => (tally.counted ? (100 * tally.detected / tally.counted).toFixed(1) : "-");
console.log("folder".padEnd(36) + "score  detected/counted  survived  no test");
for (const [folder, tally] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${folder.padEnd(36)}${percent(tally).padStart(5)}%  ${String(tally.detected).padStart(8)}/${String(tally.counted).padEnd(7)}  ${String(tally.survived).padStart(8)}  ${String(tally.uncovered).padStart(7)}`);
}
