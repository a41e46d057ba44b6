// ESLint rule: a store touches its own module's tables, the shared organisation tables, and the crossings named in
// eslint/module-tables.js. Table names are found in SQL template literals (FROM, JOIN, INTO, UPDATE) and in the
// first argument of Kysely's selectFrom / insertInto / updateTable / deleteFrom / *Join.
import path from 'node:path';
import { OWNERS, READS, SHARED_READS, WRITES } from './module-tables.js';

const SQL_TABLE = /\b(FROM|JOIN|INTO|UPDATE)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/gi;
const KYSELY_READ = new Set(['selectFrom', 'innerJoin', 'leftJoin', 'rightJoin', 'fullJoin', 'leftJoinLateral', 'innerJoinLateral']);
const KYSELY_WRITE = new Set(['insertInto', 'updateTable', 'deleteFrom', 'mergeInto']);

function moduleOf(filename) {
  const rel = filename.split(path.sep).join('/');
  const m = /\/src\/modules\/([^/]+)\//.exec(rel);
  return m ? m[1] : null;
}

function allowed(module, table, write) {
  const owner = OWNERS[table];
  if (owner === undefined || owner === module) return true;
  if (!write && SHARED_READS.includes(table)) return true;
  if (write) return Boolean(WRITES[module]?.[table]);
  return Boolean(READS[module]?.[table] || WRITES[module]?.[table]);
}

export default {
  meta: { type: 'problem', messages: { crossing: "{{module}} {{how}} table {{table}} of module {{owner}}: go through that module's service, or name the crossing with its reason in eslint/module-tables.js." } },
  create(context) {
    const module = moduleOf(context.filename);
    if (!module) return {};
    const report = (node, table, write) => {
      if (!allowed(module, table, write)) {
        context.report({ node, messageId: 'crossing', data: { module, how: write ? 'writes' : 'reads', table, owner: OWNERS[table] } });
      }
    };
    return {
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.raw).join(' ${} ');
        for (const m of text.matchAll(SQL_TABLE)) {
          const kw = m[1].toUpperCase();
          const write = kw === 'INTO' || kw === 'UPDATE' || /DELETE\s+$/i.test(text.slice(0, m.index));
          report(node, m[2].toLowerCase(), write);
        }
      },
      CallExpression(node) {
        const name = node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' ? node.callee.property.name : null;
        if (!name || (!KYSELY_READ.has(name) && !KYSELY_WRITE.has(name))) return;
        const arg = node.arguments[0];
        if (arg?.type !== 'Literal' || typeof arg.value !== 'string') return;
        report(node, arg.value.split(/\s+as\s+/i)[0].trim(), KYSELY_WRITE.has(name));
      },
    };
  },
};
