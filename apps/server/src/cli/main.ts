/**
 * The admin CLI: `npm run motcua -- <command>` (or the `motcua` bin). Each command is a small module under
 * cli/commands; this file only parses the command line and dispatches.
 */
import { parseArgs } from 'node:util';
import { commands } from './commands';

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands.find((c) => c.name === name || c.name === `${name} ${rest[0] ?? ''}`.trim()) : undefined;

if (!command) {
  process.stdout.write(`MotCua admin CLI\n\nUsage: npm run motcua -- <command> [options]\n\nCommands:\n`);
  for (const c of commands) process.stdout.write(`  ${`${c.name} ${c.positionals ?? ''}`.trim().padEnd(18)} ${c.summary}\n`);
  process.exit(name && name !== 'help' && name !== '--help' ? 1 : 0);
}

const args = command.name.includes(' ') ? rest.slice(1) : rest;
try {
  const { values, positionals } = parseArgs({
    args,
    options: command.options ?? {},
    strict: true,
    allowPositionals: Boolean(command.positionals),
  });
  const code = await command.run(values as Record<string, string | boolean | undefined>, positionals);
  process.exit(code);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
