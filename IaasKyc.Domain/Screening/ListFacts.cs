using System.Globalization;
using System.Text.RegularExpressions;

namespace IaasKyc.Domain.Screening;

/// <summary>The facts an entry's remarks carry, as the importer keeps them.</summary>
public sealed record RemarkFacts(IReadOnlyList<string> DatesOfBirth, IReadOnlyList<string> Nationalities, IReadOnlyList<string> RegistrationCountries);

/// <summary>
/// Dates of birth and nationalities from the remarks ("DOB 17 Jan 1986; POB ...; nationality Russia"). A date of birth is
/// kept in the ISO 8601 / EDTF form: <c>1986-01-17</c>, <c>1986-01</c>, <c>1986</c>, <c>1960~</c> (circa),
/// <c>1962/1964</c> (a range); <see cref="TryRange"/> reads any of them back as the span of days it allows.
/// </summary>
public static partial class ListFacts
{
    [GeneratedRegex(@"\bDOB\s+([^;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex DobPattern();

    [GeneratedRegex(@"\b(?:[Nn]ationality|[Cc]itizen)\s+([^;]+)", RegexOptions.CultureInvariant)]
    private static partial Regex NationalityPattern();

    [GeneratedRegex(@"^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex OfacDate();

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static RemarkFacts FromRemarks(string? remarks)
    {
        if (string.IsNullOrWhiteSpace(remarks)) return new RemarkFacts([], [], []);
        var dates = new List<string>();
        foreach (Match m in DobPattern().Matches(remarks))
        {
            if (ParseOfacDob(m.Groups[1].Value.Trim().TrimEnd('.')) is { } dob && !dates.Contains(dob)) dates.Add(dob);
        }
        var nationalities = new List<string>();
        var registration = new List<string>();
        foreach (Match m in NationalityPattern().Matches(remarks))
        {
            var value = m.Groups[1].Value.Trim().TrimEnd('.');
            // "Nationality of Registration Korea, North" is a vessel's or company's flag: a country, not a nationality.
            var target = nationalities;
            if (value.StartsWith("of Registration ", StringComparison.OrdinalIgnoreCase))
            {
                value = value["of Registration ".Length..];
                target = registration;
            }
            if (value.StartsWith("possibly ", StringComparison.OrdinalIgnoreCase)) value = value["possibly ".Length..];
            if (CountryNames.ToIso(value) is { } code && !target.Contains(code)) target.Add(code);
        }
        return new RemarkFacts(dates, nationalities, registration);
    }

    /// <summary>An OFAC remark date ("17 Jan 1986", "Jan 1986", "1986", "circa 1960", "1962 to 1964", "circa 1960-1965") in EDTF form, or null.</summary>
    public static string? ParseOfacDob(string text)
    {
        var s = text.Trim();
        var circa = s.StartsWith("circa ", StringComparison.OrdinalIgnoreCase);
        if (circa) s = s["circa ".Length..].Trim();
        var parts = s.Split([" to ", "-"], StringSplitOptions.TrimEntries);
        if (parts.Length > 2) return null;
        var dates = new List<string>();
        foreach (var part in parts)
        {
            if (OneDate(part) is not { } date) return null;
            dates.Add(circa ? date + "~" : date);
        }
        return string.Join('/', dates);
    }

    private static string? OneDate(string s)
    {
        var m = OfacDate().Match(s);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success) return m.Groups[1].Success ? null : $"{year:0000}";
        var month = Array.IndexOf(Months, m.Groups[2].Value.ToLowerInvariant()) + 1;
        if (month == 0) return null;
        if (!m.Groups[1].Success) return $"{year:0000}-{month:00}";
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? $"{year:0000}-{month:00}-{day:00}" : null;
    }

    /// <summary>
    /// The first and last day an EDTF date of birth allows; an approximate ("circa", <c>~</c>) value widens by
    /// <paramref name="circaYears"/> on each side. False for text that is not such a date.
    /// </summary>
    public static bool TryRange(string value, out DateOnly from, out DateOnly to, int circaYears = 2)
    {
        from = to = default;
        var parts = value.Split('/');
        if (parts.Length is < 1 or > 2) return false;
        if (!TryBounds(parts[0], circaYears, out var f1, out var t1)) return false;
        var (f2, t2) = (f1, t1);
        if (parts.Length == 2 && !TryBounds(parts[1], circaYears, out f2, out t2)) return false;
        from = f1 < f2 ? f1 : f2;
        to = t1 > t2 ? t1 : t2;
        return true;
    }

    private static bool TryBounds(string part, int circaYears, out DateOnly from, out DateOnly to)
    {
        from = to = default;
        var approximate = part.EndsWith('~');
        var s = approximate ? part[..^1] : part;
        var pieces = s.Split('-');
        var inv = CultureInfo.InvariantCulture;
        if (pieces.Length is < 1 or > 3 || pieces[0].Length != 4
            || !int.TryParse(pieces[0], NumberStyles.None, inv, out var year) || year < 1) return false;
        var month = 0;
        if (pieces.Length >= 2 && (!int.TryParse(pieces[1], NumberStyles.None, inv, out month) || month is < 1 or > 12)) return false;
        var day = 0;
        if (pieces.Length == 3 && (!int.TryParse(pieces[2], NumberStyles.None, inv, out day) || day < 1 || day > DateTime.DaysInMonth(year, month))) return false;
        (from, to) = pieces.Length switch
        {
            1 => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            2 => (new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month))),
            _ => (new DateOnly(year, month, day), new DateOnly(year, month, day)),
        };
        if (approximate && year - circaYears >= 1)
        {
            from = from.AddYears(-circaYears);
            to = to.AddYears(circaYears);
        }
        return true;
    }
}
