// Offline checks of rendered Kubernetes manifests.
//
// Two layers, both of which must pass:
//   1. schema: every object is validated against the official Kubernetes JSON
//      schema of its apiVersion and kind (the "standalone-strict" set, where an
//      unknown field is an error). An object with no schema is an error too.
//   2. policy: cross-object rules a schema cannot express, the ones that keep
//      resolute deployable (selectors that match, probes, securityContext, a
//      termination grace longer than the server's drain, ...).
//
//   import { loadDocuments, SchemaValidator, checkPolicies } from "./lib.mjs";
//   const docs = loadDocuments(yamlText);
//   const errors = [...new SchemaValidator(dir).validate(docs), ...checkPolicies(docs)];

import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import yaml from "js-yaml";

/** Parses a YAML stream (documents separated by ---) and drops empty documents. */
export function loadDocuments(text) {
  const docs = [];
  yaml.loadAll(text, (doc) => {
    if (doc !== null && doc !== undefined) docs.push(doc);
  });
  return docs;
}

/** "Deployment/resolute" (with the namespace when there is one), for messages. */
export function describe(doc) {
  const name = doc?.metadata?.name ?? "<no name>";
  const ns = doc?.metadata?.namespace;
  return `${doc?.kind ?? "<no kind>"}/${ns ? ns + "/" : ""}${name}`;
}

/** File name of the schema for apiVersion + kind, as the yannh/kubernetes-json-schema sets name them. */
export function schemaFileName(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const groupPart = group ? group.split(".")[0] + "-" : "";
  return `${kind.toLowerCase()}-${groupPart}${version}.json`;
}

/** Validates objects against the JSON schemas found in one folder. */
export class SchemaValidator {
  constructor(schemaDir) {
    if (!fs.existsSync(schemaDir) || !fs.statSync(schemaDir).isDirectory()) {
      throw new Error(`schema folder not found: ${schemaDir}`);
    }
    this.schemaDir = schemaDir;
    // The schemas carry x-kubernetes-* annotations and an old draft "$schema"
    // URI: strict mode and meta-validation are off, formats are checked.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.compiled = new Map();
  }

  /** Returns the compiled validator, or null when the folder has no schema for it. */
  validatorFor(apiVersion, kind) {
    const key = `${apiVersion}|${kind}`;
    if (this.compiled.has(key)) return this.compiled.get(key);
    const file = path.join(this.schemaDir, schemaFileName(apiVersion, kind));
    let fn = null;
    if (fs.existsSync(file)) {
      const schema = JSON.parse(fs.readFileSync(file, "utf8"));
      delete schema.$schema;
      const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
      const gvks = schema["x-kubernetes-group-version-kind"] ?? [];
      const matches = gvks.some((g) => g.group === group && g.version === version && g.kind === kind);
      if (matches) fn = this.ajv.compile(schema);
    }
    this.compiled.set(key, fn);
    return fn;
  }

  /** Returns one message per problem; empty when every object is valid. */
  validate(docs) {
    const errors = [];
    for (const doc of docs) {
      if (typeof doc !== "object" || Array.isArray(doc)) {
        errors.push(`schema: a document is not an object: ${JSON.stringify(doc).slice(0, 80)}`);
        continue;
      }
      if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
        errors.push(`schema: ${describe(doc)}: apiVersion and kind are required`);
        continue;
      }
      const fn = this.validatorFor(doc.apiVersion, doc.kind);
      if (!fn) {
        errors.push(
          `schema: ${describe(doc)}: no schema for apiVersion ${doc.apiVersion} kind ${doc.kind} ` +
            `in ${this.schemaDir} (expected ${schemaFileName(doc.apiVersion, doc.kind)})`,
        );
        continue;
      }
      if (!fn(doc)) {
        for (const message of formatAjvErrors(fn.errors)) {
          errors.push(`schema: ${describe(doc)}: ${message}`);
        }
      }
    }
    return errors;
  }
}

