#include "generate/vocabulary.hpp"

#include <array>

namespace smelt::generate {
namespace {

using Words = std::string_view;

// ---- English ---------------------------------------------------------------
constexpr Words EN_OPENERS[] = {"Just tried",        "Finally got", "Honest review of",
                                "Day 3 with",        "Thoughts on", "Can't stop talking about",
                                "Anyone else using", "Update on",   "Quick take on",
                                "First look at"};
constexpr Words EN_POSITIVE[] = {
    "love it",           "absolutely amazing", "works great",      "best purchase this year",
    "so happy with it",  "awesome experience", "highly recommend", "beautiful design",
    "fantastic quality", "perfect for me",     "brilliant fun"};
constexpr Words EN_NEGATIVE[] = {"hate it",
                                 "worst update ever",
                                 "terrible customer service",
                                 "totally broken again",
                                 "so disappointed",
                                 "awful experience",
                                 "waste of money",
                                 "really bad quality",
                                 "horrible delays",
                                 "annoying and useless"};
constexpr Words EN_NEUTRAL[] = {"still deciding",    "arrived today",      "more details soon",
                                "same as last year", "what do you think?", "trying it this week",
                                "link in bio",       "any tips?"};
constexpr Words EN_TOPICS[] = {
    "the new update", "this coffee place", "today's match",    "my new phone",           "the season finale",
    "this recipe",    "my morning run",    "the weekend trip", "the concert last night", "this game"};
constexpr Words EN_BIOS[] = {
    "Coffee, code and long runs.", "Photographer. Dog person.",        "Opinions are my own.",
    "Travel | food | music",       "Building things on the internet.", "Mom of two, runner."};
constexpr Words EN_FIRST[] = {"James", "Mary",  "Emma",   "Liam",  "Olivia", "Noah",
                              "Ava",   "Ethan", "Sophia", "Mason", "Chloe",  "Lucas"};
constexpr Words EN_LAST[] = {"Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson",
                             "Davis", "Clark",   "Lewis", "Walker", "Young",  "King"};
constexpr Words EN_SUBREDDITS[] = {
    "technology", "gadgets",   "personalfinance", "travel", "fitness", "movies", "gaming",
    "soccer",     "AskReddit", "Android",         "apple",  "food",    "news",   "television"};

// ---- Spanish ---------------------------------------------------------------
constexpr Words ES_OPENERS[] = {
    "Acabo de probar", "Por fin tengo",   "Mi opinión sobre",     "Día 3 con",
    "Hablemos de",     "Alguien más usa", "Primera impresión de", "Reseña honesta de"};
constexpr Words ES_POSITIVE[] = {"me encanta",       "increíble", "excelente calidad", "muy feliz con esto",
                                 "lo mejor del año", "genial",    "súper recomendado", "hermoso diseño",
                                 "una maravilla",    "perfecto"};
constexpr Words ES_NEGATIVE[] = {"lo odio",  "terrible servicio", "pésima experiencia", "muy decepcionado",
                                 "horrible", "no funciona",       "una estafa",         "qué asco",
                                 "malísimo", "otra vez roto"};
constexpr Words ES_NEUTRAL[] = {
    "ya veremos",     "llegó hoy",         "más detalles pronto",   "¿qué opinan?", "lo pruebo esta semana",
    "link en la bio", "igual que siempre", "¿alguna recomendación?"};
constexpr Words ES_TOPICS[] = {
    "la nueva actualización", "este café",   "el partido de hoy",       "mi nuevo teléfono",
    "el final de temporada",  "esta receta", "mi carrera de la mañana", "el viaje del finde",
    "el concierto de anoche", "este juego"};
constexpr Words ES_BIOS[] = {"Café, fútbol y viajes.", "Fotógrafa. Amante de los perros.",
                             "Opiniones personales.", "Comida | música | series"};
constexpr Words ES_FIRST[] = {"Sofía", "Mateo",  "Valentina", "Santiago", "Camila",  "Diego",
                              "Lucía", "Javier", "María",     "Carlos",   "Isabela", "Andrés"};
constexpr Words ES_LAST[] = {"García",    "Martínez", "López",   "Hernández", "González", "Pérez",
                             "Rodríguez", "Sánchez",  "Ramírez", "Torres",    "Flores",   "Díaz"};
constexpr Words ES_SUBREDDITS[] = {"es", "mexico", "argentina", "chile", "colombia", "spain"};

// ---- Portuguese ------------------------------------------------------------
constexpr Words PT_OPENERS[] = {
    "Acabei de testar", "Finalmente comprei", "Minha opinião sobre",   "Dia 3 com",
    "Falando de",       "Alguém mais usa",    "Primeira impressão do", "Review sincero de"};
constexpr Words PT_POSITIVE[] = {"amei",
                                 "incrível",
                                 "excelente qualidade",
                                 "muito feliz com isso",
                                 "o melhor do ano",
                                 "maravilhoso",
                                 "super recomendo",
                                 "lindo demais",
                                 "perfeito",
                                 "sensacional"};
constexpr Words PT_NEGATIVE[] = {"odiei",
                                 "péssimo atendimento",
                                 "experiência horrível",
                                 "muito decepcionado",
                                 "terrível",
                                 "não funciona",
                                 "que lixo",
                                 "uma vergonha",
                                 "ruim demais",
                                 "quebrou de novo"};
constexpr Words PT_NEUTRAL[] = {"vamos ver",
                                "chegou hoje",
                                "mais detalhes em breve",
                                "o que vocês acham?",
                                "testando essa semana",
                                "link na bio",
                                "igual ao ano passado",
                                "alguma dica?"};
constexpr Words PT_TOPICS[] = {
    "a nova atualização",   "esse café",    "o jogo de hoje",         "meu celular novo",
    "o final da temporada", "essa receita", "minha corrida de manhã", "a viagem do fim de semana",
    "o show de ontem",      "esse jogo"};
constexpr Words PT_BIOS[] = {"Café, futebol e viagens.", "Fotógrafa. Apaixonada por cachorros.",
                             "Opiniões pessoais.", "Comida | música | séries"};
constexpr Words PT_FIRST[] = {"João",  "Ana",     "Pedro",  "Beatriz", "Gabriel", "Mariana",
                              "Lucas", "Larissa", "Rafael", "Júlia",   "Thiago",  "Fernanda"};
constexpr Words PT_LAST[] = {"Silva",   "Santos",   "Oliveira", "Souza",    "Costa", "Pereira",
                             "Almeida", "Ferreira", "Ribeiro",  "Carvalho", "Lima",  "Gomes"};
constexpr Words PT_SUBREDDITS[] = {"brasil", "portugal", "futebol", "investimentos"};

// ---- French ----------------------------------------------------------------
constexpr Words FR_OPENERS[] = {"Je viens de tester",
                                "Enfin reçu",
                                "Mon avis sur",
                                "Jour 3 avec",
                                "Parlons de",
                                "Quelqu'un utilise",
                                "Premières impressions de",
                                "Avis honnête sur"};
constexpr Words FR_POSITIVE[] = {"j'adore",
                                 "incroyable",
                                 "excellente qualité",
                                 "trop content",
                                 "le meilleur de l'année",
                                 "génial",
                                 "je recommande vivement",
                                 "magnifique",
                                 "parfait",
                                 "super"};
constexpr Words FR_NEGATIVE[] = {
    "je déteste",     "service client horrible", "expérience nulle", "tellement déçu",
    "catastrophique", "ça ne marche pas",        "une arnaque",      "vraiment nul",
    "affreux",        "encore en panne"};
constexpr Words FR_NEUTRAL[] = {"on verra",
                                "reçu aujourd'hui",
                                "plus de détails bientôt",
                                "vous en pensez quoi ?",
                                "je teste cette semaine",
                                "lien en bio",
                                "comme l'an dernier",
                                "des conseils ?"};
constexpr Words FR_TOPICS[] = {
    "la nouvelle mise à jour", "ce café",       "le match de ce soir",  "mon nouveau téléphone",
    "la fin de saison",        "cette recette", "mon footing du matin", "le week-end à la mer",
    "le concert d'hier",       "ce jeu"};
constexpr Words FR_BIOS[] = {"Café, vélo et voyages.", "Photographe. Fan de chiens.", "Avis personnels.",
                             "Cuisine | musique | séries"};
constexpr Words FR_FIRST[] = {"Louis",  "Camille", "Hugo",   "Manon", "Jules", "Léa",
                              "Arthur", "Chloé",   "Nathan", "Inès",  "Théo",  "Julie"};
constexpr Words FR_LAST[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert",  "Richard",
                             "Petit",  "Durand",  "Leroy",  "Moreau", "Laurent", "Girard"};
constexpr Words FR_SUBREDDITS[] = {"france", "Quebec", "AskFrance", "rance"};

// ---- German ----------------------------------------------------------------
constexpr Words DE_OPENERS[] = {"Gerade getestet:",    "Endlich da:",        "Meine Meinung zu",
                                "Tag 3 mit",           "Reden wir über",     "Nutzt noch jemand",
                                "Erster Eindruck von", "Ehrliche Bewertung:"};
constexpr Words DE_POSITIVE[] = {
    "ich liebe es", "einfach großartig",      "super Qualität", "total begeistert", "das Beste dieses Jahr",
    "wunderschön",  "absolut empfehlenswert", "perfekt",        "genial",           "klasse"};
constexpr Words DE_NEGATIVE[] = {"ich hasse es",        "schrecklicher Kundenservice",
                                 "total enttäuscht",    "furchtbar",
                                 "funktioniert nicht",  "reine Abzocke",
                                 "richtig schlecht",    "mies",
                                 "schon wieder kaputt", "katastrophal"};
constexpr Words DE_NEUTRAL[] = {"mal sehen",
                                "heute angekommen",
                                "mehr Details bald",
                                "was meint ihr?",
                                "teste es diese Woche",
                                "Link in der Bio",
                                "wie letztes Jahr",
                                "Tipps?"};
constexpr Words DE_TOPICS[] = {"das neue Update",     "dieses Café",   "das Spiel heute", "mein neues Handy",
                               "das Staffelfinale",   "dieses Rezept", "mein Morgenlauf", "der Wochenendtrip",
                               "das Konzert gestern", "dieses Spiel"};
constexpr Words DE_BIOS[] = {"Kaffee, Code und Laufen.", "Fotografin. Hundemensch.", "Meine Meinung.",
                             "Essen | Musik | Serien"};
constexpr Words DE_FIRST[] = {"Lukas", "Anna",  "Leon", "Mia",    "Felix", "Lena",
                              "Jonas", "Laura", "Paul", "Hannah", "Max",   "Sarah"};
constexpr Words DE_LAST[] = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber",   "Meyer",
                             "Wagner", "Becker",  "Hoffmann",  "Koch",    "Richter", "Wolf"};
constexpr Words DE_SUBREDDITS[] = {"de", "Finanzen", "fragreddit", "Austria"};

// ---- Japanese --------------------------------------------------------------
constexpr Words JA_OPENERS[] = {"試してみた:", "やっと買った:",    "正直レビュー:", "3日目:",
                                "話題の",      "使ってる人いる？", "第一印象:",     "感想:"};
constexpr Words JA_POSITIVE[] = {"大好き",     "最高",         "すごく良い", "めっちゃ嬉しい", "今年一番",
                                 "素晴らしい", "おすすめです", "かわいい",   "完璧",           "楽しい"};
constexpr Words JA_NEGATIVE[] = {"最悪",       "本当にがっかり", "ひどい",   "使えない",     "大嫌い",
                                 "残念すぎる", "また壊れた",     "高すぎる", "イライラする", "失敗した"};
constexpr Words JA_NEUTRAL[] = {"とりあえず様子見",   "今日届いた",        "詳細はまた今度",
                                "みんなはどう思う？", "今週試してみる",    "リンクはプロフへ",
                                "去年と同じ",         "何かおすすめある？"};
constexpr Words JA_TOPICS[] = {"新しいアップデート", "このカフェ", "今日の試合",     "新しいスマホ",
                               "シーズン最終回",     "このレシピ", "朝のランニング", "週末の旅行",
                               "昨日のライブ",       "このゲーム"};
constexpr Words JA_BIOS[] = {"コーヒーと写真が好き", "犬派です", "個人の感想です", "旅行・グルメ・音楽"};
constexpr Words JA_FIRST[] = {"陽翔", "結衣",   "蒼", "陽菜", "蓮",   "葵",
                              "悠斗", "さくら", "陸", "芽依", "海斗", "結菜"};
constexpr Words JA_LAST[] = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤",
                             "山本", "中村", "小林", "加藤", "吉田", "山田"};
