#!/usr/bin/env node
// Lists the largest functions and files of src/ by lines, to see where the code wants splitting:
// `npm run largest [-- --top 10]`.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 10;
const root = path.resolve(import.meta.dirname, '..');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

/** A readable name for a function node: its own, its variable's or property's, else `(anonymous)`. */
function nameOf(node) {
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (
    parent &&
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
  )
    return parent.name.getText();
  return '(anonymous)';
}

/** The class a method belongs to, for `Class.method`. */
function ownerOf(node) {
  const parent = node.parent;
  return parent && ts.isClassLike(parent) && parent.name ? `${parent.name.getText()}.` : '';
}

const functions = [];
const files = [];
for (const file of sourceFiles(path.join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const relative = path.relative(root, file);
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  files.push({
    relative,
    lines: source.getLineAndCharacterOfPosition(text.length).line + (text.endsWith('\n') ? 0 : 1),
  });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({
        name: `${ownerOf(node)}${nameOf(node)}`,
        relative,
        line: start + 1,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const byLines = (a, b) => b.lines - a.lines || a.relative.localeCompare(b.relative);
console.log(`Largest functions in src/ (lines):`);
for (const f of functions.sort(byLines).slice(0, top))
  console.log(`${String(f.lines).padStart(5)}  ${f.name}  ${f.relative}:${f.line}`);
console.log(`\nLargest files in src/ (lines):`);
for (const f of files.sort(byLines).slice(0, top))
  console.log(`${String(f.lines).padStart(5)}  ${f.relative}`);
