using System.Globalization;
using System.Text;

namespace IaasKyc.Domain.Screening;

/// <summary>A name as the matcher sees it: its tokens, and the legal-form words set aside (shown in explanations).</summary>
public sealed record NormalizedName(IReadOnlyList<string> Tokens, IReadOnlyList<string> LegalForms);

/// <summary>
/// Issue 5 item 2, normalisation: Unicode decomposition with the diacritics removed, case folding, punctuation to spaces
/// (apostrophes dropped, dotted abbreviations such as "S.A." or "L.L.C." joined), and legal-form words set aside so that
/// they neither create nor hide a match.
/// </summary>
public static class NameNormalizer
{
    /// <summary>Legal-form words (issue 5: LLC, Ltd, OOO, AO, GmbH, S.A., Co., Corp, ...), after folding.</summary>
    public static readonly IReadOnlySet<string> LegalForms = new HashSet<string>(StringComparer.Ordinal)
    {
        "llc", "ltd", "limited", "ooo", "ao", "zao", "oao", "pao", "tov", "gmbh", "mbh", "sa", "ag", "co", "corp", "corporation",
        "inc", "incorporated", "plc", "llp", "lp", "jsc", "ojsc", "cjsc", "pjsc", "company", "cia", "sarl", "srl", "sas", "sl", "spa",
        "bv", "nv", "kg", "ohg", "ug", "oy", "oyj", "ab", "as", "asa", "aps", "pte", "pty", "fze", "fzco", "fzc", "fzllc", "fzllp",
        "llc", "sae", "sal", "wll", "kft", "zrt", "doo", "dd", "sro", "spzoo", "ltda", "sapi", "cv", "srltda", "ead", "ood", "bhd",
        "sdn", "tbk", "pt", "pvt", "jv",
    };

    // Multi-word legal forms, removed as a phrase (a lone "joint" or "stock" is a name word).
    private static readonly string[][] LegalPhrases =
    [
        ["limited", "liability", "company"], ["limited", "liability", "partnership"], ["open", "joint", "stock", "company"],
        ["closed", "joint", "stock", "company"], ["public", "joint", "stock", "company"], ["joint", "stock", "company"],
        ["sociedad", "anonima"], ["societe", "anonyme"], ["s", "de", "rl", "de", "cv"], ["sa", "de", "cv"], ["de", "cv"],
        ["s", "de", "rl"], ["s", "a"], ["l", "l", "c"], ["co", "ltd"], ["private", "limited"], ["sp", "z", "oo"],
        ["public", "limited", "company"], ["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"],
        ["aktsionernoe", "obshchestvo"], ["otkrytoe", "aktsionernoe", "obshchestvo"], ["zakrytoe", "aktsionernoe", "obshchestvo"],
        ["publichnoe", "aktsionernoe", "obshchestvo"],
    ];