constexpr Words JA_SUBREDDITS[] = {"newsokur", "lowlevelaware", "japanlife"};

// ---- Italian ---------------------------------------------------------------
constexpr Words IT_OPENERS[] = {"Ho appena provato",    "Finalmente arrivato", "La mia opinione su",
                                "Giorno 3 con",         "Parliamo di",         "Qualcuno usa",
                                "Prime impressioni su", "Recensione onesta di"};
constexpr Words IT_POSITIVE[] = {
    "lo adoro",   "fantastico",       "qualità eccellente", "felicissimo", "il migliore dell'anno",
    "bellissimo", "consigliatissimo", "perfetto",           "stupendo",    "geniale"};
constexpr Words IT_NEGATIVE[] = {"lo odio",
                                 "servizio clienti terribile",
                                 "esperienza orribile",
                                 "molto deluso",
                                 "pessimo",
                                 "non funziona",
                                 "una truffa",
                                 "che schifo",
                                 "bruttissimo",
                                 "di nuovo rotto"};
constexpr Words IT_NEUTRAL[] = {"vedremo",
                                "arrivato oggi",
                                "dettagli a breve",
                                "voi che ne pensate?",
                                "lo provo questa settimana",
                                "link in bio",
                                "come l'anno scorso",
                                "consigli?"};
