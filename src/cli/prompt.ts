/**
 * Asking for what was left out, at a terminal (`claims add`). The questions go to stderr, so
 * stdout carries only the command's own output; everything shown passes through the sanitiser.
 * This module, and Inquirer's prompts with it, is loaded only when there is something to ask;
 * only the three prompts used are imported (the @inquirer/prompts collection would bring its
 * external-editor prompt and a character-set converter into the bundle).
 */
import input from "@inquirer/input";
import search from "@inquirer/search";
import select from "@inquirer/select";
import { sanitize } from "../formats/sanitize.js";

export interface Choice {
  readonly value: string;
  /** Shown beside the value (a source's name, a claim's question). */
  readonly description?: string;
}

/** What `claims add` asks with; tests give their own. */
export interface Prompter {
  /** Free text; `validate` returns true or what is wrong. */
  text(message: string, validate?: (value: string) => true | string): Promise<string>;
  /** One of `choices`: typed to filter when there are many, picked from a list when there are few. */
  choose(message: string, choices: readonly Choice[]): Promise<string>;
}

/** The user left a question unanswered (Ctrl-C, or the terminal closed). */
export class PromptCancelled extends Error {
  override readonly name = "PromptCancelled";
}

/** Prompts through @inquirer/prompts on this process's terminal, written to stderr. */
export function terminalPrompter(): Prompter {
  const context = { input: process.stdin, output: process.stderr };
  const cancelled = (error: unknown): never => {
    // Inquirer rejects with ExitPromptError on Ctrl-C and when its input closes.
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) throw new PromptCancelled("cancelled", { cause: error });
    throw error;
  };
  return {
    text: (message, validate) => input({ message: sanitize(message), validate: validate && ((value: string) => { const ok = validate(value); return ok === true ? true : sanitize(ok); }) }, context).catch(cancelled),
    choose: (message, choices) => {
      const shown = choices.map((c) => ({ value: c.value, name: sanitize(c.value), ...(c.description ? { description: sanitize(c.description) } : {}) }));
      if (shown.length <= 10) return select({ message: sanitize(message), choices: shown, pageSize: 10 }, context).catch(cancelled);
      return search(
        {
          message: sanitize(message),
          pageSize: 10,
          source: (term) => {
            const wanted = (term ?? "").toLowerCase();
            return shown.filter((c) => c.value.includes(wanted) || (c.description ?? "").toLowerCase().includes(wanted));
          },
        },
        context,
      ).catch(cancelled);
    },
  };
}
