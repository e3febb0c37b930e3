// A small client of resolute.v1.ResolutionParserService for Node.js services, on
// @grpc/grpc-js and @grpc/proto-loader (which load the .proto files at run
// time: nothing is generated).
//
//   const { ResoluteClient, RichError } = require('./resolute_client');
//   const client = new ResoluteClient('resolute:50051');
//   try {
//     const response = await client.parse(fs.readFileSync('A_RES_78_100.txt'));
//     console.log(response.resolution.symbol);
//   } catch (err) {
//     const error = RichError.fromServiceError(err);
//     if (error.reason === 'CONTENT_NOT_UTF8') console.log('bad byte at', error.metadata.offset);
//   }
//
// Errors are AIP-193 rich errors: a google.rpc.Status whose details hold a
// google.rpc.ErrorInfo (a stable `reason` in the domain "resolute.v1", with
// metadata), a google.rpc.BadRequest naming the request field at fault, and a
// google.rpc.RetryInfo on UNAVAILABLE. A unary call sends that Status in its
// `grpc-status-details-bin` trailer; a stream sends it in each response's
// `status`. RichError reads both the same way.
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

// The API's .proto files (import root); set RESOLUTE_PROTO_DIR when this file
// is copied elsewhere.
const PROTO_DIR = process.env.RESOLUTE_PROTO_DIR || path.join(__dirname, '..', '..', '..', 'proto');
const ERROR_DOMAIN = 'resolute.v1';
const SERVICE_NAME = 'resolute.v1.ResolutionParserService';

const LOADER_OPTIONS = {
  longs: String, // int64 offsets as strings, as in proto3 JSON
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_DIR],
};
const api = grpc.loadPackageDefinition(protoLoader.loadSync(
  ['resolute/v1/resolute_service.proto', 'grpc/health/v1/health.proto'], LOADER_OPTIONS));

// google.rpc.Status and the error detail types, to decode the trailer and
// unpack google.protobuf.Any by its type URL.
const rpcTypes = new protobuf.Root();
rpcTypes.resolvePath = (origin, target) => path.join(PROTO_DIR, target);
rpcTypes.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto']);
const StatusType = rpcTypes.lookupType('google.rpc.Status');

// A non-OK google.rpc.Status, decoded.
class RichError {
  constructor(code, message) {
    this.code = code; // google.rpc.Code, the same numbers as grpc.status
    this.codeName = Object.keys(grpc.status).find((k) => grpc.status[k] === code) || String(code);
    this.message = message; // for people; never parse it
    this.reason = ''; // google.rpc.ErrorInfo.reason: switch on this
    this.domain = '';
    this.metadata = {};
    this.fieldViolations = []; // google.rpc.BadRequest: [{field, description}]
    this.retryDelaySeconds = null; // google.rpc.RetryInfo, on UNAVAILABLE
  }

  // From a google.rpc.Status object (a stream response's `status`, or the
  // decoded trailer): {code, message, details: [{typeUrl, value}]}.
  static fromStatus(status) {
    const error = new RichError(status.code, status.message);
    for (const any of status.details || []) {
      const typeUrl = any.typeUrl || any.type_url || '';
      const type = rpcTypes.lookup(typeUrl.slice(typeUrl.lastIndexOf('/') + 1));
      if (!(type instanceof protobuf.Type)) continue; // a detail type this client does not know
      const detail = type.toObject(type.decode(any.value), { longs: Number, defaults: true });
      switch (type.fullName) {
        case '.google.rpc.ErrorInfo':
          error.reason = detail.reason;
          error.domain = detail.domain;
          error.metadata = detail.metadata || {};
          break;
        case '.google.rpc.BadRequest':
          error.fieldViolations = detail.fieldViolations;
          break;
        case '.google.rpc.RetryInfo':
          error.retryDelaySeconds = detail.retryDelay.seconds + detail.retryDelay.nanos / 1e9;
          break;
        default:
          break;
      }
    }
    return error;
  }

  // From a failed call's error, through its `grpc-status-details-bin` trailer.
  // A status without one (from a proxy, or a deadline set by the client) gives
  // a RichError without a reason.
  static fromServiceError(err) {
    const [details] = err.metadata ? err.metadata.get('grpc-status-details-bin') : [];
    if (!details) return new RichError(err.code, err.details || '');
    const status = StatusType.toObject(StatusType.decode(details), { defaults: true });
    if (status.code !== err.code) {
      throw new Error(`grpc-status-details-bin (${status.code}) disagrees with the call (${err.code})`);
    }
    return RichError.fromStatus(status);
  }
}

