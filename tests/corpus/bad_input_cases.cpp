// The cases of the bad-input corpus (see bad_input.hpp). Ids start with "bi"
// (or 9001... for numeric ones) so each case's silver row is its own.
#include <string>
#include <vector>

#include "corpus/bad_input.hpp"

namespace smelt::corpus {
namespace {

const std::string OBSERVED = "2026-11-22T10:15:03.120Z";

std::string envelope(const std::string& source, const std::string& kind, const std::string& payload,
                     const std::string& observed_at = OBSERVED) {
  return R"({"source":")" + source + R"(","kind":")" + kind + R"(","observed_at":")" + observed_at +
         R"(","payload":)" + payload + "}";
}

/// An X API v2 post with `fields` spliced in after the id.
std::string x_post(const std::string& id_json, const std::string& fields = "",
                   const std::string& created_at = R"("2026-11-22T09:58:41.000Z")") {
  return envelope("x", "post", R"({"id":)" + id_json + R"(,"created_at":)" + created_at + fields + "}");
}

std::string x_post_text(const std::string& id, const std::string& text_json) {
  return x_post("\"" + id + "\"", R"(,"text":)" + text_json);
}

Case reject(std::string name, std::string message, std::string reason) {
  return {std::move(name), std::move(message), Expect::reject, std::move(reason), "", "", "", ""};
}

Case silver(std::string name, std::string message, std::string table, std::string source, std::string id,
            std::string predicate = "true") {
  return {std::move(name), std::move(message), Expect::silver, "", std::move(table), std::move(source),
          std::move(id), std::move(predicate)};
}

Case decode_error(std::string name, std::string message, std::string reason) {
  return {std::move(name), std::move(message), Expect::decode_error, std::move(reason), "", "", "", ""};
}

std::string nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

std::string huge_array(int count) {
  std::string list = "[";
  for (int i = 0; i < count; ++i) list += i ? ",1" : "1";
  return list + "]";
}

std::string many_strings(int count) {
  std::string list = "[";
  for (int i = 0; i < count; ++i) list += (i ? ",\"t" : "\"t") + std::to_string(i) + "\"";
  return list + "]";
}

}  // namespace

