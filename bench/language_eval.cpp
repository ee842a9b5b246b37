// Language identification on short posts (under 60 characters): CLD2 alone
// against smelt's identify_language, per language, on the posts of
// bench/sentiment_eval/eval/ (each file is in one language).
//
//   ninja -C build language_eval && build/bench/language_eval [bench/sentiment_eval/eval]
//
// Columns: CLD2 as smelt used it before (at least 15 letters and a reliable
// answer), CLD2 with no minimum (any reliable answer), smelt from the text
// alone, and smelt with the author's context: the language identified from
// three other posts of the same file, standing in for the author's recent
// posts. An answer counts when its primary subtag is the file's ("hi-Latn"
// posts are Hindi: "hi" and "hi-Latn" both count).

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "text/language.hpp"
#include "text/utf8.hpp"

namespace {

constexpr std::size_t SHORT_CODE_POINTS = 60;
constexpr const char* LANGUAGES[] = {"en", "es", "pt", "fr", "de", "it", "ar",
                                     "ja", "id", "tr", "hi", "hi-Latn"};

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

std::vector<std::string> read_posts(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> posts;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#') continue;
    posts.push_back(line.substr(line.find('\t') + 1));
  }
  return posts;
}

std::string primary(const std::string& tag) { return tag.substr(0, tag.find('-')); }

struct Tally {
  int posts = 0;
  int cld2 = 0;
  int cld2_any = 0;
  int smelt = 0;
  int smelt_context = 0;
};

std::string percent(int hits, int total) {
  if (total == 0) return "-";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * hits / total);
  return buffer;
}

void row(const std::string& name, const Tally& t) {
  std::cout << "| " << name << " | " << t.posts << " | " << percent(t.cld2, t.posts) << " | "
            << percent(t.cld2_any, t.posts) << " | " << percent(t.smelt, t.posts) << " | "
            << percent(t.smelt_context, t.posts) << " |\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path dir =
      argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(SMELT_SOURCE_DIR) / "bench/sentiment_eval/eval";
  std::cout << "| language | short posts | CLD2 (>= 15 letters, reliable) | CLD2 (any length, reliable) | smelt | "
               "smelt + author context |\n| --- | ---: | ---: | ---: | ---: | ---: |\n";
  Tally all;
  for (const char* language : LANGUAGES) {
    const auto posts = read_posts(dir / (std::string(language) + ".tsv"));
    const std::string expected = primary(language);
    Tally t;
    for (std::size_t i = 0; i < posts.size(); ++i) {
      if (code_points(posts[i]) >= SHORT_CODE_POINTS) continue;
      const std::string& text = posts[i];
      std::string history;
      for (std::size_t k = 1; k <= 3; ++k) history += posts[(i + k * 7) % posts.size()] + " ";
      const std::vector<std::string> context = {smelt::text::identify_language(history).code};
      ++t.posts;
      t.cld2 += primary(smelt::text::detect_language(text)) == expected ? 1 : 0;
      t.cld2_any += primary(smelt::text::detect_language(text, 1)) == expected ? 1 : 0;
      t.smelt += primary(smelt::text::identify_language(text).code) == expected ? 1 : 0;
      t.smelt_context += primary(smelt::text::identify_language(text, context).code) == expected ? 1 : 0;
    }
    row(language, t);
    all.posts += t.posts;
    all.cld2 += t.cld2;
    all.cld2_any += t.cld2_any;
    all.smelt += t.smelt;
    all.smelt_context += t.smelt_context;
  }
  row("**all**", all);
  return 0;
}
