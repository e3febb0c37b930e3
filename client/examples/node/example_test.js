#!/usr/bin/env node
// The Node.js example run as a test against a real resolute server.
//
//   (cd client/examples/node && npm ci)
//   node client/examples/node/example_test.js --server 127.0.0.1:50051 --max-document-bytes 65536
//
// Calls health, ParseResolution with a bundled document, StreamParseResolutions
// with several (two of them bad), ParseArchive with the sample archive, and
// decodes the rich error of each bad request. Prints one line per check and
// exits 1 if any answer is wrong. --max-document-bytes must be the server's
// --max_document_bytes (the example sends one byte more to get
// CONTENT_TOO_LARGE). With --busy-server (a server started with
// --max_concurrent_archives=0), it also checks that an archive refused there
// comes back UNAVAILABLE with a RetryInfo.
'use strict';

const fs = require('fs');
const path = require('path');
const { parseArgs } = require('util');
const { ResoluteClient, RichError, ERROR_DOMAIN, grpc } = require('./resolute_client');

const ROOT = path.join(__dirname, '..', '..', '..');
const MAX_MESSAGE_BYTES = 300; // every status message the server sends is shorter
let failures = 0;

function check(ok, what) {
  console.log(`${ok ? 'ok    ' : 'FAIL  '}${what}`);
  if (!ok) failures += 1;
}

function checkError(error, code, reason, field, metadata, what) {
  const fields = error.fieldViolations.map((v) => v.field);
  const messageBytes = Buffer.byteLength(error.message);
  check(error.code === code && error.reason === reason && error.domain === ERROR_DOMAIN
    && Object.entries(metadata).every(([k, v]) => error.metadata[k] === v)
    && fields.length === 1 && fields[0] === field
    && messageBytes > 0 && messageBytes < MAX_MESSAGE_BYTES,
  `${what}: ${error.codeName} ${error.reason} metadata=${JSON.stringify(error.metadata)} `
    + `fields=${JSON.stringify(fields)} message=${JSON.stringify(error.message)}`);
}

async function unaryError(client, content, options) {
  try {
    await client.parse(content, options);
  } catch (err) {
    if (err.code === undefined) throw err; // not a gRPC status
    const error = RichError.fromServiceError(err);
    if (error.message !== err.details) {
      check(false, `status message ${JSON.stringify(err.details)} differs from the trailer's`);
    }
    return error;
  }
  return new RichError(grpc.status.OK, 'the call succeeded');
}

function streamError(answers, documentId) {
  const answer = answers.get(documentId);
  return answer ? RichError.fromStatus(answer.status) : new RichError(grpc.status.OK, 'no answer');
}