std::vector<Case> bad_input_cases() {
  std::vector<Case> cases;
  auto add = [&cases](Case c) { cases.push_back(std::move(c)); };
  const std::string good = x_post_text("bi-good", R"("an ordinary post")");

  // ---- bytes and JSON syntax: ingest rejects ----------------------------
  add(reject("truncated_json", good.substr(0, good.size() / 2), "invalid_json"));
  add(reject("truncated_after_last_brace", good.substr(0, good.size() - 1), "invalid_json"));
  add(reject("trailing_comma", R"({"source":"x","kind":"post",})", "invalid_json"));
  add(reject("trailing_garbage", good + "}", "invalid_json"));
  add(reject("two_documents", good + good, "invalid_json"));
  add(reject("single_quotes", R"({'source':'x'})", "invalid_json"));
  add(reject("empty_message", "", "invalid_json"));
  add(reject("whitespace_only", " \n\t ", "invalid_json"));
  add(reject("raw_nul_in_string", x_post_text("bi-rawnul", std::string("\"a\0b\"", 5)), "nul_byte"));
  add(reject("invalid_utf8_byte", x_post_text("bi-ff", "\"caf\xff\""), "invalid_utf8"));
  add(reject("overlong_slash", x_post_text("bi-overlong", "\"\xc0\xaf etc\""), "invalid_utf8"));
  add(reject("overlong_nul", x_post_text("bi-overlong0", "\"\xc0\x80\""), "invalid_utf8"));
  add(reject("encoded_surrogate", x_post_text("bi-cesu", "\"\xed\xa0\x80\xed\xb0\x80\""), "invalid_utf8"));
  add(reject("beyond_u10ffff", x_post_text("bi-big-cp", "\"\xf4\x90\x80\x80\""), "invalid_utf8"));
  add(reject("cut_multibyte", x_post_text("bi-cut", "\"\xe2\x82\""), "invalid_utf8"));
  add(reject("latin1_text", x_post_text("bi-latin1", "\"na\xefve caf\xe9\""), "invalid_utf8"));
  add(reject("utf16_bom", std::string("\xff\xfe{\0\"\0", 6), "nul_byte"));
  add(reject("utf8_bom", "\xef\xbb\xbf" + x_post_text("bi-utf8-bom", R"("after a byte-order mark")"), "invalid_json"));
  add(reject("lone_high_surrogate_escape", x_post_text("bi-lone-hi", R"("a\ud800b")"), "invalid_json"));
  add(reject("lone_low_surrogate_escape", x_post_text("bi-lone-lo", R"("a\udc00b")"), "invalid_json"));
  add(reject("invalid_escape", x_post_text("bi-esc", R"("\q")"), "invalid_json"));
  add(reject("control_char_in_string", x_post_text("bi-ctl", "\"tab\x01here\""), "invalid_json"));
  add(reject("nesting_10000", x_post("\"bi-deep\"", R"(,"text":"deep","extra":)" + nested(10'000)), "invalid_json"));
  add(reject("number_overflow_double", x_post("\"bi-1e999\"", R"(,"public_metrics":{"like_count":1e999})"),
             "invalid_json"));
  add(reject("nan_literal", x_post("\"bi-nan\"", R"(,"public_metrics":{"like_count":NaN})"), "invalid_json"));
  add(reject("oversized_1mib_plus_one",
             x_post_text("bi-1mib", "\"" + std::string(INGEST_MAX_MESSAGE_BYTES, 'a') + "\""), "oversized"));

  add(reject("oversized_10mb", x_post_text("bi-10mb", "\"" + std::string(10 << 20, 'a') + "\""), "oversized"));
  add(silver("control_good", good, "posts", "x", "bi-good", "text = 'an ordinary post'"));

  // ---- envelope shape: ingest rejects ------------------------------------
  add(reject("top_level_array", "[" + good + "]", "not_an_object"));
  add(reject("top_level_string", R"("x")", "not_an_object"));
  add(reject("top_level_number", "42", "not_an_object"));
  add(reject("top_level_null", "null", "not_an_object"));
  add(reject("huge_top_level_array", huge_array(200'000), "not_an_object"));
  add(reject("missing_source", R"({"kind":"post","observed_at":")" + OBSERVED + R"(","payload":{}})",
             "missing_field"));
  add(reject("missing_kind", R"({"source":"x","observed_at":")" + OBSERVED + R"(","payload":{}})", "missing_field"));
  add(reject("missing_observed_at", R"({"source":"x","kind":"post","payload":{}})", "missing_field"));
  add(reject("missing_payload", R"({"source":"x","kind":"post","observed_at":")" + OBSERVED + R"("})",
             "missing_field"));
  add(reject("empty_object", "{}", "missing_field"));
  add(reject("source_is_number", R"({"source":1,"kind":"post","observed_at":")" + OBSERVED + R"(","payload":{}})",
             "bad_field"));
  add(reject("kind_is_null", R"({"source":"x","kind":null,"observed_at":")" + OBSERVED + R"(","payload":{}})",
             "bad_field"));
  add(reject("observed_at_is_number", R"({"source":"x","kind":"post","observed_at":1732270503,"payload":{}})",
             "bad_field"));
  add(reject("payload_is_string", R"({"source":"x","kind":"post","observed_at":")" + OBSERVED + R"(","payload":"{}"})",
             "bad_field"));
  add(reject("payload_is_array", R"({"source":"x","kind":"post","observed_at":")" + OBSERVED + R"(","payload":[]})",
             "bad_field"));
  add(reject("unknown_source", envelope("myspace", "post", "{}"), "bad_field"));
  add(reject("source_wrong_case", envelope("X", "post", "{}"), "bad_field"));
  add(reject("source_with_zero_width", envelope("x\u200b", "post", "{}"), "bad_field"));
  add(reject("unknown_kind", envelope("x", "story", "{}"), "bad_field"));
  add(reject("source_nul_escape", envelope("x\\u0000y", "post", "{}"), "bad_field"));
  add(reject("kind_nul_escape", envelope("x", "po\\u0000st", "{}"), "bad_field"));
  add(reject("observed_at_nul_escape", envelope("x", "post", "{}", "2026-11-22T10:15:03Z\\u0000"), "bad_field"));
  add(reject("observed_at_words", envelope("x", "post", "{}", "yesterday"), "bad_field"));
  add(reject("observed_at_before_1970", envelope("x", "post", "{}", "1969-12-31T23:59:59Z"), "bad_field"));
  add(reject("observed_at_february_30", envelope("x", "post", "{}", "2026-02-30T10:00:00Z"), "bad_field"));
  add(reject("observed_at_no_zone", envelope("x", "post", "{}", "2026-11-22T10:15:03"), "bad_field"));
  add(reject("observed_at_twitter_v1", envelope("x", "post", "{}", "Sun Nov 22 10:15:03 +0000 2026"), "bad_field"));
  add(reject("observed_at_sql", envelope("x", "post", "{}", "2026-11-22'; drop table bronze.events; --"),
             "bad_field"));

  // ---- envelopes ingest stores: timestamps -------------------------------
  add(silver("observed_at_leap_second", envelope("x", "post",
             R"({"id":"bi-leap-obs","text":"leap","created_at":"2026-11-22T09:58:41.000Z"})", "2016-12-31T23:59:60Z"),
             "posts", "x", "bi-leap-obs", "last_observed_at = '2017-01-01T00:00:00Z'"));
  add(silver("observed_at_before_2006", envelope("x", "post",
             R"({"id":"bi-2001","text":"old","created_at":"2001-01-01T00:00:00.000Z"})", "2001-01-01T00:00:01Z"),
             "posts", "x", "bi-2001", "created_at = '2001-01-01T00:00:00Z'"));
  add(silver("observed_at_offset_forms", envelope("instagram", "user", R"({"id":"bi-ig-offset","username":"o"})",
             "2026-11-22t10:15:03.123456789+0530"),
             "users", "instagram", "bi-ig-offset", "last_observed_at = '2026-11-22T04:45:03.123456Z'"));
  add(silver("created_at_leap_second", x_post("\"bi-leap\"", R"(,"text":"leap")", R"("2016-12-31T23:59:60Z")"),
             "posts", "x", "bi-leap", "created_at = '2017-01-01T00:00:00Z'"));
  add(silver("observed_at_in_future", envelope("x", "post",
             R"({"id":"bi-obs-2999","created_at":"2999-01-01T00:00:00Z"})", "2999-01-01T00:00:00Z"),
             "posts", "x", "bi-obs-2999", "last_observed_at = '2999-01-01T00:00:00Z'"));
  add(silver("created_at_in_future", x_post("\"bi-future\"", R"(,"text":"from 2999")", R"("2999-01-01T00:00:00Z")"),
             "posts", "x", "bi-future", "created_at = '2999-01-01T00:00:00Z'"));
  add(silver("created_at_1970", x_post("\"bi-1970\"", "", R"("1970-01-01T00:00:00Z")"),
             "posts", "x", "bi-1970", "created_at = '1970-01-01T00:00:00Z'"));
  add(decode_error("created_at_epoch_number_on_x", x_post("\"bi-x-epoch\"", "", "1732270503"),
                   "bad_timestamp"));
  add(decode_error("created_at_missing", envelope("x", "post", R"({"id":"bi-nocreated","text":"t"})"),
                   "bad_timestamp"));
  add(silver("x_v1_time_format", envelope("x", "post",
             R"({"id_str":"bi-v1","text":"v1","created_at":"Wed Oct 10 20:19:24 +0000 2018","user":{"id_str":"bi-v1-u","screen_name":"v1"}})"),
             "posts", "x", "bi-v1", "created_at = '2018-10-10T20:19:24Z'"));
  add(decode_error("x_v1_time_bad_weekday", envelope("x", "post",
                   R"({"id_str":"bi-v1-bad","text":"v1","created_at":"Fun Oct 10 20:19:24 +0000 2018","user":{"id_str":"u","screen_name":"u"}})"),
                   "bad_timestamp"));
  add(silver("instagram_time_format", envelope("instagram", "post",
             R"({"id":"bi-ig-time","caption":"c","timestamp":"2026-11-22T09:58:41+0000"})"),
             "posts", "instagram", "bi-ig-time", "created_at = '2026-11-22T09:58:41Z'"));
  add(decode_error("instagram_date_only", envelope("instagram", "post", R"({"id":"bi-ig-date","timestamp":"2026-11-22"})"),
                   "bad_timestamp"));
  add(silver("reddit_float_epoch", envelope("reddit", "post",
             R"({"kind":"t3","data":{"id":"bi-rd-float","title":"t","created_utc":1732267200.5}})"),
             "posts", "reddit", "bi-rd-float", "created_at = '2024-11-22T09:20:00.5Z'"));
  add(silver("reddit_epoch_as_string", envelope("reddit", "post",
             R"({"kind":"t3","data":{"id":"bi-rd-str","title":"t","created_utc":"1732267200"}})"),
             "posts", "reddit", "bi-rd-str", "created_at = '2024-11-22T09:20:00Z'"));
  add(decode_error("reddit_negative_epoch", envelope("reddit", "post",
                   R"({"kind":"t3","data":{"id":"bi-rd-neg","title":"t","created_utc":-1}})"), "bad_timestamp"));
  add(decode_error("tiktok_epoch_in_milliseconds", envelope("tiktok", "post",
                   R"({"id":9001000000000000001,"create_time":1704499196000,"username":"ms"})"), "bad_timestamp"));
  add(decode_error("tiktok_epoch_words", envelope("tiktok", "comment",
                   R"({"id":9001000000000000002,"create_time":"yesterday","text":"t"})"), "bad_timestamp"));
  add(silver("youtube_time_format", envelope("youtube", "post",
             R"({"kind":"youtube#video","id":"bi-yt-time","snippet":{"publishedAt":"2026-11-20T18:30:00Z","title":"t"}})"),
             "posts", "youtube", "bi-yt-time", "created_at = '2026-11-20T18:30:00Z'"));

  // ---- ids ---------------------------------------------------------------
  add(decode_error("x_missing_id", envelope("x", "post", R"({"text":"no id","created_at":"2026-11-22T09:58:41.000Z"})"),
                   "missing_id"));
  add(decode_error("x_empty_payload", envelope("x", "post", "{}"), "missing_id"));
  add(decode_error("instagram_missing_id", envelope("instagram", "comment", R"({"text":"t","timestamp":"2026-11-22T09:58:41+0000"})"),
                   "missing_id"));
  add(decode_error("tiktok_missing_id", envelope("tiktok", "post", R"({"create_time":1704499196})"), "missing_id"));
  add(decode_error("tiktok_user_without_username", envelope("tiktok", "user", R"({"display_name":"d"})"), "missing_id"));
  add(decode_error("youtube_missing_id", envelope("youtube", "post",
                   R"({"kind":"youtube#video","snippet":{"publishedAt":"2026-11-20T18:30:00Z"}})"), "missing_id"));
  add(decode_error("reddit_empty_payload", envelope("reddit", "comment", "{}"), "missing_id"));
  add(decode_error("id_is_fraction", x_post("1.5"), "missing_id"));
  add(decode_error("id_is_negative", x_post("-7"), "missing_id"));
  add(decode_error("id_is_object", x_post(R"({"id":"bi-obj"})"), "missing_id"));
  add(decode_error("id_is_bool", x_post("true"), "missing_id"));
  add(decode_error("id_is_empty_string", x_post(R"("")"), "missing_id"));
  add(decode_error("id_is_nul_escape", x_post(R"("\u0000")"), "missing_id"));
  add(silver("id_beyond_64_bits", x_post("123456789012345678901234567890", R"(,"text":"big id")"),
             "posts", "x", "123456789012345678901234567890"));
  add(silver("tiktok_id_19_digits", envelope("tiktok", "post",
             R"({"id":9001345987654321234,"create_time":1704499196,"username":"bi.tt","like_count":"12"})"),
             "posts", "tiktok", "9001345987654321234", "likes = 12"));
  add(silver("id_sql_text", x_post_text("bi-'); drop table silver.posts; --", R"("select 1")"),
             "posts", "x", "bi-'); drop table silver.posts; --", "text = 'select 1'"));
  add(silver("id_rtl", envelope("instagram", "user", R"({"id":"bi-\u05e9\u05dc\u05d5\u05dd","username":"\u202eevil"})"),
             "users", "instagram", "bi-\u05e9\u05dc\u05d5\u05dd", "username = '\u202eevil'"));

  // ---- duplicate keys: the first one counts ------------------------------
  add(silver("duplicate_keys", R"({"source":"x","source":"reddit","kind":"post","observed_at":")" + OBSERVED +
             R"(","payload":{"id":"bi-dup","id":"bi-dup-second","text":"first","text":"second","created_at":"2026-11-22T09:58:41.000Z"}})",
             "posts", "x", "bi-dup", "text = 'first'"));

  // ---- counters ----------------------------------------------------------
  add(silver("counter_negative", x_post("\"bi-neg\"", R"(,"public_metrics":{"like_count":-5,"reply_count":3})"),
             "posts", "x", "bi-neg", "likes is null and comments = 3"));
  add(silver("counter_fraction", x_post("\"bi-frac\"", R"(,"public_metrics":{"like_count":2.5})"),
             "posts", "x", "bi-frac", "likes is null"));
  add(silver("counter_beyond_64_bits", x_post("\"bi-bigcount\"", R"(,"public_metrics":{"like_count":99999999999999999999999})"),
             "posts", "x", "bi-bigcount", "likes is null"));
  add(silver("counter_beyond_int64", x_post("\"bi-u64count\"", R"(,"public_metrics":{"like_count":18446744073709551615})"),
             "posts", "x", "bi-u64count", "likes is null"));
  add(silver("counter_as_string", envelope("youtube", "post",
             R"({"kind":"youtube#video","id":"bi-yt-str","snippet":{"publishedAt":"2026-11-20T18:30:00Z"},"statistics":{"viewCount":"1234567","likeCount":"-3","commentCount":"1e3"}})"),
             "posts", "youtube", "bi-yt-str", "views = 1234567 and likes is null and comments is null"));
  add(silver("counter_as_words", x_post("\"bi-words\"", R"(,"public_metrics":{"like_count":"forty"})"),
             "posts", "x", "bi-words", "likes is null"));
  add(silver("counter_as_bool_and_null", x_post("\"bi-bool\"", R"(,"public_metrics":{"like_count":true,"reply_count":null})"),
             "posts", "x", "bi-bool", "likes is null and comments is null"));
  add(silver("shares_sum_overflows", x_post("\"bi-sum\"", R"(,"public_metrics":{"retweet_count":9223372036854775807,"quote_count":1})"),
             "posts", "x", "bi-sum", "shares is null"));

  // ---- wrong types for the fields smelt reads ----------------------------
  add(silver("text_is_number", x_post("\"bi-textnum\"", R"(,"text":12345)"), "posts", "x", "bi-textnum", "text is null"));
  add(silver("text_is_array", x_post("\"bi-textarr\"", R"(,"text":["a"])"), "posts", "x", "bi-textarr", "text is null"));
  add(silver("entities_is_string", x_post("\"bi-ent\"", R"(,"text":"#real tag","entities":"#fake")"),
             "posts", "x", "bi-ent", "hashtags = '{real}'"));
  add(silver("metrics_is_array", x_post("\"bi-metrics\"", R"(,"public_metrics":[1,2,3])"),
             "posts", "x", "bi-metrics", "likes is null"));
  add(silver("includes_users_is_object", envelope("x", "post",
             R"({"id":"bi-inc","text":"t","created_at":"2026-11-22T09:58:41.000Z"},"includes":{"users":{"id":"u"}})"),
             "posts", "x", "bi-inc"));
  add(silver("verified_is_string", envelope("x", "user", R"({"id":"bi-verified","username":"v","verified":"true"})"),
             "users", "x", "bi-verified", "verified is null"));
  add(silver("tiktok_comment_wrong_types", envelope("tiktok", "comment",
             R"({"id":9001000000000000003,"create_time":1704499196,"text":"t","video_id":{"no":1},"like_count":[1]})"),
             "comments", "tiktok", "9001000000000000003", "post_id is null and likes is null"));
  add(silver("tiktok_tags_is_string", envelope("tiktok", "post",
             R"({"id":9001000000000000004,"create_time":1704499196,"video_description":"#inline","hashtag_names":"cats"})"),
             "posts", "tiktok", "9001000000000000004", "hashtags = '{inline}'"));
  add(silver("instagram_owner_is_string", envelope("instagram", "post",
             R"({"id":"bi-owner","timestamp":"2026-11-22T09:58:41+0000","owner":"someone","like_count":"7"})"),
             "posts", "instagram", "bi-owner", "author_id is null and likes = 7"));
  add(decode_error("youtube_snippet_is_string", envelope("youtube", "post", R"({"kind":"youtube#video","id":"bi-yt-snip","snippet":"s"})"),
                   "bad_timestamp"));
  add(decode_error("youtube_unknown_resource", envelope("youtube", "post", R"({"kind":"youtube#playlist","id":"p"})"),
                   "unknown_shape"));
  add(decode_error("youtube_thread_without_comment", envelope("youtube", "comment",
                   R"({"kind":"youtube#commentThread","id":"t","snippet":{"videoId":"v"}})"), "unknown_shape"));
  add(decode_error("reddit_unknown_thing", envelope("reddit", "post", R"({"kind":"t5","data":{"id":"sub"}})"),
                   "unknown_shape"));
  add(silver("youtube_statistics_is_string", envelope("youtube", "post",
             R"({"kind":"youtube#video","id":"bi-yt-stats","snippet":{"publishedAt":"2026-11-20T18:30:00Z"},"statistics":"1000"})"),
             "posts", "youtube", "bi-yt-stats", "views is null and likes is null"));
  add(decode_error("reddit_data_is_array", envelope("reddit", "post", R"({"kind":"t3","data":[{"id":"bi-rd-arr"}]})"),
                   "missing_id"));
  add(silver("instagram_from_is_array", envelope("instagram", "comment",
             R"({"id":"bi-ig-from","text":"t","timestamp":"2026-11-22T09:58:41+0000","from":["u"],"media":"m"})"),
             "comments", "instagram", "bi-ig-from", "author_id is null and post_id is null"));
  add(silver("youtube_author_channel_is_string", envelope("youtube", "comment",
             R"({"kind":"youtube#commentThread","id":"t","snippet":{"videoId":"v","topLevelComment":{"id":"bi-yt-c","snippet":{"publishedAt":"2026-11-20T18:30:00Z","textOriginal":"hi","authorChannelId":"UCx","likeCount":"2"}}}})"),
             "comments", "youtube", "bi-yt-c", "author_id is null and post_id = 'v' and likes = 2"));
  add(silver("tiktok_region_is_number", envelope("tiktok", "post",
             R"({"id":9001000000000000006,"create_time":1704499196,"region_code":840,"username":["a"]})"),
             "posts", "tiktok", "9001000000000000006", "region is null and author_id is null"));
  add(silver("reddit_profile_is_string", envelope("reddit", "user", R"({"kind":"t2","data":{"name":"bi-rd-user","subreddit":"r/x"}})"),
             "users", "reddit", "bi-rd-user", "followers is null"));
  add(silver("youtube_hidden_count_flag_is_string", envelope("youtube", "user",
             R"({"kind":"youtube#channel","id":"bi-yt-ch","statistics":{"hiddenSubscriberCount":"true","subscriberCount":"10"}})"),
             "users", "youtube", "bi-yt-ch", "followers = 10"));
  add(silver("reddit_kind_is_number", envelope("reddit", "comment",
             R"({"kind":1,"data":{"id":"bi-rd-kind","body":"b","created_utc":1732267200,"link_id":"t3_x"}})"),
             "comments", "reddit", "bi-rd-kind", "post_id = 'x'"));

  // ---- text content -------------------------------------------------------
  add(silver("nul_escape_in_text", x_post_text("bi-nul", R"("before\u0000after")"),
             "posts", "x", "bi-nul", "text = 'beforeafter'"));
  add(silver("bom_escape_in_text", x_post_text("bi-bom", R"("\ufeffhello")"), "posts", "x", "bi-bom"));
  add(silver("sql_and_shell_text", x_post_text("bi-sql",
             R"("'); drop table silver.posts; -- $(rm -rf /) `reboot` | nc evil 1 \\ \t \n %s %n")"),
             "posts", "x", "bi-sql", "text like '%drop table silver.posts%' and text like '%`reboot`%'"));
  add(silver("rtl_and_zero_width_hashtags", x_post_text("bi-rtl",
             R"("#\u05e9\u05dc\u05d5\u05dd #ab\u200bcd #\u202etxet #\u0627\u0644\u0633\u0644\u0627\u0645 #x\u200d\u200cy")"),
             "posts", "x", "bi-rtl", "cardinality(hashtags) >= 2"));
  add(silver("only_zero_width_text", x_post_text("bi-zw", R"("\u200b\u200c\u200d\u2060\ufeff")"),
             "posts", "x", "bi-zw"));
  add(silver("astral_escapes", x_post_text("bi-emoji", R"("\ud83d\ude00 #\ud835\udc00bc great")"),
             "posts", "x", "bi-emoji", "sentiment_category = 'positive'"));
  add(silver("empty_text", x_post_text("bi-empty", R"("")"), "posts", "x", "bi-empty"));
  add(silver("long_text_500k", x_post_text("bi-long", "\"" + std::string(500'000, 'w') + " #end\""),
             "posts", "x", "bi-long", "length(text) > 500000"));
  add(silver("huge_hashtag_array", envelope("tiktok", "post",
             R"({"id":9001000000000000005,"create_time":1704499196,"hashtag_names":)" + many_strings(20'000) + "}"),
             "posts", "tiktok", "9001000000000000005", "cardinality(hashtags) = 20000"));
  add(silver("nesting_500_elsewhere", x_post("\"bi-nest500\"", R"(,"extra":)" + nested(500)), "posts", "x", "bi-nest500"));
  return cases;
}

}  // namespace smelt::corpus