constexpr Words IT_TOPICS[] = {
    "il nuovo aggiornamento", "questo bar",     "la partita di oggi",   "il mio nuovo telefono",
    "il finale di stagione",  "questa ricetta", "la corsa del mattino", "il weekend al mare",
    "il concerto di ieri",    "questo gioco"};
constexpr Words IT_BIOS[] = {"Caffè, calcio e viaggi.", "Fotografa. Amo i cani.", "Opinioni personali.",
                             "Cibo | musica | serie"};
constexpr Words IT_FIRST[] = {"Leonardo", "Giulia",  "Francesco", "Aurora", "Alessandro", "Sofia",
                              "Lorenzo",  "Martina", "Matteo",    "Chiara", "Andrea",     "Alice"};
constexpr Words IT_LAST[] = {"Rossi",   "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
                             "Colombo", "Ricci", "Marino",  "Greco",    "Bruno",   "Gallo"};
constexpr Words IT_SUBREDDITS[] = {"italy", "Italia", "ItalyInformatica"};

const std::array<LanguageWords, LANGUAGE_COUNT> LANGUAGES = {{
    {"en", 0.52, EN_OPENERS, EN_POSITIVE, EN_NEGATIVE, EN_NEUTRAL, EN_TOPICS, EN_BIOS, EN_FIRST, EN_LAST,
     EN_SUBREDDITS},
    {"es", 0.14, ES_OPENERS, ES_POSITIVE, ES_NEGATIVE, ES_NEUTRAL, ES_TOPICS, ES_BIOS, ES_FIRST, ES_LAST,
     ES_SUBREDDITS},
    {"pt", 0.09, PT_OPENERS, PT_POSITIVE, PT_NEGATIVE, PT_NEUTRAL, PT_TOPICS, PT_BIOS, PT_FIRST, PT_LAST,
     PT_SUBREDDITS},
    {"fr", 0.07, FR_OPENERS, FR_POSITIVE, FR_NEGATIVE, FR_NEUTRAL, FR_TOPICS, FR_BIOS, FR_FIRST, FR_LAST,
     FR_SUBREDDITS},
    {"de", 0.06, DE_OPENERS, DE_POSITIVE, DE_NEGATIVE, DE_NEUTRAL, DE_TOPICS, DE_BIOS, DE_FIRST, DE_LAST,
     DE_SUBREDDITS},
    {"ja", 0.08, JA_OPENERS, JA_POSITIVE, JA_NEGATIVE, JA_NEUTRAL, JA_TOPICS, JA_BIOS, JA_FIRST, JA_LAST,
     JA_SUBREDDITS},
    {"it", 0.04, IT_OPENERS, IT_POSITIVE, IT_NEGATIVE, IT_NEUTRAL, IT_TOPICS, IT_BIOS, IT_FIRST, IT_LAST,
     IT_SUBREDDITS},
}};

