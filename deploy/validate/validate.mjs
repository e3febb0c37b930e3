#!/usr/bin/env node
// Validates rendered Kubernetes manifests offline: JSON schema of every object,
// then resolute's cross-object policy (lib.mjs). Exit 0 when all pass, 1 when
// any check fails, 2 on a usage or setup error.
//
//   kubectl kustomize deploy/k8s/overlays/prod | node validate.mjs --schemas DIR --label prod -
//   node validate.mjs --schemas DIR rendered.yaml ...
import fs from "node:fs";
import { loadDocuments, SchemaValidator, checkPolicies } from "./lib.mjs";

function usage(message) {
  if (message) console.error(`validate: ${message}`);
  console.error("usage: node validate.mjs --schemas DIR [--label NAME] [--no-policy] FILE|- ...");
  process.exit(2);
}

const args = process.argv.slice(2);
let schemaDir = process.env.K8S_SCHEMA_DIR;
let label = null;
let policy = true;
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--schemas") schemaDir = args[++i];
  else if (a === "--label") label = args[++i];
  else if (a === "--no-policy") policy = false;
  else if (a === "-h" || a === "--help") usage();
  else if (a.startsWith("--")) usage(`unknown option ${a}`);
  else files.push(a);
}
if (!schemaDir) usage("no schema folder: pass --schemas DIR or set K8S_SCHEMA_DIR");
if (files.length === 0) usage("no input file");

let validator;
try {
  validator = new SchemaValidator(schemaDir);
} catch (e) {
  usage(e.message);
}

let failed = false;
for (const file of files) {
  const name = label ?? (file === "-" ? "stdin" : file);
  let docs;
  try {
    docs = loadDocuments(fs.readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (e) {
    console.error(`validate: ${name}: cannot read YAML: ${e.message}`);
    failed = true;
    continue;
  }
  const errors = validator.validate(docs);
  if (policy) errors.push(...checkPolicies(docs));
  if (docs.length === 0) errors.push("the input has no object");
  for (const e of errors) console.error(`validate: ${name}: ${e}`);
  const kinds = docs.map((d) => d?.kind).join(", ");
  if (errors.length) {
    failed = true;
    console.log(`FAIL ${name}: ${errors.length} error(s) in ${docs.length} objects`);
  } else {
    console.log(`ok   ${name}: ${docs.length} objects valid (${kinds})`);
  }
}
process.exit(failed ? 1 : 0);
