// Builds Nest apps only when their sources changed since the last build of that app.
//
//   node scripts/build-apps.mjs api            build api unless dist/apps/api is up to date
//   node scripts/build-apps.mjs --always api worker cli   build every one (npm run build, the Dockerfile)
//
// A full `nest build` takes 15 s or more; `npm start` with nothing changed should not pay it.
// "Up to date" is a content hash, not mtimes (a checkout or a copy rewrites mtimes): every file
// under apps/ and libs/ (paths and contents, so a deleted or renamed source counts too), the
// root tsconfig, nest-cli.json, package.json and package-lock.json (the compiler and the types
// it emits against), and this script. The hash is written into the app's outDir only after a
// successful build, and the build itself keeps `deleteOutDir: true`: whenever anything changed
// the outDir is emptied first, so no compiled file of a deleted source survives in dist.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROOT_INPUTS = ['tsconfig.json', 'nest-cli.json', 'package.json', 'package-lock.json', 'scripts/build-apps.mjs'];
const SOURCE_DIRS = ['apps', 'libs'];
const STAMP = '.source-hash';

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function sourceHash() {
  const hash = createHash('sha256');
  const files = [...ROOT_INPUTS.map((f) => join(root, f)), ...SOURCE_DIRS.flatMap((d) => filesUnder(join(root, d)).sort())];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const outDir = (app) => join(root, 'dist', 'apps', app);
const entry = (app) => join(outDir(app), 'apps', app, 'src', 'main.js');
const stampOf = (app) => join(outDir(app), STAMP);
const readStamp = (app) => (existsSync(stampOf(app)) ? readFileSync(stampOf(app), 'utf8').trim() : undefined);

const args = process.argv.slice(2);
const always = args.includes('--always');
const apps = args.filter((a) => !a.startsWith('--'));
if (apps.length === 0) {
  process.stderr.write('usage: node scripts/build-apps.mjs [--always] <app>...\n');
  process.exit(2);
}

// Hashed before building: a source edited during the build leaves a stamp that no longer matches.
const current = sourceHash();
for (const app of apps) {
  if (!always && readStamp(app) === current && existsSync(entry(app))) continue;
  const nest = join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js');
  const result = spawnSync(process.execPath, [nest, 'build', app], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampOf(app), `${current}\n`);
}