constexpr Place PLACES[] = {
    {"New York", "New York, NY", "United States", "US", 40.7128, -74.0060, Language::en, 5},
    {"Los Angeles", "Los Angeles, CA", "United States", "US", 34.0522, -118.2437, Language::en, 4},
    {"Chicago", "Chicago, IL", "United States", "US", 41.8781, -87.6298, Language::en, 2},
    {"Austin", "Austin, TX", "United States", "US", 30.2672, -97.7431, Language::en, 1.5},
    {"Seattle", "Seattle, WA", "United States", "US", 47.6062, -122.3321, Language::en, 1.5},
    {"London", "London, England", "United Kingdom", "GB", 51.5074, -0.1278, Language::en, 4},
    {"Manchester", "Manchester, England", "United Kingdom", "GB", 53.4808, -2.2426, Language::en, 1},
    {"Toronto", "Toronto, Ontario", "Canada", "CA", 43.6532, -79.3832, Language::en, 2},
    {"Sydney", "Sydney, New South Wales", "Australia", "AU", -33.8688, 151.2093, Language::en, 1.5},
    {"Mumbai", "Mumbai, India", "India", "IN", 19.0760, 72.8777, Language::en, 2.5},
    {"Bengaluru", "Bengaluru, India", "India", "IN", 12.9716, 77.5946, Language::en, 1.5},
    {"Dublin", "Dublin City, Ireland", "Ireland", "IE", 53.3498, -6.2603, Language::en, 0.7},
    {"Mexico City", "Ciudad de México, México", "Mexico", "MX", 19.4326, -99.1332, Language::es, 4},
    {"Guadalajara", "Guadalajara, Jalisco", "Mexico", "MX", 20.6597, -103.3496, Language::es, 1.5},
    {"Madrid", "Madrid, España", "Spain", "ES", 40.4168, -3.7038, Language::es, 2.5},
    {"Barcelona", "Barcelona, España", "Spain", "ES", 41.3874, 2.1686, Language::es, 2},
    {"Buenos Aires", "Buenos Aires, Argentina", "Argentina", "AR", -34.6037, -58.3816, Language::es, 2.5},
    {"Bogotá", "Bogotá, D.C., Colombia", "Colombia", "CO", 4.7110, -74.0721, Language::es, 2},
    {"Santiago", "Santiago, Chile", "Chile", "CL", -33.4489, -70.6693, Language::es, 1},
    {"Miami", "Miami, FL", "United States", "US", 25.7617, -80.1918, Language::es, 1},
    {"São Paulo", "São Paulo, Brasil", "Brazil", "BR", -23.5505, -46.6333, Language::pt, 5},
    {"Rio de Janeiro", "Rio de Janeiro, Brasil", "Brazil", "BR", -22.9068, -43.1729, Language::pt, 3},
    {"Lisbon", "Lisboa, Portugal", "Portugal", "PT", 38.7223, -9.1393, Language::pt, 1},
    {"Paris", "Paris, France", "France", "FR", 48.8566, 2.3522, Language::fr, 4},
    {"Lyon", "Lyon, France", "France", "FR", 45.7640, 4.8357, Language::fr, 1.5},
    {"Montreal", "Montréal, Québec", "Canada", "CA", 45.5019, -73.5674, Language::fr, 1.5},
    {"Brussels", "Bruxelles, Belgique", "Belgium", "BE", 50.8503, 4.3517, Language::fr, 1},
    {"Berlin", "Berlin, Deutschland", "Germany", "DE", 52.5200, 13.4050, Language::de, 3},
    {"Munich", "München, Bayern", "Germany", "DE", 48.1351, 11.5820, Language::de, 2},
    {"Hamburg", "Hamburg, Deutschland", "Germany", "DE", 53.5511, 9.9937, Language::de, 1.5},
    {"Vienna", "Wien, Österreich", "Austria", "AT", 48.2082, 16.3738, Language::de, 1},
    {"Zurich", "Zürich, Schweiz", "Switzerland", "CH", 47.3769, 8.5417, Language::de, 0.8},
    {"Tokyo", "東京都 渋谷区", "Japan", "JP", 35.6762, 139.6503, Language::ja, 5},
    {"Osaka", "大阪府 大阪市", "Japan", "JP", 34.6937, 135.5023, Language::ja, 2},
    {"Rome", "Roma, Lazio", "Italy", "IT", 41.9028, 12.4964, Language::it, 2},
    {"Milan", "Milano, Lombardia", "Italy", "IT", 45.4642, 9.1900, Language::it, 2},
};