function formatAjvErrors(ajvErrors) {
  const seen = new Set();
  const out = [];
  for (const e of ajvErrors ?? []) {
    const where = e.instancePath || "/";
    let message;
    if (e.keyword === "additionalProperties") {
      message = `${where}: unknown field "${e.params.additionalProperty}"`;
    } else if (e.keyword === "enum") {
      message = `${where}: must be one of ${JSON.stringify(e.params.allowedValues)}`;
    } else {
      message = `${where}: ${e.message}`;
    }
    if (!seen.has(message)) {
      seen.add(message);
      out.push(message);
    }
  }
  return out;
}

/** Parses a duration as absl and Go print them ("500ms", "5s", "1m30s", "1.5h"); plain numbers are seconds. */
export function parseDurationSeconds(text) {
  const s = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  const unit = { ns: 1e-9, us: 1e-6, "µs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * unit[m[2]];
    consumed = re.lastIndex;
  }
  if (consumed !== s.length || s.length === 0) return NaN;
  return total;
}

function selectorMatches(matchLabels, labels) {
  if (!matchLabels || Object.keys(matchLabels).length === 0) return false;
  return Object.entries(matchLabels).every(([k, v]) => labels?.[k] === v);
}

function podSpecsOf(docs) {
  return docs
    .filter((d) => d.kind === "Deployment" && d.spec?.template)
    .map((d) => ({ owner: d, labels: d.spec.template.metadata?.labels ?? {}, spec: d.spec.template.spec ?? {} }));
}

/** The kinds resolute's deployment is made of (issue: Deployment, two Services, HPA, PDB, ConfigMap, NetworkPolicy). */
export const REQUIRED = [
  ["Deployment", (d) => d.kind === "Deployment"],
  ["ClusterIP Service", (d) => d.kind === "Service" && d.spec?.clusterIP !== "None" && (d.spec?.type ?? "ClusterIP") === "ClusterIP"],
  ["headless Service", (d) => d.kind === "Service" && d.spec?.clusterIP === "None"],
  ["HorizontalPodAutoscaler", (d) => d.kind === "HorizontalPodAutoscaler"],
  ["PodDisruptionBudget", (d) => d.kind === "PodDisruptionBudget"],
  ["ConfigMap", (d) => d.kind === "ConfigMap"],
  ["NetworkPolicy", (d) => d.kind === "NetworkPolicy"],
];

/**
 * Cross-object rules. Returns one message per violation.
 * Options: { required: true } also demands every kind in REQUIRED.
 */