async function main() {
  const { values: args } = parseArgs({
    options: {
      server: { type: 'string' },
      'max-document-bytes': { type: 'string' },
      corpus: { type: 'string', default: path.join(ROOT, 'tests', 'testdata', 'corpus') },
      'busy-server': { type: 'string' },
      archive: { type: 'string', default: path.join(ROOT, 'examples', 'sample_resolutions.tar.gz') },
    },
  });
  if (!args.server || !args['max-document-bytes']) {
    console.error('usage: example_test.js --server HOST:PORT --max-document-bytes N [--corpus DIR]');
    return 2;
  }
  const maxDocumentBytes = Number(args['max-document-bytes']);
  const read = (name) => fs.readFileSync(path.join(args.corpus, name));

  const client = new ResoluteClient(args.server, { timeoutMs: 30000 });
  try {
    await client.waitReady(10000);

    // Health: the server ('') and the service.
    check(await client.serving(''), 'health: server SERVING');
    check(await client.serving(), 'health: resolute.v1.ResolutionParserService SERVING');

    // One document.
    const response = await client.parse(read('A_RES_78_100.pymupdf.txt'), { documentId: 'A_RES_78_100' });
    const r = response.resolution;
    check(response.documentId === 'A_RES_78_100' && response.status.code === 0
      && r.symbol === 'A/RES/78/100' && r.title === 'Dissemination of information on decolonization'
      && r.preambularParagraphs.length === 9 && r.operativeParagraphs.length === 8
      && r.operativeParagraphs[4].leadPhrase === 'Requests',
    `unary: ${r.symbol} ${JSON.stringify(r.title)}, ${r.preambularParagraphs.length} preambular, `
      + `${r.operativeParagraphs.length} operative paragraphs`);

    // A stream of documents; each answer carries its own status.
    const expected = {
      A_RES_57_168: ['A_RES_57_168.seed.txt', 'A/RES/57/168'],
      S_RES_126_1957: ['S_RES_126_1957.txt', 'S/RES/126(1957)'],
      S_RES_678_1990: ['S_RES_678_1990.txt', 'S/RES/678(1990)'],
      A_RES_78_100: ['A_RES_78_100.pdftotext.txt', 'A/RES/78/100'],
    };
    const documents = Object.entries(expected).map(([documentId, [name]]) => ({ documentId, content: read(name) }));
    documents.push({ documentId: 'empty', content: Buffer.alloc(0) });
    documents.push({ documentId: 'latin1', content: Buffer.from('Résolution', 'latin1') });
    const answers = new Map((await client.parseStream(documents)).map((a) => [a.documentId, a]));
    check([...answers.keys()].sort().join() === documents.map((d) => d.documentId).sort().join(),
      `stream: ${answers.size} answers for ${documents.length} documents`);
    for (const [documentId, [, symbol]] of Object.entries(expected)) {
      const answer = answers.get(documentId);
      if (!answer) continue;
      const resolution = answer.resolution || { operativeParagraphs: [] };
      check(answer.status.code === 0 && resolution.symbol === symbol && resolution.operativeParagraphs.length > 0,
        `stream: ${documentId} OK ${resolution.symbol}, ${resolution.operativeParagraphs.length} operative paragraphs`);
    }
    checkError(streamError(answers, 'empty'), grpc.status.INVALID_ARGUMENT, 'CONTENT_EMPTY', 'content', {},
      'stream: empty');
    checkError(streamError(answers, 'latin1'), grpc.status.INVALID_ARGUMENT, 'CONTENT_NOT_UTF8', 'content',
      { offset: '1' }, 'stream: latin1');

    // An archive: one answer per entry, in archive order.
    const entries = await client.parseArchive(args.archive);
    const sample = entries.find((a) => a.documentId === 'S_RES_242_1967.txt');
    check(entries.length === 13 && entries.every((a) => a.status.code === 0)
      && sample !== undefined && sample.resolution.symbol === 'S/RES/242(1967)',
    `archive: ${entries.length} entries OK, S_RES_242_1967.txt is ${sample ? sample.resolution.symbol : 'missing'}`);

    // Rich errors of unary calls, from the grpc-status-details-bin trailer.
    checkError(await unaryError(client, Buffer.alloc(0)), grpc.status.INVALID_ARGUMENT,
      'CONTENT_EMPTY', 'content', {}, 'unary: empty content');
    checkError(await unaryError(client, Buffer.from('Resolution 1 (2024)\n\xff\xfe', 'latin1')),
      grpc.status.INVALID_ARGUMENT, 'CONTENT_NOT_UTF8', 'content', { offset: '20' }, 'unary: invalid UTF-8');
    const size = maxDocumentBytes + 1;
    checkError(await unaryError(client, Buffer.alloc(size, 'x')), grpc.status.RESOURCE_EXHAUSTED,
      'CONTENT_TOO_LARGE', 'content', { size: String(size), limit: String(maxDocumentBytes) },
      'unary: oversize document');
    checkError(await unaryError(client, Buffer.from('Resolution 1 (2024)'), { language: 'fr' }),
      grpc.status.INVALID_ARGUMENT, 'LANGUAGE_UNSUPPORTED', 'language', {}, 'unary: unknown language');
    // A long caller-supplied value is cut in the message, not echoed whole.
    checkError(await unaryError(client, Buffer.from('Resolution 1 (2024)'), { language: 'x'.repeat(8192) }),
      grpc.status.INVALID_ARGUMENT, 'LANGUAGE_UNSUPPORTED', 'language', {}, 'unary: 8 KB language');
  } finally {
    client.close();
  }

  if (args['busy-server']) {
    // A server busy with its maximum of archives: retry later (or elsewhere).
    const busy = new ResoluteClient(args['busy-server'], { timeoutMs: 30000 });
    try {
      let error = new RichError(grpc.status.OK, 'the call succeeded');
      try {
        await busy.parseArchive(args.archive);
      } catch (err) {
        if (err.code === undefined) throw err;
        error = RichError.fromServiceError(err);
      }
      check(error.code === grpc.status.UNAVAILABLE && error.reason === 'SERVER_BUSY'
        && error.domain === ERROR_DOMAIN && error.retryDelaySeconds > 0
        && Buffer.byteLength(error.message) < MAX_MESSAGE_BYTES,
      `archive on a busy server: ${error.codeName} ${error.reason} retry after ${error.retryDelaySeconds} s `
        + `message=${JSON.stringify(error.message)}`);
    } finally {
      busy.close();
    }
  }
  console.log(`node-example: ${failures === 0 ? 'PASS' : `${failures} FAILED`}`);
  return failures === 0 ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`node-example: FAIL: ${err.stack || err}`);
  process.exitCode = 1;
});
