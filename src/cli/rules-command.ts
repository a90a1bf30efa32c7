import type { Command } from 'commander';
import { rulesTable } from '../rules/index.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('print the consistency rules that every filing is checked against')
    .action(() => {
      process.stdout.write(`${rulesTable()}\n`);
    });
}