export function checkPolicies(docs, { required = true } = {}) {
  const errors = [];
  const err = (doc, message) => errors.push(`policy: ${describe(doc)}: ${message}`);
  const objects = docs.filter((d) => d && typeof d === "object" && typeof d.kind === "string");

  if (required) {
    for (const [what, test] of REQUIRED) {
      if (!objects.some(test)) errors.push(`policy: the render has no ${what}`);
    }
  }

  // Names are unique per kind and namespace.
  const seen = new Set();
  for (const d of objects) {
    const key = describe(d);
    if (seen.has(key)) err(d, "defined twice");
    seen.add(key);
  }

  // Namespaced objects of one render share one namespace.
  const namespaces = new Set(objects.filter((d) => d.kind !== "Namespace").map((d) => d.metadata?.namespace ?? ""));
  if (namespaces.size > 1) errors.push(`policy: objects are spread over namespaces ${JSON.stringify([...namespaces])}`);

  const configMaps = new Map(objects.filter((d) => d.kind === "ConfigMap").map((d) => [d.metadata?.name, d]));
  const services = objects.filter((d) => d.kind === "Service");
  const pods = podSpecsOf(objects);

  for (const { owner, labels, spec } of pods) {
    if (!selectorMatches(owner.spec?.selector?.matchLabels, labels)) {
      err(owner, "spec.selector.matchLabels does not match the pod template labels");
    }
    const podSc = spec.securityContext ?? {};
    const containers = spec.containers ?? [];
    const env = {};
    for (const c of containers) {
      const where = `container ${c.name}`;
      // Image: a real reference, never a moving "latest".
      if (!c.image) err(owner, `${where}: no image`);
      else if (!c.image.includes("@") && (/:latest$/.test(c.image) || !/:[^/]+$/.test(c.image))) {
        err(owner, `${where}: image ${c.image} has no pinned tag or digest`);
      }
      // Probes: native gRPC readiness and liveness on a declared container port.
      const portNumbers = new Set((c.ports ?? []).map((p) => p.containerPort));
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        const grpc = c[probe]?.grpc;
        if (!grpc) err(owner, `${where}: ${probe} is not a native gRPC probe`);
        else if (!portNumbers.has(grpc.port)) err(owner, `${where}: ${probe} port ${grpc.port} is not a container port`);
      }
      // Resources: requests (the HPA and the scheduler need them) and a memory limit.
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) err(owner, `${where}: cpu and memory requests are required`);
      if (!c.resources?.limits?.memory) err(owner, `${where}: a memory limit is required`);
      // securityContext: the "restricted" Pod Security Standard, plus a read-only root.
      const sc = c.securityContext ?? {};
      if ((sc.runAsNonRoot ?? podSc.runAsNonRoot) !== true) err(owner, `${where}: runAsNonRoot must be true`);
      const uid = sc.runAsUser ?? podSc.runAsUser;
      if (uid === 0) err(owner, `${where}: runAsUser must not be 0`);
      if (sc.readOnlyRootFilesystem !== true) err(owner, `${where}: readOnlyRootFilesystem must be true`);
      if (sc.allowPrivilegeEscalation !== false) err(owner, `${where}: allowPrivilegeEscalation must be false`);
      if (sc.privileged === true) err(owner, `${where}: must not be privileged`);
      if (!(sc.capabilities?.drop ?? []).includes("ALL")) err(owner, `${where}: capabilities.drop must contain ALL`);
      if (sc.capabilities?.add?.length) err(owner, `${where}: must not add capabilities`);
      const seccomp = sc.seccompProfile?.type ?? podSc.seccompProfile?.type;
      if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") err(owner, `${where}: seccompProfile must be RuntimeDefault`);
      // Referenced ConfigMaps exist in the render (with kustomize's hashed name).
      for (const from of c.envFrom ?? []) {
        const ref = from.configMapRef;
        if (!ref) continue;
        const cm = configMaps.get(ref.name);
        if (!cm) {
          if (!ref.optional) err(owner, `${where}: envFrom ConfigMap ${ref.name} is not in the render`);
          continue;
        }
        Object.assign(env, cm.data ?? {});
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef;
        if (ref && !ref.optional && !configMaps.get(ref.name)?.data?.[ref.key]) {
          err(owner, `${where}: env ${e.name} refers to missing ConfigMap key ${ref.name}/${ref.key}`);
        }
        if (e.value !== undefined) env[e.name] = e.value;
      }
    }

    // Service links put <SERVICE>_PORT, <SERVICE>_SERVICE_HOST, ... into the
    // environment; they must not collide with the server's own variables.
    if (spec.enableServiceLinks !== false) {
      for (const s of services) {
        const prefix = s.metadata.name.toUpperCase().replace(/-/g, "_") + "_";
        const clash = Object.keys(env).find((k) => k.startsWith(prefix));
        if (clash) {
          err(owner, `enableServiceLinks must be false: Service ${s.metadata.name} would inject ${prefix}* variables over ${clash}`);
        }
      }
    }

    // Kubelet gRPC probes speak plaintext only. Without TLS they reach the
    // gRPC port (RESOLUTE_PORT); with TLS on it (RESOLUTE_TLS_CERT) they must
    // use the server's plaintext health-only port (RESOLUTE_PROBE_PORT).
    const grpcPort = Number(env.RESOLUTE_PORT ?? 50051);
    const probePort = env.RESOLUTE_PROBE_PORT !== undefined ? Number(env.RESOLUTE_PROBE_PORT) : -1;
    const tls = Boolean(env.RESOLUTE_TLS_CERT);
    for (const c of containers) {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        const port = c[probe]?.grpc?.port;
        if (port === undefined) continue;
        if (tls && !(probePort > 0)) {
          err(owner, `container ${c.name}: TLS is on (RESOLUTE_TLS_CERT) but RESOLUTE_PROBE_PORT is not set: gRPC probes cannot speak TLS`);
        } else if (tls && port !== probePort) {
          err(owner, `container ${c.name}: ${probe} port ${port} must be RESOLUTE_PROBE_PORT ${probePort}: the gRPC port speaks TLS, which gRPC probes cannot`);
        } else if (!tls && port !== grpcPort && port !== probePort) {
          err(owner, `container ${c.name}: ${probe} port ${port} is neither RESOLUTE_PORT ${grpcPort} nor RESOLUTE_PROBE_PORT`);
        }
      }
    }

    // The kubelet's SIGKILL must come after the server's own drain.
    const tgps = spec.terminationGracePeriodSeconds ?? 30;
    if (env.RESOLUTE_SHUTDOWN_GRACE !== undefined || env.RESOLUTE_DRAIN_DEADLINE !== undefined) {
      const grace = parseDurationSeconds(env.RESOLUTE_SHUTDOWN_GRACE ?? "0s");
      const drain = parseDurationSeconds(env.RESOLUTE_DRAIN_DEADLINE ?? "0s");
      if (Number.isNaN(grace) || Number.isNaN(drain)) {
        err(owner, `RESOLUTE_SHUTDOWN_GRACE / RESOLUTE_DRAIN_DEADLINE are not durations: ` +
          `${env.RESOLUTE_SHUTDOWN_GRACE} / ${env.RESOLUTE_DRAIN_DEADLINE}`);
      } else if (!(tgps > grace + drain)) {
        err(owner, `terminationGracePeriodSeconds ${tgps} must exceed shutdown grace + drain deadline (${grace + drain}s)`);
      }
    }
  }

  // Everything that selects pods selects the Deployment's pods.
  const selectsSomePod = (matchLabels) => pods.some((p) => selectorMatches(matchLabels, p.labels));
  for (const s of services) {
    if (!selectsSomePod(s.spec?.selector)) err(s, "selector matches no pod template");
    for (const port of s.spec?.ports ?? []) {
      if (typeof port.targetPort !== "string") continue;
      const named = pods
        .filter((p) => selectorMatches(s.spec?.selector, p.labels))
        .some((p) => (p.spec.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === port.targetPort)));
      if (!named) err(s, `targetPort ${port.targetPort} is not a named container port`);
    }
  }
  for (const d of objects.filter((o) => o.kind === "PodDisruptionBudget")) {
    if (!selectsSomePod(d.spec?.selector?.matchLabels)) err(d, "selector matches no pod template");
  }
  for (const d of objects.filter((o) => o.kind === "NetworkPolicy")) {
    if (!selectsSomePod(d.spec?.podSelector?.matchLabels)) err(d, "podSelector matches no pod template");
  }
  for (const h of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    const ref = h.spec?.scaleTargetRef ?? {};
    const target = objects.find((o) => o.kind === ref.kind && o.metadata?.name === ref.name && o.apiVersion === ref.apiVersion);
    if (!target) err(h, `scaleTargetRef ${ref.apiVersion} ${ref.kind}/${ref.name} is not in the render`);
    else if (target.spec?.replicas !== undefined) err(target, "spec.replicas is set but an HPA owns the replica count");
    const min = h.spec?.minReplicas ?? 1;
    if (min > h.spec?.maxReplicas) err(h, `minReplicas ${min} exceeds maxReplicas ${h.spec.maxReplicas}`);
  }
  return errors;
}