// Chosen so that the Emoji Sentiment Ranking scores each the way its list says.
constexpr Words POSITIVE_EMOJI[] = {"😍", "❤️", "😊", "👍", "🎉", "✨", "🙌", "😘", "👏", "💕"};
constexpr Words NEGATIVE_EMOJI[] = {"😡", "👎", "😤", "💔", "😞", "😠", "😩", "😒", "😑", "👿"};
constexpr Words NEUTRAL_EMOJI[] = {"🤔", "📦", "📸", "🧵", "⏳", "🔗", "🗓️", "🛒"};

constexpr Words HANDLE_NAMES[] = {
    "alex", "sam",   "maria", "jo",    "kim",   "leo",  "mia",   "nico",  "lucas", "ana",
    "yuki", "emma",  "noah",  "sofia", "mateo", "lea",  "jonas", "chloe", "ravi",  "priya",
    "omar", "lina",  "hugo",  "ines",  "max",   "sara", "tom",   "julia", "diego", "aiko",
    "ben",  "clara", "felix", "nina",  "pedro", "rosa", "theo",  "vera",  "zoe",   "ivan",
    "kai",  "luca",  "maya",  "oscar", "paula", "ruby", "sven",  "tara",  "ugo",   "wren"};
constexpr Words HANDLE_WORDS[] = {
    "travels", "eats",   "codes",  "fit",    "photo",    "daily",   "music",    "vibes", "studio",
    "art",     "games",  "life",   "world",  "tech",     "style",   "bakes",    "runs",  "reads",
    "films",   "draws",  "cooks",  "plays",  "writes",   "lifts",   "rides",    "hikes", "sings",
    "dances",  "makes",  "builds", "shoots", "explores", "designs", "sketches", "brews", "grows",
    "knits",   "climbs", "surfs",  "skates", "official", "live",    "tv",       "hq",    "blog",
    "journal", "notes",  "lab",    "works",  "club",     "crew",    "zone",     "spot",  "corner",
    "diary",   "talks",  "review", "news",   "fan",      "stories"};

