#include "migrate/splitter.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace smelt::migrate {
namespace {

constexpr std::size_t NONE = std::string_view::npos;
/// psql looks at this many leading words to recognise CREATE [OR REPLACE] FUNCTION|PROCEDURE.
constexpr std::size_t ROUTINE_HEAD_WORDS = 4;
/// How many leading words the transaction checks inspect.
constexpr std::size_t CONFLICT_SCAN_WORDS = 8;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_ident_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalpha(u) != 0 || c == '_' || u >= 0x80;
}

bool is_ident_char(char c) {
  return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '$';
}

std::string lowercase(std::string_view word) {
  std::string out(word);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_at(std::string_view text, std::size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

/// Position just past a -- comment (its newline included).
std::size_t skip_line_comment(std::string_view text, std::size_t pos) {
  const auto newline = text.find('\n', pos);
  return newline == NONE ? text.size() : newline + 1;
}

/// Position just past a /* comment */, which may nest.
std::size_t skip_block_comment(std::string_view text, std::size_t pos) {
  int depth = 0;
  while (pos < text.size()) {
    if (starts_with_at(text, pos, "/*")) {
      ++depth;
      pos += 2;
    } else if (starts_with_at(text, pos, "*/")) {
      pos += 2;
      if (--depth == 0) return pos;
    } else {
      ++pos;
    }
  }
  return text.size();
}

/// Position just past a quoted string or identifier opening at pos; a doubled
/// quote stays inside, and so does a backslash-escaped one when escapes apply.
std::size_t skip_quoted(std::string_view text, std::size_t pos, char quote, bool backslash_escapes) {
  for (++pos; pos < text.size(); ++pos) {
    if (backslash_escapes && text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == quote) {
      if (pos + 1 < text.size() && text[pos + 1] == quote) {
        ++pos;
      } else {
        return pos + 1;
      }
    }
  }
  return text.size();
}

/// Length of a dollar-quote delimiter ($$ or $tag$) at pos, or 0 when there is none.
std::size_t dollar_tag_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos + 1;
  if (end < text.size() && is_ident_start(text[end])) {
    while (end < text.size() && is_ident_char(text[end]) && text[end] != '$') ++end;
  }
  return end < text.size() && text[end] == '$' ? end - pos + 1 : 0;
}

/// Position just past a dollar-quoted body opening at pos with a tag of tag_length bytes.
std::size_t skip_dollar_quoted(std::string_view text, std::size_t pos, std::size_t tag_length) {
  const auto tag = text.substr(pos, tag_length);
  const auto close = text.find(tag, pos + tag_length);
  return close == NONE ? text.size() : close + tag_length;
}

/// Position just past a numeric literal (digits, letters, dots, underscores).
std::size_t skip_number(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (is_ident_char(text[pos]) || text[pos] == '.') && text[pos] != '$') ++pos;
  return pos;
}

