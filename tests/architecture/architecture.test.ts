import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folder layout's rules, checked on every `npm test` (ARCHITECTURE.md "Rules"). Import specifiers are
 * read with a regular expression: enough for our own code, which uses static ESM imports only.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

type SourceImport = { specifier: string; resolved: string | undefined; typeOnly: boolean };
type SourceFile = { file: string; rel: string; text: string; imports: SourceImport[] };

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const IMPORT_PATTERN =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
  ];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()) ?? base;
}

function readSources(): SourceFile[] {
  return walk(SRC).map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const imports: SourceImport[] = [];
    for (const match of text.matchAll(IMPORT_PATTERN)) {
      const specifier = match[3] ?? match[4];
      if (!specifier) continue;
      imports.push({ specifier, resolved: resolveImport(file, specifier), typeOnly: Boolean(match[2]) });
    }
    return { file, rel: path.relative(ROOT, file), text, imports };
  });
}

const sources = readSources();
const rel = (file: string) => path.relative(ROOT, file);
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(rel(file))?.[1];
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Packages a pure domain file may use. */
// Pure computation libraries only: validation, dates in time zones, RFC 5545 recurrence, FSRS scheduling, GIFT and XML parsing.
const PURE_PACKAGES = new Set(['zod', 'luxon', 'rrule', 'ts-fsrs', 'gift-pegjs', 'fast-xml-parser']);

describe('architecture', () => {
  it('keeps domain/ folders pure: no I/O, no database, no HTTP, no wall clock', () => {
    const violations: string[] = [];
    for (const source of sources.filter((s) => /\/domain\//.test(s.rel) && !isTest(s.rel))) {
      for (const imp of source.imports) {
        if (imp.resolved) {
          const target = rel(imp.resolved);
          if (!/\/domain\//.test(target) && !target.startsWith('src/platform/authz/')) {
            violations.push(`${source.rel} imports ${imp.specifier} (not domain code)`);
          }
        } else if (!PURE_PACKAGES.has(imp.specifier)) {
          violations.push(`${source.rel} imports package ${imp.specifier}`);
        }
      }
      if (/Date\.now\(|new Date\(\)|Math\.random\(|process\.|console\./.test(source.text)) {
        violations.push(`${source.rel} reads the clock, randomness, the process or the console`);
      }
    }
    expect(violations).toEqual([]);
  });

  // A module's public surface is its index.ts; its pure domain API (domain/index.ts) may be used by other
  // modules' domain code too, which cannot import an index.ts that also exports services.
  it('lets modules use each other only through index.ts, domain/index.ts (and *.tables.ts for foreign keys and joins)', () => {
    const violations: string[] = [];
    for (const source of sources) {
      const from = moduleOf(source.file);
      if (!from) continue;
      for (const imp of source.imports) {
        if (!imp.resolved) continue;
        const to = moduleOf(imp.resolved);
        if (!to || to === from) continue;
        const target = rel(imp.resolved);
        const viaIndex =
          target === `src/modules/${to}/index.ts` || target === `src/modules/${to}/domain/index.ts`;
        const viaTables =
          target === `src/modules/${to}/${to}.tables.ts` && /\.(tables|repository)\.ts$/.test(source.rel);
        if (!viaIndex && !viaTables && !isTest(source.rel)) violations.push(`${source.rel} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps platform/ independent of the domain modules', () => {
    const violations = sources
      .filter((s) => s.rel.startsWith('src/platform/') && !isTest(s.rel))
      .flatMap((s) =>
        s.imports
          .filter((i) => i.resolved && rel(i.resolved).startsWith('src/modules/'))
          .map((i) => `${s.rel} → ${i.specifier}`),
      );
    expect(violations).toEqual([]);
  });

  it('lets the web app take from the server only schema types, domain code and the permission table', () => {
    const violations: string[] = [];
    for (const source of sources.filter((s) => s.rel.startsWith('src/web/'))) {
      for (const imp of source.imports) {
        if (!imp.resolved) continue;
        const target = rel(imp.resolved);
        if (target.startsWith('src/web/')) continue;
        const allowed =
          (/\.schemas\.ts$/.test(target) && imp.typeOnly) ||
          /\/domain\//.test(target) ||
          target.startsWith('src/platform/authz/');
        if (!allowed) violations.push(`${source.rel} → ${target}${imp.typeOnly ? '' : ' (value import)'}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const source of sources) {
      graph.set(
        source.file,
        source.imports
          .filter((i) => !i.typeOnly && i.resolved && graph !== undefined)
          .map((i) => i.resolved as string),
      );
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next);
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file);
    expect(cycles).toEqual([]);
  });

  it('gives every module an index.ts and keeps SQL in repositories, tables and the platform', () => {
    const modules = fs.readdirSync(path.join(SRC, 'modules'));
    for (const name of modules)
      expect(fs.existsSync(path.join(SRC, 'modules', name, 'index.ts')), name).toBe(true);
    const sqlOutside = sources
      .filter(
        (s) =>
          s.rel.startsWith('src/modules/') && !isTest(s.rel) && !/\.(repository|tables)\.ts$/.test(s.rel),
      )
      .filter((s) =>
        s.imports.some((i) => i.specifier === 'drizzle-orm' || i.specifier.startsWith('drizzle-orm/')),
      )
      .map((s) => s.rel);
    expect(sqlOutside).toEqual([]);
  });

  it('finds the files it checks (the scan itself works)', () => {
    expect(sources.length).toBeGreaterThan(30);
    const service = sources.find((s) => s.rel === 'src/modules/clients/clients.service.ts');
    expect(service?.imports.map((i) => i.specifier)).toContain('../audit/index.js');
  });
});
