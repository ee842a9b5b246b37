#pragma once

#include <array>
#include <string_view>

// Short texts: the function words and letters that give a Latin-script
// language away when a text is too short for CLD2 ("I love it", "Me encanta").
// Written for smelt from the languages' grammars: articles, pronouns,
// auxiliaries, prepositions and particles that are frequent in any post.
namespace smelt::text::language_words {

/// One language's function words (lowercase).
struct Words {
  std::string_view tag;                  ///< BCP 47 tag reported on a match
  std::array<std::string_view, 48> words;  ///< unused entries are empty
};

// clang-format off
inline constexpr std::array<Words, 9> LATIN = {{
    {"en", {"the", "a", "an", "is", "are", "was", "were", "i", "you", "it", "this", "that", "my", "me", "we",
            "they", "and", "of", "to", "in", "on", "for", "with", "have", "has", "just", "not", "what", "how",
            "be", "will", "can", "at", "your", "i'm", "it's", "don't", "very", "too", "today", "so", "our",
            "love", "got", "from", "about", "who", "all"}},
    {"es", {"el", "la", "los", "las", "un", "una", "es", "y", "de", "que", "en", "por", "para", "con", "muy",
            "pero", "no", "lo", "me", "mi", "este", "esta", "estoy", "qué", "más", "del", "al", "hoy", "todo",
            "gracias", "bien", "ya", "también", "eso", "hay", "soy", "encanta", "mis", "tu", "sus", "nos",
            "fue", "está", "como", "cuando", "donde", "nada", "otra"}},
    {"pt", {"o", "os", "a", "as", "um", "uma", "é", "e", "de", "do", "da", "dos", "das", "que", "em", "no",
            "na", "por", "para", "com", "muito", "mas", "não", "eu", "meu", "minha", "esse", "essa", "isso",
            "você", "vocês", "tá", "está", "hoje", "obrigado", "obrigada", "também", "mais", "já", "tudo",
            "ao", "nos", "foi", "aqui", "quando", "estou", "pra", "seu"}},
    {"fr", {"le", "la", "les", "un", "une", "des", "est", "et", "de", "du", "que", "en", "pour", "avec",
            "très", "mais", "pas", "ne", "je", "j", "c", "l", "d", "qu", "n", "il", "elle", "on", "nous",
            "vous", "ce", "cette", "mon", "ma", "mes", "sur", "au", "aux", "trop", "merci", "suis", "ça",
            "c'est", "j'ai", "tout", "été", "y", "sont"}},
    {"de", {"der", "die", "das", "den", "dem", "ein", "eine", "einen", "ist", "und", "nicht", "ich", "du",
            "wir", "ihr", "sie", "es", "mit", "für", "auf", "sehr", "aber", "zu", "von", "im", "war", "mein",
            "meine", "heute", "auch", "noch", "schon", "danke", "gerade", "bin", "hab", "habe", "wie", "was",
            "wird", "dass", "so", "nur", "mal", "kein", "keine", "diese", "dieser"}},
    {"it", {"il", "lo", "la", "gli", "le", "un", "una", "è", "e", "di", "del", "della", "che", "per", "con",
            "molto", "ma", "non", "io", "mi", "mio", "mia", "questo", "questa", "sono", "ho", "ha", "più",
            "anche", "oggi", "grazie", "tutto", "sempre", "ci", "nel", "alla", "sei", "siamo", "troppo",
            "come", "perché", "niente", "ancora", "dei", "delle", "al", "l'", "c'è"}},
    {"id", {"yang", "dan", "di", "ke", "dari", "ini", "itu", "aku", "saya", "kamu", "tidak", "nggak", "gak",
            "sudah", "udah", "banget", "sekali", "dengan", "untuk", "ada", "juga", "lagi", "bisa", "mau",
            "akan", "kita", "kami", "tapi", "sama", "buat", "hari", "belum", "ya", "deh", "sih", "dong",
            "terima", "kasih", "bikin", "sangat", "jadi", "karena", "kalau", "masih", "lebih", "harus",
            "semua", "pas"}},
    {"tr", {"bir", "ve", "bu", "çok", "da", "de", "ne", "için", "ile", "ama", "gibi", "ben", "sen", "biz",
            "siz", "o", "mi", "mı", "var", "yok", "değil", "daha", "en", "her", "şey", "bugün", "teşekkürler",
            "ediyorum", "oldu", "olarak", "kadar", "sonra", "artık", "hiç", "benim", "bana", "seni", "onu",
            "şu", "diye", "mu", "mü", "yine", "hem", "ya", "ki", "bile", "tüm"}},
    {"hi-Latn", {"hai", "hain", "nahi", "nahin", "ka", "ki", "ke", "mein", "main", "ho", "tha", "thi", "bhi",
                 "ye", "yeh", "aur", "kya", "hoon", "hun", "raha", "rahi", "rahe", "gaya", "gayi", "se", "ko",
                 "bahut", "yaar", "accha", "achha", "kar", "toh", "koi", "kuch", "sab", "mera", "meri", "tum",
                 "aap", "hum", "wala", "wali", "abhi", "aaj", "phir", "kyun", "pe", "diya"}},
}};
// clang-format on

}  // namespace smelt::text::language_words