constexpr HashtagSeed POPULAR_HASHTAGS[] = {{"fyp", 0.1},
                                            {"foryou", 0.1},
                                            {"love", 0.7},
                                            {"viral", 0.0},
                                            {"trending", 0.0},
                                            {"instagood", 0.5},
                                            {"photooftheday", 0.4},
                                            {"music", 0.3},
                                            {"travel", 0.5},
                                            {"food", 0.4},
                                            {"fashion", 0.2},
                                            {"football", 0.1},
                                            {"gaming", 0.1},
                                            {"tech", 0.0},
                                            {"news", -0.1},
                                            {"fitness", 0.4},
                                            {"art", 0.4},
                                            {"summer", 0.5},
                                            {"style", 0.2},
                                            {"beauty", 0.3},
                                            {"nature", 0.5},
                                            {"happy", 0.8},
                                            {"funny", 0.5},
                                            {"motivation", 0.5},
                                            {"photography", 0.3},
                                            {"explore", 0.1},
                                            {"dogsoftiktok", 0.6},
                                            {"catsoftiktok", 0.6},
                                            {"foodie", 0.5},
                                            {"ootd", 0.3},
                                            {"nba", 0.1},
                                            {"anime", 0.2},
                                            {"netflix", 0.0},
                                            {"mondays", -0.5},
                                            {"movies", 0.1},
                                            {"crypto", -0.1},
                                            {"ai", 0.0},
                                            {"traffic", -0.6},
                                            {"fail", -0.6},
                                            {"weekend", 0.6},
                                            {"rant", -0.8},
                                            {"coffee", 0.4},
                                            {"recipe", 0.3},
                                            {"diy", 0.2},
                                            {"makeup", 0.2},
                                            {"skincare", 0.2},
                                            {"review", 0.0},
                                            {"unboxing", 0.1},
                                            {"podcast", 0.0},
                                            {"kpop", 0.3},
                                            {"worldcup", 0.2},
                                            {"election", -0.3},
                                            {"inflation", -0.6},
                                            {"layoffs", -0.7},
                                            {"heatwave", -0.4},
                                            {"outage", -0.8},
                                            {"scam", -0.9},
                                            {"customerservice", -0.5},
                                            {"burnout", -0.6},
                                            {"gratitude", 0.8},
                                            {"blessed", 0.7},
                                            {"selfcare", 0.5},
                                            {"wedding", 0.7},
                                            {"vacation", 0.6},
                                            {"sunset", 0.5},
                                            {"goals", 0.4},
                                            {"family", 0.5},
                                            {"friends", 0.5},
                                            {"cute", 0.6},
                                            {"bookstagram", 0.4},
                                            {"science", 0.1},
                                            {"space", 0.2},
                                            {"startup", 0.1},
                                            {"marketing", 0.0},
                                            {"education", 0.1},
                                            {"tbt", 0.3},
                                            {"cars", 0.1},
                                            {"smartphone", 0.0},
                                            {"sports", 0.1},
                                            {"running", 0.4},
                                            {"yoga", 0.4},
                                            {"vegan", 0.3},
                                            {"pets", 0.6},
                                            {"baking", 0.4},
                                            {"streetfood", 0.4},
                                            {"roadtrip", 0.5},
                                            {"concert", 0.5},
                                            {"festival", 0.5},
                                            {"learning", 0.3},
                                            {"throwback", 0.3},
                                            {"delayed", -0.6},
                                            {"recall", -0.5},
                                            {"strike", -0.4},
                                            {"rentcrisis", -0.7},
                                            {"fakenews", -0.6},
                                            {"brokenagain", -0.7},
                                            {"futbol", 0.2},
                                            {"brasil", 0.3},
                                            {"paris", 0.4},
                                            {"berlin", 0.2},
                                            {"tokyo", 0.4},
                                            {"東京", 0.4},
                                            {"ラーメン", 0.5},
                                            {"comida", 0.4},
                                            {"viaje", 0.5},
                                            {"música", 0.3},
                                            {"reisen", 0.4},
                                            {"voyage", 0.5},
                                            {"amor", 0.7},
                                            {"lunes", -0.4},
                                            {"montag", -0.4},
                                            {"calcio", 0.2},
                                            {"fútbol", 0.2},
                                            {"saudade", -0.2},
                                            {"grève", -0.5},
                                            {"bahn", -0.5}};