/// Position just past a comment or run of blank space at pos, or pos when there is none.
std::size_t skip_blank(std::string_view text, std::size_t pos) {
  if (starts_with_at(text, pos, "--")) return skip_line_comment(text, pos);
  if (starts_with_at(text, pos, "/*")) return skip_block_comment(text, pos);
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

/// The psql statement splitter, as a small state machine over one script.
class Splitter {
 public:
  explicit Splitter(std::string_view script) : script_(script) {}

  std::vector<Statement> run() {
    std::size_t pos = 0;
    while (pos < script_.size()) {
      if (const auto past = skip_blank(script_, pos); past != pos) {
        pos = past;
      } else if (script_[pos] == ';' && paren_depth_ == 0 && begin_depth_ == 0) {
        finish(pos++);
      } else {
        if (start_ == NONE) start_ = pos;
        pos = scan_token(pos);
      }
    }
    finish(script_.size());
    return std::move(statements_);
  }

 private:
  std::size_t scan_token(std::size_t pos) {
    const char c = script_[pos];
    if (c == '\'') return skip_quoted(script_, pos, '\'', false);
    if (c == '"') return skip_quoted(script_, pos, '"', false);
    if (c == '$') {
      const auto tag_length = dollar_tag_length(script_, pos);
      return tag_length == 0 ? pos + 1 : skip_dollar_quoted(script_, pos, tag_length);
    }
    if (c == '(') ++paren_depth_;
    if (c == ')' && paren_depth_ > 0) --paren_depth_;
    if (is_ident_start(c)) return scan_word(pos);
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) return skip_number(script_, pos);
    return pos + 1;
  }

  std::size_t scan_word(std::size_t pos) {
    auto end = pos;
    while (end < script_.size() && is_ident_char(script_[end])) ++end;
    const auto word = lowercase(script_.substr(pos, end - pos));
    if (word == "e" && end < script_.size() && script_[end] == '\'')
      return skip_quoted(script_, end, '\'', true);
    note_word(word);
    return end;
  }

  /// Tracks BEGIN ... END inside CREATE FUNCTION|PROCEDURE as psql does, so
  /// that semicolons in a BEGIN ATOMIC body do not end the statement.
  void note_word(const std::string& word) {
    if (word_count_ < ROUTINE_HEAD_WORDS) {
      const bool routine_word =
          word == "create" || word == "function" || word == "procedure" || word == "or" || word == "replace";
      head_[word_count_] = routine_word ? word[0] : '\0';
    }
    ++word_count_;
    if (!in_routine_definition() || paren_depth_ != 0) return;
    if (word == "begin") {
      ++begin_depth_;
    } else if (word == "case" && begin_depth_ > 0) {
      ++begin_depth_;
    } else if (word == "end" && begin_depth_ > 0) {
      --begin_depth_;
    }
  }

  bool in_routine_definition() const {
    if (head_[0] != 'c') return false;
    if (head_[1] == 'f' || head_[1] == 'p') return true;
    return head_[1] == 'o' && head_[2] == 'r' && (head_[3] == 'f' || head_[3] == 'p');
  }

  void finish(std::size_t end) {
    if (start_ != NONE) {
      auto text = script_.substr(start_, end - start_);
      while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
      statements_.push_back({text, start_, line_at(start_)});
    }
    start_ = NONE;
    paren_depth_ = 0;
    begin_depth_ = 0;
    word_count_ = 0;
    head_.fill('\0');
  }

  int line_at(std::size_t offset) {
    line_ += static_cast<int>(std::count(script_.begin() + static_cast<std::ptrdiff_t>(line_offset_),
                                         script_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    line_offset_ = offset;
    return line_;
  }

  std::string_view script_;
  std::vector<Statement> statements_;
  std::size_t start_ = NONE;
  int paren_depth_ = 0;
  int begin_depth_ = 0;
  std::size_t word_count_ = 0;
  std::array<char, ROUTINE_HEAD_WORDS> head_{};
  std::size_t line_offset_ = 0;
  int line_ = 1;
};

bool contains(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::optional<std::string> control_command(const std::vector<std::string>& words) {
  const auto& first = words[0];
  const auto second = words.size() > 1 ? words[1] : std::string();
  const bool control = first == "begin" || first == "commit" || first == "end" || first == "abort" ||
                       (first == "start" && second == "transaction") ||
                       (first == "rollback" && second != "to") ||
                       (first == "prepare" && second == "transaction");
  if (!control) return std::nullopt;
  return first;
}

std::optional<std::string> outside_transaction_only(const std::vector<std::string>& words) {
  const auto& first = words[0];
  const auto second = words.size() > 1 ? words[1] : std::string();
  if (first == "vacuum") return "vacuum";
  if (first == "alter" && second == "system") return "alter system";
  if ((first == "create" || first == "drop") && (second == "database" || second == "tablespace")) {
    return first + " " + second;
  }
  if (first == "reindex" && (contains(words, "system") || contains(words, "database")))
    return "reindex " + second;
  if (first == "cluster" && (words.size() == 1 || (words.size() == 2 && second == "verbose")))
    return "cluster";
  return std::nullopt;
}

std::optional<std::string> concurrently(const std::vector<std::string>& words) {
  if (words[0] == "refresh") return std::nullopt;  // REFRESH ... CONCURRENTLY runs in a transaction
  const auto found = std::find(words.begin(), words.end(), "concurrently");
  if (found == words.end()) return std::nullopt;
  std::string out;
  for (auto it = words.begin(); it != found + 1; ++it) out += (out.empty() ? "" : " ") + *it;
  return out;
}

}  // namespace

std::vector<Statement> split_statements(std::string_view script) { return Splitter(script).run(); }

int line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::size_t byte_offset_of_position(std::string_view text, int position) {
  int characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool continuation = (static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u;
    if (!continuation && ++characters == position) return i;
  }
  return text.size();
}

std::vector<std::string> leading_words(std::string_view statement, std::size_t count) {
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < statement.size() && words.size() < count) {
    if (const auto past = skip_blank(statement, pos); past != pos) {
      pos = past;
    } else if (is_ident_start(statement[pos])) {
      auto end = pos;
      while (end < statement.size() && is_ident_char(statement[end])) ++end;
      words.push_back(lowercase(statement.substr(pos, end - pos)));
      pos = end;
    } else if (statement[pos] == '\'' || statement[pos] == '"' || statement[pos] == '$') {
      break;
    } else {
      ++pos;
    }
  }
  return words;
}

std::optional<std::string> transaction_control(std::string_view statement) {
  const auto words = leading_words(statement, CONFLICT_SCAN_WORDS);
  if (words.empty()) return std::nullopt;
  return control_command(words);
}

std::optional<std::string> needs_no_transaction(std::string_view statement) {
  const auto words = leading_words(statement, CONFLICT_SCAN_WORDS);
  if (words.empty()) return std::nullopt;
  if (auto found = outside_transaction_only(words)) return found;
  return concurrently(words);
}

bool has_no_transaction_marker(std::string_view script) {
  constexpr std::string_view MARKER = "smelt:no-transaction";
  std::size_t pos = 0;
  while (pos < script.size()) {
    while (pos < script.size() && is_space(script[pos])) ++pos;
    if (!starts_with_at(script, pos, "--")) return false;
    const auto end = skip_line_comment(script, pos);
    auto body = script.substr(pos + 2, end - pos - 2);
    while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
    while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
    if (body == MARKER) return true;
    pos = end;
  }
  return false;
}

}  // namespace smelt::migrate
