// Builds static/dashboard.js and static/explore.js from src/ with esbuild:
// one ES module per page, every import bundled, minified. Each bundle ends
// with the licences of the npm packages inside it (read from esbuild's
// metafile), as their licences ask. Run with `npm run build` in web/.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";

const result = await esbuild.build({
  entryPoints: ["src/dashboard.js", "src/explore.js"],
  bundle: true,
  format: "esm",
  target: "es2020",
  minify: true,
  outdir: "static",
  metafile: true,
  logLevel: "info",
  legalComments: "none", // the licences are appended whole, once per package, below
});

for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  const packages = new Set();
  for (const input of Object.keys(meta.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.add(m[1]);
  }
  let notice = "";
  for (const name of [...packages].sort()) {
    const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
    // The licence (LICENSE, LICENSE.txt ...), and the NOTICE where there is
    // one: the Apache licence asks that it go with the code.
    // Licences of code it took from others go in its licenses/ folder (ECharts: d3's).
    const dir = `node_modules/${name}`;
    const files = readdirSync(dir).filter((f) => /^(LICEN[CS]E|NOTICE)(\.|$)/i.test(f)).sort();
    if (!files.some((f) => /^LICEN/i.test(f))) throw new Error(`${name}: no licence file in ${dir}`);
    if (existsSync(`${dir}/licenses`)) files.push(...readdirSync(`${dir}/licenses`).sort().map((f) => `licenses/${f}`));
    const text = files.map((f) => (f.startsWith("licenses/") ? `/${f}:\n` : "") + readFileSync(`${dir}/${f}`, "utf8").trim()).join("\n\n").replaceAll("*/", "* /");
    notice += `\n/*! ${name} ${pkg.version} (${pkg.license})\n${text}\n*/\n`;
  }
  if (notice) appendFileSync(out, notice);
}

// bundle.sum records what the bundles were built from, so that a Go test
// (TestBundlesMatchSources) can tell, without Node, that they are stale.
const sources = [...readdirSync("src").map((f) => "src/" + f), "build.mjs", "package-lock.json"].sort();
const sum = createHash("sha256");
for (const f of sources) sum.update(f + "\0" + readFileSync(f, "utf8") + "\0");
writeFileSync("bundle.sum", sum.digest("hex") + "\n");