constexpr Words TAIL_PREFIXES[] = {"",     "daily",   "my",   "best", "insta", "real",
                                   "team", "weekend", "city", "home", "urban", "little"};
constexpr Words TAIL_NOUNS[] = {"coffee",  "dog",   "cat",  "food",  "run",   "book", "garden", "beach",
                                "camera",  "pizza", "yoga", "bike",  "hike",  "tea",  "bread",  "vinyl",
                                "sneaker", "plant", "cake", "ramen", "sushi", "taco", "guitar", "film",
                                "art",     "code",  "game", "shoe",  "car",   "trip"};
constexpr Words TAIL_SUFFIXES[] = {"",     "life", "lover", "time",  "vibes",
                                   "gram", "club", "tok",   "goals", "diaries"};

constexpr HashtagSeed AURORA_TAGS[] = {{"AuroraX2", 0.6}, {"ShotOnAurora", 0.8}, {"AuroraLaunch", 0.3}};
constexpr Words AURORA_KEYWORDS[] = {"Aurora X2", "Aurora phone"};
constexpr HashtagSeed VERDE_TAGS[] = {{"VerdeCola", 0.3}, {"TasteTheGreen", 0.5}, {"VerdeSummer", 0.1}};
constexpr Words VERDE_KEYWORDS[] = {"Verde Cola"};
constexpr HashtagSeed HELIX_TAGS[] = {{"HelixBank", -0.3}, {"HelixDown", -0.85}, {"HelixRewards", 0.4}};
constexpr Words HELIX_KEYWORDS[] = {"Helix Bank", "Helix app"};
constexpr HashtagSeed NIMBUS_TAGS[] = {{"NimbusAir", -0.1}, {"FlyNimbus", 0.3}, {"NimbusDelays", -0.75}};
constexpr Words NIMBUS_KEYWORDS[] = {"Nimbus Air"};
constexpr HashtagSeed PULSE_TAGS[] = {{"PulseChallenge", 0.7}, {"30DaysOfPulse", 0.5}};
constexpr Words PULSE_KEYWORDS[] = {"Pulse Fit", "Pulse app"};
constexpr HashtagSeed ORBIT_TAGS[] = {{"OrbitOriginals", 0.0}, {"OrbitFinale", -0.2}, {"OrbitPlus", 0.1}};
constexpr Words ORBIT_KEYWORDS[] = {"Orbit+", "Orbit Originals"};

