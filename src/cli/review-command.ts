import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { withOptions } from '../options/commander.js';
import { sha256OfFile } from '../archive/sha256-file.js';
import { DecisionBook } from '../audit/decisions.js';
import { parseDecisions } from '../policy/decisions-file.js';
import type { Finding } from '../audit/types.js';
import { DECISIONS_FILE } from '../decision-inputs.js';
import { CallauditError } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { keepableCategories, packOfReport } from '../review/report-pack.js';
import { appendDecision } from '../review/append-decision.js';
import { reviewInteractively } from '../review/interactive.js';
import { openReviews, parseFilter, renderTodo, type ReviewFilter } from '../review/todo.js';
import type { CommandIo } from './audit-command.js';
import { readReport } from './read-report.js';
import { writeFileAtomically } from './write-atomically.js';

interface ReviewOptions {
  report?: string;
  filter?: string[];
  out?: string;
  force?: boolean;
  redact?: boolean;
  interactive?: boolean;
  decisions?: string;
  reviewer?: string;
}

function usage(message: string, hint: string): never {
  throw new CallauditError('BAD_FLAG', message, hint);
}

/** The decisions already taken, so a to-do file or a session shows only what is still open. */
function decidedIn(file: string | undefined): (f: Finding) => boolean {
  if (!file || !existsSync(file)) return () => false;
  const book = new DecisionBook(parseDecisions(readInputFile(file, DECISIONS_FILE).toString('utf8'), file));
  return (f) => book.find(f) !== null;
}

export function reviewCommand(io: CommandIo): Command {
  return withOptions(
    new Command('review').description(
      'Work through the open review findings of a report: write them as a decisions file to fill in, or decide them one by one in the terminal (--interactive).',
    ),
    'review',
  ).action(async (options: ReviewOptions) => {
    const report = readReport(options.report!, 'report given with --report');
    const filters: ReviewFilter[] = (options.filter ?? []).map(parseFilter);
    const redact = options.redact !== false;
    const open = openReviews(report.recordings, filters, decidedIn(options.decisions));
    if (options.interactive) {
      await interactive(open, options, redact, report.policy.id, io);
      return;
    }
    const out = options.out ?? 'decisions-todo.csv';
    if (!options.force && existsSync(out))
      throw new CallauditError(
        'FILE_EXISTS',
        `"${out}" already exists; it may hold decisions someone has filled in`,
        'choose another file, or add --force to replace it',
        out,
      );
    const { csv, unmatchable } = renderTodo(open, redact);
    writeFileAtomically(out, [csv]);
    io.stdout(`${open.length} open review finding(s) written to ${out}\n`);
    if (unmatchable > 0)
      io.stderr(
        `warning ${unmatchable} row(s) have neither a call ID nor an unmasked path, so a decision there cannot name its recording; write them with --no-redact\n`,
      );
  });
}

async function interactive(
  open: readonly Finding[],
  options: ReviewOptions,
  redact: boolean,
  policyId: string,
  io: CommandIo,
): Promise<void> {
  if (!process.stdin.isTTY || !process.stdout.isTTY)
    usage(
      '--interactive needs a terminal',
      'run it in a terminal, or write a to-do file with --out and fill it in',
    );
  if (!options.decisions)
    usage('--interactive needs --decisions <file> to append to', 'e.g. --decisions decisions.csv');
  if (!options.reviewer?.trim())
    usage('--interactive needs --reviewer <name>', 'e.g. --reviewer "DPO Ana Novak"');
  const keepable = keepableCategories(packOfReport(policyId));
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines typed ahead of a prompt are queued, not lost: readline's question() only sees lines
  // that arrive while it is pending.
  const typedAhead: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let ended = false;
  rl.on('line', (line) => {
    if (waiting) {
      const settle = waiting;
      waiting = null;
      settle(line);
    } else typedAhead.push(line);
  });
  rl.on('close', () => {
    ended = true;
    waiting?.(null);
    waiting = null;
  });
  try {
    const recorded = await reviewInteractively(open, {
      say: (text) => io.stdout(`${text}\n`),
      ask: (question) => {
        io.stdout(question);
        const queued = typedAhead.shift();
        if (queued !== undefined) return Promise.resolve(queued);
        // A question pending when the input ends (Ctrl-D) settles with null.
        if (ended) return Promise.resolve(null);
        return new Promise<string | null>((resolve) => (waiting = resolve));
      },
      record: (row) => appendDecision(options.decisions!, row),
      hash: async (f) => (await sha256OfFile(join(f.root, f.path)).catch(() => null))?.sha256 ?? null,
      reviewer: options.reviewer!.trim(),
      now: () => new Date().toISOString(),
      redact,
      keepable,
    });
    io.stdout(
      `\n${recorded} decision(s) appended to ${options.decisions}; ${open.length - recorded} not decided.\n`,
    );
  } finally {
    rl.close();
  }
}
