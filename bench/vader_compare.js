#!/usr/bin/env node
// Scores bench/sentences.tsv with the reference JavaScript VADER (npm package
// vader-sentiment) and with `smelt text` under both rule sets, and reports
// agreement: mean absolute difference of compound scores and the share of
// sentences whose category (positive >= 0.05, negative <= -0.05, else
// neutral) is the same, overall and per group. It also reports how often each
// one's category matches the hand-written expected category of the sentence.
//
// usage: node bench/vader_compare.js SMELT_BINARY SENTENCES_TSV [--details]

'use strict';

const fs = require('fs');
const path = require('path');
const {execFileSync} = require('child_process');

const root = path.resolve(__dirname, '..');
const vader = require(path.join(root, 'node_modules', 'vader-sentiment'));
const vaderVersion = require(path.join(root, 'node_modules', 'vader-sentiment', 'package.json')).version;

function category(compound) {
  if (compound >= 0.05) return 'positive';
  if (compound <= -0.05) return 'negative';
  return 'neutral';
}

function readSentences(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => {
      const [group, expected, ...rest] = line.split('\t');
      if (!rest.length || !['positive', 'neutral', 'negative'].includes(expected)) {
        throw new Error(`${file}: expected "group<TAB>positive|neutral|negative<TAB>sentence": ${line}`);
      }
      return {group, expected, text: rest.join('\t')};
    });
}

function scoreWithSmelt(binary, sentences, rules) {
  const input = sentences.map((s) => JSON.stringify({text: s.text})).join('\n') + '\n';
  const output = execFileSync(binary, ['text', '--rules', rules, '--no-language'], {
    input,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  const lines = output.split('\n').filter((l) => l !== '');
  if (lines.length !== sentences.length) {
    throw new Error(`smelt printed ${lines.length} lines for ${sentences.length} sentences`);
  }
  return lines.map((l) => JSON.parse(l));
}

function summarize(pairs) {
  let absDiff = 0;
  let maxDiff = 0;
  let same = 0;
  for (const p of pairs) {
    const d = Math.abs(p.reference.compound - p.smelt.compound);
    absDiff += d;
    maxDiff = Math.max(maxDiff, d);
    if (category(p.reference.compound) === p.smelt.category) same += 1;
  }
  return {
    n: pairs.length,
    mad: pairs.length ? absDiff / pairs.length : 0,
    max: maxDiff,
    agreement: pairs.length ? same / pairs.length : 1,
  };
}

function row(label, s) {
  const pct = (100 * s.agreement).toFixed(1);
  return `| ${label} | ${s.n} | ${s.mad.toFixed(4)} | ${s.max.toFixed(4)} | ${pct}% |`;
}

function report(title, sentences, reference, smelt, details) {
  const pairs = sentences.map((s, i) => ({...s, reference: reference[i], smelt: smelt[i]}));
  const groups = [...new Set(sentences.map((s) => s.group))];
  console.log(`\n### ${title}\n`);
  console.log('| group | sentences | mean abs diff | max abs diff | same category |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const g of groups) console.log(row(g, summarize(pairs.filter((p) => p.group === g))));
  console.log(row('**all**', summarize(pairs)));
  if (details) {
    const differing = pairs.filter((p) => Math.abs(p.reference.compound - p.smelt.compound) > 1e-9);
    if (differing.length) console.log('\nSentences scored differently (reference -> smelt):\n');
    for (const p of differing) {
      console.log(`- [${p.group}] ${p.reference.compound} -> ${p.smelt.compound}: ${p.text}`);
    }
  }
}

function accuracy(items) {
  const hits = items.filter((p) => p.category === p.expected).length;
  return items.length ? `${(100 * hits / items.length).toFixed(1)}%` : '-';
}

function reportAccuracy(sentences, scorers) {
  console.log('\n### Category accuracy against the hand-written expected category\n');
  console.log(`| group | sentences | ${scorers.map((s) => s.name).join(' | ')} |`);
  console.log(`| --- | ---: | ${scorers.map(() => '---:').join(' | ')} |`);
  const groups = [...new Set(sentences.map((s) => s.group))];
  const line = (label, keep) => {
    const idx = sentences.map((s, i) => i).filter((i) => keep(sentences[i]));
    const cells = scorers.map((sc) =>
      accuracy(idx.map((i) => ({expected: sentences[i].expected, category: sc.categories[i]}))));
    console.log(`| ${label} | ${idx.length} | ${cells.join(' | ')} |`);
  };
  for (const g of groups) line(g, (s) => s.group === g);
  line('**all**', () => true);
}

function main() {
  const [binary, file, flag] = process.argv.slice(2);
  if (!binary || !file) {
    console.error('usage: node bench/vader_compare.js SMELT_BINARY SENTENCES_TSV [--details]');
    process.exit(2);
  }
  const sentences = readSentences(file);
  const reference = sentences.map((s) => vader.SentimentIntensityAnalyzer.polarity_scores(s.text));
  console.log(`Reference: vader-sentiment ${vaderVersion} (node ${process.version}); ${sentences.length} sentences.`);
  const scorers = [{name: `vader-sentiment ${vaderVersion}`, categories: reference.map((r) => category(r.compound))}];
  for (const rules of ['reference', 'social']) {
    const smelt = scoreWithSmelt(binary, sentences, rules);
    report(`smelt --rules ${rules} (${smelt[0].model}) vs vader-sentiment ${vaderVersion}`, sentences, reference,
           smelt, flag === '--details');
    scorers.push({name: `smelt --rules ${rules}`, categories: smelt.map((r) => r.category)});
  }
  reportAccuracy(sentences, scorers);
}

main();