constexpr CampaignSeed CAMPAIGNS[] = {
    {"aurora-x2-launch", "Aurora X2 launch", 0.28, AURORA_TAGS, AURORA_KEYWORDS},
    {"verde-cola-summer", "Verde Cola summer", 0.20, VERDE_TAGS, VERDE_KEYWORDS},
    {"helix-bank-app", "Helix Bank app relaunch", 0.18, HELIX_TAGS, HELIX_KEYWORDS},
    {"nimbus-air-routes", "Nimbus Air new routes", 0.14, NIMBUS_TAGS, NIMBUS_KEYWORDS},
    {"pulse-30-day-challenge", "Pulse 30-day challenge", 0.12, PULSE_TAGS, PULSE_KEYWORDS},
    {"orbit-originals", "Orbit+ originals", 0.08, ORBIT_TAGS, ORBIT_KEYWORDS},
};

}  // namespace

const LanguageWords& words(Language language) noexcept {
  return LANGUAGES[static_cast<std::size_t>(language)];
}

std::span<const Place> places() noexcept { return PLACES; }

std::span<const std::string_view> positive_emoji() noexcept { return POSITIVE_EMOJI; }
std::span<const std::string_view> negative_emoji() noexcept { return NEGATIVE_EMOJI; }
std::span<const std::string_view> neutral_emoji() noexcept { return NEUTRAL_EMOJI; }

std::span<const std::string_view> handle_names() noexcept { return HANDLE_NAMES; }
std::span<const std::string_view> handle_words() noexcept { return HANDLE_WORDS; }

std::span<const HashtagSeed> popular_hashtags() noexcept { return POPULAR_HASHTAGS; }
std::span<const std::string_view> tail_prefixes() noexcept { return TAIL_PREFIXES; }
std::span<const std::string_view> tail_nouns() noexcept { return TAIL_NOUNS; }
std::span<const std::string_view> tail_suffixes() noexcept { return TAIL_SUFFIXES; }

std::span<const CampaignSeed> campaigns() noexcept { return CAMPAIGNS; }

}  // namespace smelt::generate
