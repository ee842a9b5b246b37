// libFuzzer target: every platform decoder, through the Decoder that
// dispatches on the envelope's source and kind, then the COPY encoding of the
// rows it produced. Every string in a row or an error must be storable text,
// and an event yields rows or errors, never neither.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/copy_rows.hpp"
#include "decode/decoder.hpp"
#include "fuzz_support.hpp"

namespace {

using smelt::fuzz::require_storable;

void check(const smelt::decode::PostRow& row) {
  require_storable(row.source, "post source");
  require_storable(row.post_id, "post id");
  require_storable(row.author_id, "post author_id");
  require_storable(row.author_username, "post author_username");
  require_storable(row.text, "post text");
  require_storable(row.language, "post language");
  require_storable(row.region, "post region");
  require_storable(row.url, "post url");
  require_storable(row.hashtags, "post hashtags");
  require_storable(row.hashtags_normalized, "post hashtags_normalized");
  require_storable(row.mentions, "post mentions");
  require_storable(row.cashtags, "post cashtags");
  require_storable(row.urls, "post urls");
  if (row.post_id.empty() || row.hashtags.size() != row.hashtags_normalized.size()) std::abort();
  if (row.sentiment_compound && !(*row.sentiment_compound >= -1.0 && *row.sentiment_compound <= 1.0)) std::abort();
}

void check(const smelt::decode::CommentRow& row) {
  require_storable(row.comment_id, "comment id");
  require_storable(row.post_id, "comment post_id");
  require_storable(row.author_id, "comment author_id");
  require_storable(row.author_username, "comment author_username");
  require_storable(row.text, "comment text");
  require_storable(row.language, "comment language");
  require_storable(row.hashtags, "comment hashtags");
  require_storable(row.hashtags_normalized, "comment hashtags_normalized");
  require_storable(row.mentions, "comment mentions");
  if (row.comment_id.empty() || row.hashtags.size() != row.hashtags_normalized.size()) std::abort();
  if (row.sentiment_compound && !(*row.sentiment_compound >= -1.0 && *row.sentiment_compound <= 1.0)) std::abort();
}

void check(const smelt::decode::UserRow& row) {
  require_storable(row.user_id, "user id");
  require_storable(row.username, "user username");
  require_storable(row.display_name, "user display_name");
  require_storable(row.region, "user region");
  if (row.user_id.empty()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static smelt::decode::Decoder decoder(smelt::fuzz::analyzer());
  static smelt::decode::Rows rows;
  static std::string copy;
  rows.clear();
  copy.clear();
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const smelt::decode::BronzeRef ref{1, 0, 0, std::nullopt, {}, {}};
  const auto result = decoder.decode(raw, ref, rows);
  if (result.posts + result.comments + result.users + result.errors == 0) std::abort();
  for (const auto& row : rows.posts) {
    check(row);
    smelt::decode::append_copy_row(copy, row);
  }
  for (const auto& row : rows.comments) {
    check(row);
    smelt::decode::append_copy_row(copy, row);
  }
  for (const auto& row : rows.users) {
    check(row);
    smelt::decode::append_copy_row(copy, row);
  }
  for (const auto& error : rows.errors) require_storable(error.detail, "decode error detail");
  require_storable(copy, "COPY stream");
  return 0;
}