// resolute.v1.ResolutionParserService and grpc.health.v1.Health on one channel.
class ResoluteClient {
  constructor(target, { timeoutMs = 30000, credentials = grpc.credentials.createInsecure() } = {}) {
    // One client per process: it multiplexes calls and reconnects by itself.
    const options = { 'grpc.max_receive_message_length': 64 * 1024 * 1024 };
    this.parser = new api.resolute.v1.ResolutionParserService(target, credentials, options);
    // The health client shares the parser's channel.
    this.health = new api.grpc.health.v1.Health(target, credentials, {
      ...options, channelOverride: this.parser.getChannel(),
    });
    this.timeoutMs = timeoutMs;
  }

  close() {
    this.parser.close();
  }

  deadline(ms = this.timeoutMs) {
    return new Date(Date.now() + ms);
  }

  waitReady(ms = 10000) {
    return new Promise((resolve, reject) => {
      this.parser.waitForReady(this.deadline(ms), (err) => (err ? reject(err) : resolve()));
    });
  }

  // grpc.health.v1.Health/Check: true if `service` ('' = the server) is SERVING.
  serving(service = SERVICE_NAME) {
    return new Promise((resolve, reject) => {
      this.health.Check({ service }, { deadline: this.deadline() },
        (err, response) => (err ? reject(err) : resolve(response.status === 'SERVING')));
    });
  }

  // ParseResolution: one document (a Buffer). Rejects with a grpc-js
  // ServiceError (see RichError.fromServiceError).
  parse(content, { documentId = '', language = '', omitText = true } = {}) {
    return new Promise((resolve, reject) => {
      this.parser.ParseResolution({ documentId, content, language, omitText },
        { deadline: this.deadline() }, (err, response) => (err ? reject(err) : resolve(response)));
    });
  }

  // StreamParseResolutions: [{documentId, content}] in, one response each out
  // (an array, once the stream ends). Responses may come in another order
  // than the requests: match them by `documentId`. A bad document gets a
  // non-OK `status` and does not end the stream; the call itself fails only
  // for the whole stream (UNAVAILABLE when the server shuts down: send the
  // documents not answered again).
  parseStream(documents, { omitText = true } = {}) {
    return new Promise((resolve, reject) => {
      // A stream's deadline covers all its documents: size it to the batch.
      const call = this.parser.StreamParseResolutions({ deadline: this.deadline(this.timeoutMs * 10) });
      const responses = [];
      call.on('data', (response) => responses.push(response));
      call.on('error', reject);
      call.on('end', () => resolve(responses));
      (async () => {
        for (const { documentId, content } of documents) {
          // Respect flow control: wait when the stream's buffer is full.
          if (!call.write({ documentId, content, omitText })) {
            await new Promise((drained) => call.once('drain', drained));
          }
        }
        call.end();
      })().catch(reject);
    });
  }

  // ParseArchive: a tar, tar.gz or zip file (a path) streamed in chunks; one
  // response per entry, in archive order (an array, once the stream ends). An
  // entry that cannot be parsed gets a non-OK `status`; limits on the whole
  // archive end the call (RESOURCE_EXHAUSTED), and a server already reading
  // its maximum of archives refuses it at once with UNAVAILABLE and a
  // RetryInfo (RichError.retryDelaySeconds): retry later.
  parseArchive(file, { name = path.basename(file), omitText = true } = {}) {
    return new Promise((resolve, reject) => {
      const call = this.parser.ParseArchive({ deadline: this.deadline(this.timeoutMs * 10) });
      const responses = [];
      call.on('data', (response) => responses.push(response));
      call.on('error', reject);
      call.on('end', () => resolve(responses));
      (async () => {
        // First the options of the whole archive, then its bytes.
        call.write({ header: { archiveName: name, omitText } });
        for await (const data of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
          if (!call.write({ data })) await new Promise((drained) => call.once('drain', drained));
        }
        call.end();
      })().catch((err) => { call.cancel(); reject(err); });
    });
  }
}

module.exports = { ResoluteClient, RichError, ERROR_DOMAIN, SERVICE_NAME, grpc };
