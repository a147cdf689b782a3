// `probe bank`: validate the question bank, list its questions, and write its JSON Schema.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { readBank } from '../../adapters/bank/load-bank.js';
import { bankJsonSchema } from '../../adapters/bank/json-schema.js';
import { formatProblem } from '../../engine/bank/validate-bank.js';
import { defaultBankDir } from '../../paths.js';

export function registerBank(program: Command): void {
  const bank = program.command('bank').description('work with the question bank (YAML files in rubrics/)');

  bank
    .command('validate')
    .description('check every bank file; prints each problem as file: question: field: message, exits 1 if any')
    .argument('[dir]', 'folder of bank YAML files', defaultBankDir())
    .action(async (dir: string) => {
      const { bank: loaded, problems, files } = await readBank(dir);
      for (const p of problems) console.error(formatProblem(p));
      if (problems.length > 0) {
        console.error(`${problems.length} problem(s) in ${dir}`);
        process.exitCode = 1;
        return;
      }
      console.log(`ok: ${loaded.questions.length} questions in ${loaded.topics.length} topics (${files.length} files), version ${loaded.version}`);
    });

  bank
    .command('list')
    .description('list questions: id, topic, difficulty, kind, and the prompt')
    .option('-t, --topic <topic>', 'only this topic (id)')
    .option('-d, --dir <dir>', 'folder of bank YAML files', defaultBankDir())
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { topic?: string; dir: string; json?: boolean }) => {
      const { bank: loaded, problems } = await readBank(opts.dir);
      if (problems.length > 0) {
        console.error(`the bank has ${problems.length} problem(s); run \`probe bank validate ${opts.dir}\``);
        process.exitCode = 1;
        return;
      }
      if (opts.topic && !loaded.topics.some((t) => t.id === opts.topic)) {
        console.error(`unknown topic "${opts.topic}"; topics: ${loaded.topics.map((t) => t.id).join(', ')}`);
        process.exitCode = 2;
        return;
      }
      const questions = loaded.questions.filter((q) => !opts.topic || q.topic === opts.topic);
      if (opts.json) {
        console.log(JSON.stringify(questions.map(({ id, topic, difficulty, kind, source, prompt }) => ({ id, topic, difficulty, kind, source, prompt })), null, 2));
        return;
      }
      for (const q of questions) console.log(`${q.id.padEnd(34)} ${q.topic.padEnd(14)} d${q.difficulty} ${q.kind.padEnd(10)} ${q.prompt}`);
      console.log(`${questions.length} question(s)`);
    });

  bank
    .command('schema')
    .description('print the JSON Schema of a bank file (editors use it to complete and check the YAML)')
    .option('--write', 'write it to rubrics/schema.json instead of printing it')
    .action(async (opts: { write?: boolean }) => {
      const text = `${JSON.stringify(bankJsonSchema(), null, 2)}\n`;
      if (!opts.write) return void process.stdout.write(text);
      const target = path.join(defaultBankDir(), 'schema.json');
      await writeFile(target, text);
      console.log(`wrote ${target}`);
    });
}
