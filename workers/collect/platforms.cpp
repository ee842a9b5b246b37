#include "collect/platform.hpp"

#include "common/log.hpp"

namespace smelt::collect {

std::unique_ptr<Platform> make_x(PlatformSettings settings);
std::unique_ptr<Platform> make_reddit(PlatformSettings settings);
std::unique_ptr<Platform> make_youtube(PlatformSettings settings);
std::unique_ptr<Platform> make_instagram(PlatformSettings settings);
std::unique_ptr<Platform> make_tiktok(PlatformSettings settings);

std::unique_ptr<Platform> make_platform(std::string_view name, PlatformSettings settings) {
  if (name == "x") return make_x(std::move(settings));
  if (name == "reddit") return make_reddit(std::move(settings));
  if (name == "youtube") return make_youtube(std::move(settings));
  if (name == "instagram") return make_instagram(std::move(settings));
  if (name == "tiktok") return make_tiktok(std::move(settings));
  return nullptr;
}

const std::vector<std::string>& platform_names() {
  static const std::vector<std::string> names = {"x", "reddit", "youtube", "instagram", "tiktok"};
  return names;
}

std::string envelope(std::string_view source, const Entity& entity, std::string_view observed_at) {
  std::string out;
  out.reserve(entity.payload.size() + entity.includes.size() + 96);
  out += R"({"source":")";
  out += source;
  out += R"(","kind":")";
  out += entity.kind;
  out += R"(","observed_at":")";
  out += observed_at;
  out += R"(","payload":)";
  out += entity.payload;
  if (!entity.includes.empty()) {
    out += R"(,"includes":)";
    out += entity.includes;
  }
  out += '}';
  return out;
}

std::string query_terms(const Campaign& campaign, std::string_view hashtag_prefix, std::string_view separator) {
  std::string out;
  auto add = [&](const std::string& term) {
    if (!out.empty()) out += separator;
    out += term;
  };
  for (const auto& tag : campaign.hashtags) add(std::string(hashtag_prefix) + tag);
  for (const auto& word : campaign.keywords) {
    add(word.find(' ') == std::string::npos ? word : "\"" + word + "\"");
  }
  return out;
}

}  // namespace smelt::collect
