// Proves the validator passes the real overlays and fails on broken ones:
// each case below takes the rendered prod overlay, breaks one thing, and
// expects a specific message. Run: node --test test/ (validate.sh does).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadDocuments, SchemaValidator, checkPolicies, parseDurationSeconds, schemaFileName } from "../lib.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const overlays = path.resolve(here, "../../k8s/overlays");
const schemaDir =
  process.env.K8S_SCHEMA_DIR ?? path.resolve(here, "../../../../shared/k8s-schemas/v1.30.0-standalone-strict");
const kubectl = process.env.KUBECTL ?? "kubectl";

assert.ok(fs.existsSync(schemaDir), `schema folder ${schemaDir} not found (set K8S_SCHEMA_DIR)`);
const validator = new SchemaValidator(schemaDir);
const rendered = new Map();
function render(overlay) {
  if (!rendered.has(overlay)) {
    rendered.set(overlay, execFileSync(kubectl, ["kustomize", path.join(overlays, overlay)], { encoding: "utf8" }));
  }
  return loadDocuments(rendered.get(overlay)); // a fresh copy to mutate
}
const errorsOf = (docs) => [...validator.validate(docs), ...checkPolicies(docs)];
const find = (docs, kind, pred = () => true) => docs.find((d) => d.kind === kind && pred(d));
const podSpec = (docs) => find(docs, "Deployment").spec.template.spec;
const server = (docs) => podSpec(docs).containers[0];

function expectError(mutate, pattern) {
  const docs = render("prod");
  mutate(docs);
  const errors = errorsOf(docs);
  assert.ok(
    errors.some((e) => pattern.test(e)),
    `expected an error matching ${pattern}, got:\n  ${errors.join("\n  ") || "(none)"}`,
  );
}

for (const overlay of fs.readdirSync(overlays).sort()) {
  test(`overlay ${overlay} renders and validates`, () => {
    assert.deepEqual(errorsOf(render(overlay)), []);
  });
}

test("schema: an unknown field fails (strict schemas)", () =>
  expectError((d) => { server(d).readinessProbe.grpc.servce = "x"; }, /unknown field "servce"/));

test("schema: a misspelt top-level spec field fails", () =>
  expectError((d) => { find(d, "Service").spec.clusterIp = "None"; }, /Service\/.*unknown field "clusterIp"/));

test("schema: a wrong type fails", () =>
  expectError((d) => { find(d, "HorizontalPodAutoscaler").spec.minReplicas = "3"; }, /minReplicas: must be integer/));

test("schema: a missing required field fails", () =>
  expectError((d) => { delete server(d).readinessProbe.grpc.port; }, /must have required property 'port'/));

test("schema: an apiVersion with no schema fails", () =>
  expectError((d) => { find(d, "PodDisruptionBudget").apiVersion = "policy/v1beta1"; }, /no schema for apiVersion policy\/v1beta1/));

test("policy: termination grace shorter than the drain fails", () =>
  expectError((d) => { podSpec(d).terminationGracePeriodSeconds = 20; }, /terminationGracePeriodSeconds 20 must exceed .* \(25s\)/));

test("policy: service links colliding with RESOLUTE_* fail", () =>
  expectError((d) => { delete podSpec(d).enableServiceLinks; }, /enableServiceLinks must be false/));

test("policy: a writable root filesystem fails", () =>
  expectError((d) => { server(d).securityContext.readOnlyRootFilesystem = false; }, /readOnlyRootFilesystem must be true/));

test("policy: capabilities not dropped fail", () =>
  expectError((d) => { server(d).securityContext.capabilities.drop = []; }, /capabilities.drop must contain ALL/));

test("policy: an exec probe instead of gRPC fails", () =>
  expectError((d) => { server(d).livenessProbe = { exec: { command: ["true"] } }; }, /livenessProbe is not a native gRPC probe/));

test("policy: a Service selecting no pod fails", () =>
  expectError((d) => { find(d, "Service", (s) => s.spec.clusterIP === "None").spec.selector = { app: "x" }; }, /selector matches no pod template/));

test("policy: a missing headless Service fails", () =>
  expectError((d) => { d.splice(d.indexOf(find(d, "Service", (s) => s.spec.clusterIP === "None")), 1); }, /no headless Service/));

test("policy: an HPA aiming at a missing Deployment fails", () =>
  expectError((d) => { find(d, "HorizontalPodAutoscaler").spec.scaleTargetRef.name = "other"; }, /scaleTargetRef .* not in the render/));

test("policy: replicas next to an HPA fail", () =>
  expectError((d) => { find(d, "Deployment").spec.replicas = 3; }, /an HPA owns the replica count/));

test("policy: a ConfigMap reference missing from the render fails", () =>
  expectError((d) => { server(d).envFrom[0].configMapRef.name = "resolute-config"; }, /envFrom ConfigMap resolute-config is not in the render/));

test("policy: an image on latest fails", () =>
  expectError((d) => { server(d).image = "resolute-server:latest"; }, /no pinned tag or digest/));

test("policy: TLS without a plaintext probe port fails", () =>
  expectError((d) => { find(d, "ConfigMap").data.RESOLUTE_TLS_CERT = "/etc/resolute/tls/tls.crt"; }, /RESOLUTE_PROBE_PORT is not set: gRPC probes cannot speak TLS/));

test("policy: probes on a port the server does not serve fail", () =>
  expectError((d) => { server(d).livenessProbe.grpc.port = 9090; }, /livenessProbe port 9090 is neither RESOLUTE_PORT 50051 nor RESOLUTE_PROBE_PORT/));

test("policy: TLS with probes still on the gRPC port fails", () => {
  const docs = render("prod-tls");
  server(docs).readinessProbe.grpc.port = 50051;
  assert.ok(errorsOf(docs).some((e) => /readinessProbe port 50051 must be RESOLUTE_PROBE_PORT 8081/.test(e)), errorsOf(docs).join("\n"));
});

test("durations parse as absl and Go print them", () => {
  const table = [["5s", 5], ["20s", 20], ["500ms", 0.5], ["1m30s", 90], ["1.5h", 5400], ["30", 30]];
  for (const [text, seconds] of table) assert.equal(parseDurationSeconds(text), seconds, text);
  for (const bad of ["", "five", "5 s", "5x", "s"]) assert.ok(Number.isNaN(parseDurationSeconds(bad)), bad);
});

test("schema file names follow the schema set", () => {
  assert.equal(schemaFileName("apps/v1", "Deployment"), "deployment-apps-v1.json");
  assert.equal(schemaFileName("v1", "Service"), "service-v1.json");
  assert.equal(schemaFileName("networking.k8s.io/v1", "NetworkPolicy"), "networkpolicy-networking-v1.json");
  assert.equal(schemaFileName("autoscaling/v2", "HorizontalPodAutoscaler"), "horizontalpodautoscaler-autoscaling-v2.json");
});
