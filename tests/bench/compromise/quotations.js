// The compromise baseline of tests/bench/throughput.sh: reads a JSON Lines
// file ({"id", "text"} a line) and runs nlp(text).quotations() on each
// document: quotation spans only, no speakers. Prints the documents,
// quotations found, bytes read (whole lines, newlines included, as whosaid
// reads them), bytes of text, seconds (reading and parsing included) and
// MB/s (10^6 bytes read a second), one "name<TAB>value" a line.
//
//   npm install            # once, in this folder
//   node quotations.js FILE.jsonl
'use strict';

const fs = require('fs');
const readline = require('readline');
const nlp = require('compromise');

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node quotations.js FILE.jsonl');
    process.exit(2);
  }
  const lines = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Infinity,
  });
  const start = process.hrtime.bigint();
  let docs = 0;
  let quotations = 0;
  let bytes = 0;
  let textBytes = 0;
  for await (const line of lines) {
    bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    const text = JSON.parse(line).text;
    textBytes += Buffer.byteLength(text);
    quotations += nlp(text).quotations().length;
    ++docs;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`docs\t${docs}`);
  console.log(`quotations\t${quotations}`);
  console.log(`bytes\t${bytes}`);
  console.log(`text_bytes\t${textBytes}`);
  console.log(`seconds\t${seconds.toFixed(3)}`);
  console.log(`MB/s\t${(bytes / 1e6 / seconds).toFixed(3)}`);
}

main().catch((error) => {
  console.error(`quotations.js: ${error.message}`);
  process.exit(1);
});
