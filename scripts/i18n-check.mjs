// Fails when the client shows text that is not in the message files, or a language lacks a key.
// 1. Every message file exists in every language with the same keys and the same {parameters}.
// 2. Templates hold no words of their own: text and labelling attributes come from t().
// 3. Sentence-like strings in scripts and template expressions are flagged too (`i18n-ignore` on the
//    line lets a non-user-facing one through).
// 4. Every literal key passed to t()/te() exists in English.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseSfc } from '@vue/compiler-sfc';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const src = join(root, 'client', 'src');
const locales = join(src, 'i18n', 'locales');
const LANGS = ['en', 'de', 'es'];
const problems = [];
const where = (file, line) => `${relative(root, file)}:${line}`;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function flatten(value, prefix, out) {
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else problems.push(`${prefix}: a message must be a string`);
  return out;
}

const params = (message) =>
  [...message.matchAll(/\{\s*(\w+)\s*\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

// 1. The same files, keys and parameters in every language.
const messages = {};
for (const lang of LANGS) {
  messages[lang] = new Map();
  for (const file of readdirSync(join(locales, lang)).filter((f) => f.endsWith('.json'))) {
    let content;
    try {
      content = JSON.parse(readFileSync(join(locales, lang, file), 'utf8'));
    } catch (err) {
      problems.push(`${lang}/${file}: not valid JSON (${err.message})`);
      continue;
    }
    flatten(content, file.slice(0, -'.json'.length), messages[lang]);
  }
}
for (const lang of LANGS.slice(1)) {
  for (const [key, en] of messages.en) {
    const other = messages[lang].get(key);
    if (other === undefined) problems.push(`${lang}: missing key ${key}`);
    else if (params(other) !== params(en)) problems.push(`${lang}: ${key} has parameters {${params(other)}}, English has {${params(en)}}`);
  }
  for (const key of messages[lang].keys()) if (!messages.en.has(key)) problems.push(`${lang}: key ${key} is not in English`);
}

// 2–4. The sources.
const LABELS = new Set([
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);
const WORDS = /\p{L}{2}/u;
const SENTENCE = /^\s*\p{Lu}[\p{L}’']*[,:]?\s+\S/u;
const ROUTE = /^(GET|POST|PUT|PATCH|DELETE) \//;
const KEY_CALL = /\b(?:t|te|tm|\$t)\(\s*(['"])([\w.-]+)\1/g;

function checkKeys(text, file, firstLine) {
  for (const m of text.matchAll(KEY_CALL)) {
    const key = m[2];
    const isKey = messages.en.has(key) || [...messages.en.keys()].some((k) => k.startsWith(`${key}.`));
    if (!isKey)
      problems.push(
        `${where(file, firstLine + text.slice(0, m.index).split('\n').length - 1)}: t('${key}') is not in the English messages`,
      );
  }
}

function checkScript(code, file, firstLine, isTsx = false) {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, isTsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = code.split('\n');
  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    const literal =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? node.head.text
          : null;
    if (literal !== null && SENTENCE.test(literal) && !ROUTE.test(literal) && !ignored(node)) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line;
      if (!lines[line]?.includes('i18n-ignore'))
        problems.push(`${where(file, firstLine + line)}: "${literal.slice(0, 50)}" looks like text for people; put it in the messages`);
    }
    ts.forEachChild(node, visit);
  };
  // Developer-facing places: errors thrown for bugs and console output.
  const ignored = (node) => {
    for (let p = node.parent; p; p = p.parent) {
      if (ts.isNewExpression(p) && /Error$/.test(p.expression.getText())) return true;
      if (ts.isCallExpression(p) && /^console\./.test(p.expression.getText())) return true;
    }
    return false;
  };
  visit(sf);
  checkKeys(code, file, firstLine);
}

function checkTemplate(node, file) {
  if (node.type === 2 && WORDS.test(node.content))
    problems.push(`${where(file, node.loc.start.line)}: template text "${node.content.trim().slice(0, 50)}" is not from t()`);
  if (node.type === 1) {
    for (const prop of node.props) {
      if (prop.type === 6 && LABELS.has(prop.name) && prop.value && WORDS.test(prop.value.content)) {
        problems.push(`${where(file, prop.loc.start.line)}: ${prop.name}="${prop.value.content.slice(0, 50)}" is not from t()`);
      }
      if (prop.type === 7 && prop.exp) checkExpression(prop.exp.content, file, prop.loc.start.line);
    }
  }
  if (node.type === 5) checkExpression(node.content.content, file, node.loc.start.line);
  for (const child of node.children ?? []) checkTemplate(child, file);
  for (const branch of node.branches ?? []) checkTemplate(branch, file);
}

function checkExpression(expression, file, line) {
  if (!expression) return;
  checkScript(`(${expression});`, file, line);
}

for (const file of walk(src)) {
  if (file.startsWith(locales)) continue;
  if (file.endsWith('.ts') && !file.endsWith('.d.ts')) checkScript(readFileSync(file, 'utf8'), file, 1);
  if (!file.endsWith('.vue')) continue;
  const { descriptor, errors } = parseSfc(readFileSync(file, 'utf8'), { filename: file });
  if (errors.length) problems.push(`${relative(root, file)}: ${errors[0].message}`);
  for (const block of [descriptor.script, descriptor.scriptSetup]) if (block) checkScript(block.content, file, block.loc.start.line);
  if (descriptor.template?.ast) checkTemplate(descriptor.template.ast, file);
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\ni18n check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`i18n check: ${messages.en.size} keys in ${LANGS.join(', ')}; every template text and label comes from the messages`);
