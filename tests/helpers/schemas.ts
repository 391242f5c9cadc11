/**
 * Real consumers' schemas for the CI formats: SARIF 2.1.0 (OASIS, through Ajv), JUnit XML (the
 * Jenkins xUnit plugin's XSD, through libxml2's xmllint compiled to WebAssembly) and GitLab Code
 * Quality (GitLab's own validator schema and one written from its documentation, through Ajv).
 * See tests/schemas/README.md for where each comes from.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import { validateXML } from "xmllint-wasm";
import { ROOT } from "./run.js";

const require = createRequire(import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as object;

/** A validator that returns the errors as text ("" when valid). */
export type Check = (value: unknown) => string;

function checker(ajv: { compile(schema: object): ((value: unknown) => boolean) & { errors?: unknown }; errorsText(errors: unknown): string }, schema: object): Check {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? "" : ajv.errorsText(validate.errors));
}

/** The OASIS SARIF 2.1.0 schema (draft-04); its URI formats checked with the WHATWG URL parser. */
export function sarifCheck(): Check {
  // `unicodeRegExp: false`: the schema's `language` pattern has a stray `]`, which only the `u` flag rejects.
  const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addFormat("uri-reference", (s: string) => !/\s/.test(s) && URL.canParse(s, "file:///base/"));
  ajv.addFormat("date-time", (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)));
  return checker(ajv, read(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json")));
}

/** GitLab's validator schema for each issue, and the documented report format for the whole array. */
export function gitlabCheck(): Check {
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  const each = checker(ajv, read(`${ROOT}/tests/schemas/gitlab-codeclimate.json`));
  const whole = checker(ajv, read(`${ROOT}/tests/schemas/gitlab-code-quality-report.json`));
  return (value) => [whole(value), ...(Array.isArray(value) ? value.map(each) : ["not an array"])].filter((e) => e !== "").join("; ");
}

const JUNIT_XSD = readFileSync(`${ROOT}/tests/schemas/junit-10.xsd`, "utf8");

/** Validates JUnit XML against the Jenkins schema with libxml2; the errors as text ("" when valid). */
export async function junitErrors(xml: string): Promise<string> {
  const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [JUNIT_XSD] });
  return result.valid ? "" : result.errors.map((e) => e.rawMessage).join("\n");
}
