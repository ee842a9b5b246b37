// The collector's platform clients on real recorded API responses
// (../shared/fixtures, not part of the repository): each page is split into
// entities whose envelopes the decoders read. Skipped when the folder is
// absent, as it is in a user's clone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "collect/json_spans.hpp"
#include "collect/platform.hpp"
#include "decode/decoder.hpp"
#include "text/language.hpp"

namespace smelt::collect {
namespace {

const text::Analyzer& analyzer() {
  static const text::Analyzer shared(
      std::make_shared<const text::Lexicon>(text::Lexicon::load_default()),
      std::make_shared<const text::LanguageLexicons>(text::LanguageLexicons::load_default()));
  return shared;
}

std::string read(const std::string& relative) {
  std::ifstream in(std::string(SMELT_SHARED_FIXTURES) + "/" + relative, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Answers the first call with a recorded body, later calls with `rest`.
class RecordedFetcher final : public Fetcher {
 public:
  RecordedFetcher(std::string first, std::string rest) : first_(std::move(first)), rest_(std::move(rest)) {}
  Response fetch(Request request, int) override {
    urls.push_back(request.describe());
    Response response;
    response.status = 200;
    response.body = urls.size() == 1 ? first_ : rest_;
    response.headers["date"] = "Sun, 22 Nov 2026 10:15:03 GMT";
    return response;
  }
  void partial_error(const Request&, std::string_view detail) override { partial_errors.emplace_back(detail); }
  std::vector<std::string> urls;
  std::vector<std::string> partial_errors;

 private:
  std::string first_;
  std::string rest_;
};

class CollectRealFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::is_directory(SMELT_SHARED_FIXTURES)) {
      GTEST_SKIP() << "no recorded API responses at " << SMELT_SHARED_FIXTURES;
    }
  }

  /// Decodes every entity of a page; returns the rows.
  decode::Rows decode_all(std::string_view source, const PageResult& page) {
    decode::Decoder decoder(analyzer());
    decode::Rows rows;
    for (const Entity& entity : page.entities) {
      decoder.decode(envelope(source, entity, page.observed_at), decode::BronzeRef{}, rows);
    }
    for (const auto& error : rows.errors) ADD_FAILURE() << source << ": " << error.detail;
    return rows;
  }

  Campaign campaign() {
    Campaign c;
    c.id = 1;
    c.hashtags = {"cats"};
    return c;
  }
};

TEST_F(CollectRealFixtures, TiktokQueryPageKeepsEveryVideoAndItsExactIds) {
  RecordedFetcher fetcher(read("tiktok/api_videos_response_page_1_of_2.json"),
                          R"({"data":{"comments":[],"cursor":0,"has_more":false},"error":{"code":"ok"}})");
  auto platform = make_platform("tiktok", {});
  PageResult page = platform->discover(fetcher, campaign(), "query", "");
  ASSERT_GT(page.entities.size(), 1u);
  EXPECT_EQ(page.entities.size(), page.discovered.size());
  EXPECT_EQ(page.observed_at, "2026-11-22T10:15:03.000Z");
  auto rows = decode_all("tiktok", page);
  ASSERT_EQ(rows.posts.size(), page.entities.size());
  EXPECT_EQ(rows.posts[0].post_id, "7320768196569599275");
  EXPECT_EQ(page.entities[0].key, "tiktok:7320768196569599275");
  EXPECT_NE(page.cursor.find("search_id"), std::string::npos) << "the recorded page says has_more";
  EXPECT_TRUE(page.more);
}

TEST_F(CollectRealFixtures, XSearchPageBringsItsIncludedAuthors) {
  std::ifstream in(std::string(SMELT_SHARED_FIXTURES) + "/x/two_tweets.jsonl");
  std::string line;
  std::getline(in, line);
  RecordedFetcher fetcher(line, "{}");
  auto platform = make_platform("x", {});
  PageResult page = platform->discover(fetcher, campaign(), "search", "");
  ASSERT_FALSE(page.entities.empty());
  auto rows = decode_all("x", page);
  EXPECT_EQ(rows.posts.size() + rows.comments.size(), page.entities.size());
  EXPECT_FALSE(rows.users.empty()) << "includes.users travel with their tweets";
}

TEST_F(CollectRealFixtures, RedditSearchListingAndYoutubeVideosAndInstagramMedia) {
  const std::string reddit_body(*spans::member(read("reddit/TestSubreddit.test_search.json"), "body"));
  RecordedFetcher reddit_fetcher(reddit_body, "{}");
  PlatformSettings reddit_settings;
  auto reddit = make_platform("reddit", reddit_settings);
  PageResult listing = reddit->repoll(reddit_fetcher, {"abc"});
  ASSERT_FALSE(listing.entities.empty());
  EXPECT_EQ(decode_all("reddit", listing).posts.size(), listing.entities.size());

  RecordedFetcher youtube_fetcher(read("youtube/modeldata_videos_video_api_response.json"), "{}");
  auto youtube = make_platform("youtube", {});
  PageResult videos = youtube->repoll(youtube_fetcher, {"x"});
  ASSERT_EQ(videos.entities.size(), 1u);
  EXPECT_EQ(decode_all("youtube", videos).posts.size(), 1u);

  const std::string media = read("instagram/medias_media_default.json");
  RecordedFetcher instagram_fetcher(R"({"17896129349106152":)" + media + "}", "{}");
  auto instagram = make_platform("instagram", {});
  PageResult lookup = instagram->repoll(instagram_fetcher, {"17896129349106152"});
  ASSERT_EQ(lookup.entities.size(), 1u);
  EXPECT_EQ(lookup.entities[0].payload, media.substr(0, media.find_last_not_of(" \n") + 1));
  EXPECT_EQ(decode_all("instagram", lookup).posts.size(), 1u);
}

}  // namespace
}  // namespace smelt::collect
