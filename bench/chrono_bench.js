// chrono_bench.js - the chrono-node peer of the benchmark.
//
//   node chrono_bench.js FILE [YYYY-MM-DD]
//
// Reads FILE, splits it into paragraphs (blank lines), and calls
// chrono.parse(paragraph, refDate) on each, as a user of chrono would over an
// archive.  Prints "bytes=N paragraphs=N results=N seconds=S MB/s=R" where
// seconds covers the parsing only; the benchmark times the whole process.
'use strict';
const fs = require('fs');
const chrono = require('chrono-node');

const file = process.argv[2];
if (!file) {
  console.error('usage: node chrono_bench.js FILE [YYYY-MM-DD]');
  process.exit(2);
}
const ref = new Date((process.argv[3] || '2021-11-05') + 'T12:00:00Z');
const text = fs.readFileSync(file, 'utf8');
const t0 = process.hrtime.bigint();
const paragraphs = text.split(/\n[ \t]*\n/);
let results = 0;
for (const p of paragraphs) {
  if (p.trim() === '') continue;
  results += chrono.parse(p, ref).length;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const bytes = Buffer.byteLength(text, 'utf8');
console.log(`bytes=${bytes} paragraphs=${paragraphs.length} results=${results} ` +
            `seconds=${secs.toFixed(4)} MB/s=${(bytes / 1e6 / secs).toFixed(2)}`);
