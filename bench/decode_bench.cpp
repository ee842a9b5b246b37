// Decoding throughput on one thread (one core): bronze envelopes from the
// traffic generator (the real mix of platforms, kinds and shapes) decoded into
// staging rows with their text features, and then encoded as COPY text. The
// acceptance figure is BM_DecodeToCopyText: well over 20,000 events per second.
//
//   ninja -C build-decode decode_bench && build-decode/bench/decode_bench

#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "decode/copy_rows.hpp"
#include "decode/decoder.hpp"
#include "generate/generator.hpp"

namespace {

using smelt::decode::BronzeRef;
using smelt::decode::Decoder;
using smelt::decode::Rows;

constexpr std::size_t EVENT_COUNT = 20'000;
constexpr std::size_t EVENTS_PER_BATCH = 1'000;
constexpr std::int64_t START_MS = 1'795'341'600'000;  // 2026-11-22T10:00:00Z

/// A fixed sample of generated events, as they sit in bronze.events.raw.
const std::vector<std::string>& events() {
  static const std::vector<std::string> sample = [] {
    smelt::generate::GeneratorOptions options;
    options.seed = 42;
    options.start_ms = START_MS;
    smelt::generate::Generator generator(options);
    std::vector<std::string> out;
    out.reserve(EVENT_COUNT);
    for (std::size_t i = 0; i < EVENT_COUNT; ++i) out.push_back(generator.next().value);
    return out;
  }();
  return sample;
}

std::shared_ptr<const smelt::text::Lexicon> lexicon() {
  static const auto loaded = std::make_shared<const smelt::text::Lexicon>(smelt::text::Lexicon::load_default());
  return loaded;
}

std::size_t total_bytes() {
  std::size_t bytes = 0;
  for (const auto& event : events()) bytes += event.size();
  return bytes;
}

/// Decodes the sample in batches of EVENTS_PER_BATCH; with `copy`, encodes each batch as COPY text too.
void run(benchmark::State& state, const smelt::text::Analyzer& analyzer, bool copy) {
  const auto& sample = events();
  Decoder decoder(analyzer);
  Rows rows;
  std::string posts;
  std::string comments;
  std::string users;
  std::size_t next = 0;
  for (auto _ : state) {
    rows.clear();
    posts.clear();
    comments.clear();
    users.clear();
    for (std::size_t i = 0; i < EVENTS_PER_BATCH; ++i, next = (next + 1) % sample.size()) {
      decoder.decode(sample[next], BronzeRef{1, 0, static_cast<std::int64_t>(next), std::nullopt, "", ""}, rows);
    }
    if (copy) {
      for (const auto& row : rows.posts) smelt::decode::append_copy_row(posts, row);
      for (const auto& row : rows.comments) smelt::decode::append_copy_row(comments, row);
      for (const auto& row : rows.users) smelt::decode::append_copy_row(users, row);
    }
    benchmark::DoNotOptimize(rows.posts.data());
    benchmark::DoNotOptimize(posts.data());
  }
  const auto batches = static_cast<std::int64_t>(state.iterations());
  const auto bytes_per_event = static_cast<std::int64_t>(total_bytes() / sample.size());
  state.SetItemsProcessed(batches * static_cast<std::int64_t>(EVENTS_PER_BATCH));
  state.SetBytesProcessed(batches * static_cast<std::int64_t>(EVENTS_PER_BATCH) * bytes_per_event);
}

/// Decode plus text features (sentiment, entities, CLD2 language detection) plus COPY text.
void BM_DecodeToCopyText(benchmark::State& state) {
  const smelt::text::Analyzer analyzer(lexicon());
  run(state, analyzer, true);
}
BENCHMARK(BM_DecodeToCopyText)->Unit(benchmark::kMillisecond);

/// Decode plus text features, without the COPY encoding.
void BM_Decode(benchmark::State& state) {
  const smelt::text::Analyzer analyzer(lexicon());
  run(state, analyzer, false);
}
BENCHMARK(BM_Decode)->Unit(benchmark::kMillisecond);

/// Decode, text features and COPY text without language detection (what CLD2 costs).
void BM_DecodeToCopyTextWithoutDetection(benchmark::State& state) {
  const smelt::text::Analyzer analyzer(lexicon(), {smelt::text::Rules::social, false});
  run(state, analyzer, true);
}
BENCHMARK(BM_DecodeToCopyTextWithoutDetection)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