    /// <summary>Words that say little about who a company is ("Global Trading Company"): they count with half weight.</summary>
    public static readonly IReadOnlySet<string> GenericWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "trading", "trade", "traders", "international", "intl", "holding", "holdings", "group", "global", "general", "industries",
        "industrial", "industry", "services", "service", "enterprise", "enterprises", "investment", "investments", "commercial",
        "import", "export", "technology", "technologies", "tech", "logistics", "shipping", "bank", "engineering", "construction",
        "development", "national", "the", "and", "of", "for", "management", "consulting", "solutions", "systems", "partners",
        "capital", "resources", "products", "electronics", "energy", "petroleum", "oil", "gas", "marine", "transport", "network",
        "world", "worldwide", "company", "establishment", "est", "foundation", "institute", "center", "centre", "agency",
        "office", "east", "west", "north", "south", "middle", "new", "united", "first",
        // The same words as the lists write them in Spanish, Portuguese, French and Russian transliteration.
        "internacional", "international", "comercial", "comercio", "comercializadora", "grupo", "inversiones", "servicios",
        "industrias", "industrial", "importadora", "exportadora", "distribuidora", "empresa", "compania", "negocios", "societe",
        "groupe", "commerce", "promyshlennaya", "kompaniya", "torgovy", "dom", "tsentr", "gruppa",
    };

    /// <summary>Name particles ("al", "bin", "van", "de"): they count with half weight.</summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "al", "el", "bin", "ben", "ibn", "bint", "abu", "abd", "abdel", "abdul", "van", "von", "der", "den", "de", "da", "di", "del",
        "la", "le", "du", "dos", "das", "do", "y", "e", "ul", "ad", "ar", "as", "at", "an", "mac", "mc", "st",
    };

    /// <summary>
    /// Given names and surnames common in the population (the most frequent U.S. Census 2010 surnames and given names, and the
    /// most frequent Chinese, Korean, Vietnamese, South Asian, Arabic, Russian, German, Italian, Portuguese, Turkish and
    /// Hebrew ones): a partial match on such names alone is weak evidence (<see cref="NameScorer.CommonOnlyFactor"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> CommonNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez",
        "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson",
        "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
        "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell",
        "mitchell", "carter", "roberts", "gomez", "diaz", "reyes", "cruz", "morales", "ortiz", "gutierrez", "chavez", "ramos",
        "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "lin",
        "kim", "park", "choi", "jung", "kang", "cho", "tran", "le", "pham", "khan", "ali", "ahmed", "ahmad", "hassan", "hasan",
        "hussein", "hussain", "husain", "mohammed", "mohammad", "muhammad", "mohamed", "singh", "kumar", "patel", "sharma",
        "shah", "ivanov", "ivanova", "smirnov", "petrov", "sidorov", "kuznetsov", "popov", "muller", "mueller", "schmidt",
        "schneider", "fischer", "weber", "meyer", "wagner", "rossi", "russo", "ferrari", "silva", "santos", "oliveira",
        "pereira", "costa", "cohen", "levy", "yilmaz", "kaya", "demir", "sahin",
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "charles", "christopher", "daniel",
        "matthew", "anthony", "mark", "paul", "steven", "peter", "mary", "patricia", "jennifer", "linda", "elizabeth",
        "barbara", "susan", "jessica", "sarah", "karen", "nancy", "maria", "jose", "juan", "carlos", "luis", "jorge", "pedro",
        "miguel", "ana", "rosa", "wei", "ming", "jun", "hui", "min", "ying", "omar", "fatima", "abdul", "abdullah", "ibrahim",
        "ivan", "sergei", "sergey", "olga", "elena", "anna", "hans", "giuseppe", "antonio", "mehmet", "mustafa",
    };

    /// <summary>Diacritics removed, case folded, apostrophes dropped, dotted abbreviations joined, other punctuation to spaces.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var joining = false;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (c is '\'' or '’' or '‘' or 'ʼ' or '`' or '´' or 'ʻ') continue;
            if (char.IsLetterOrDigit(c))
            {
                switch (char.ToLowerInvariant(c))
                {
                    case 'ß': sb.Append("ss"); break;
                    case 'æ': sb.Append("ae"); break;
                    case 'œ': sb.Append("oe"); break;
                    case 'ø': sb.Append('o'); break;
                    case 'đ' or 'ð': sb.Append('d'); break;
                    case 'ł': sb.Append('l'); break;
                    case 'þ': sb.Append("th"); break;
                    case 'ı': sb.Append('i'); break;
                    case var lower: sb.Append(lower); break;
                }
                continue;
            }
            // "S.A." and "L.L.C.": a dot between single letters joins them.
            if (c == '.' && (joining || (sb.Length > 0 && char.IsLetter(sb[^1]) && (sb.Length == 1 || sb[^2] == ' ')))
                && i + 1 < decomposed.Length && char.IsLetter(decomposed[i + 1])
                && (i + 2 >= decomposed.Length || !char.IsLetterOrDigit(decomposed[i + 2])))
            {
                joining = true;
                continue;
            }
            joining = false;
            if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>The tokens of a name; legal-form words set aside unless <paramref name="keepLegalForms"/> (an individual's name).</summary>
    public static NormalizedName Normalize(string name, bool keepLegalForms = false)
    {
        var tokens = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (keepLegalForms || tokens.Length < 2) return new NormalizedName(tokens, []);
        var kept = new List<string>(tokens.Length);
        var legal = new List<string>();
        for (var i = 0; i < tokens.Length;)
        {
            var phrase = LegalPhrases.FirstOrDefault(p => Matches(tokens, i, p));
            if (phrase is not null)
            {
                legal.Add(string.Join(' ', phrase));
                i += phrase.Length;
                continue;
            }
            if (LegalForms.Contains(tokens[i]) || IsMisspeltLegalForm(tokens[i])) legal.Add(tokens[i]);
            else kept.Add(tokens[i]);
            i++;
        }
        // A name made only of legal-form words ("AO") keeps them: removing them would leave nothing to compare.
        return kept.Count == 0 ? new NormalizedName(tokens, []) : new NormalizedName(kept, legal);
    }

    private static readonly string[] LongLegalForms = ["limited", "company", "corporation", "incorporated"];

    /// <summary>"Liimted", "compnay": a long legal-form word with a slip of the keyboard is still one.</summary>
    private static bool IsMisspeltLegalForm(string token) =>
        token.Length >= 6 && LongLegalForms.Any(f => Math.Abs(f.Length - token.Length) <= 1 && JaroWinkler.Similarity(token, f) >= 0.93);

    private static bool Matches(string[] tokens, int at, string[] phrase)
    {
        if (at + phrase.Length > tokens.Length) return false;
        for (var k = 0; k < phrase.Length; k++)
            if (!string.Equals(tokens[at + k], phrase[k], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>How much a token counts: an initial 0.3, a particle or generic word 0.5, otherwise 1 ("li" is a surname).</summary>
    public static double Weight(string token) =>
        token.Length == 1 ? 0.3
        : Particles.Contains(token) || GenericWords.Contains(token) ? 0.5
        : 1.0;
}
