using System.Text.RegularExpressions;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;

namespace IaasKyc.Tests.Components;

/// <summary>
/// Issue 10, item 6, for forms: every text input has a maximum length (a Blazor circuit refuses messages over 32 KB, so
/// very large values go to the API), and the validators the forms submit through refuse over-long, control, bidi and
/// broken characters at the field.
/// </summary>
public sealed partial class FormLimitsTests
{
    [Fact]
    public void Every_editable_text_field_declares_a_maximum_length()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "IaasKyc.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("No IaasKyc.sln above the tests.");
        var missing = new List<string>();
        var fields = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "IaasKyc.Portal"), "*.razor", SearchOption.AllDirectories))
        {
            foreach (Match tag in TextField().Matches(File.ReadAllText(file)))
            {
                fields++;
                if (!tag.Value.Contains("MaxLength", StringComparison.Ordinal) && !tag.Value.Contains("ReadOnly=\"true\"", StringComparison.Ordinal))
                    missing.Add($"{Path.GetRelativePath(root, file)}: {tag.Value[..Math.Min(120, tag.Value.Length)]}");
            }
        }
        Assert.True(fields > 50, $"found only {fields} text fields: the scan is looking in the wrong place");
        Assert.True(missing.Count == 0, "Give these fields a MaxLength:\n" + string.Join("\n", missing));
    }

    [Theory]
    [InlineData("x", 201, "tooLong")]
    [InlineData("a\u0000b", 1, "controlCharacters")]
    [InlineData("a\u001b[31mb", 1, "controlCharacters")]
    [InlineData("invoice\u202Egnp.exe", 1, "hiddenCharacters")]
    [InlineData("Ali\u2066ce", 1, "hiddenCharacters")]
    [InlineData(@"a\ud800b", 1, "hiddenCharacters")] // escaped here: test data cannot carry a lone surrogate intact
    [InlineData(@"b\udc00a", 1, "hiddenCharacters")]
    public void The_text_validator_refuses_the_value_at_its_field(string piece, int times, string code)
    {
        var f = new List<Finding>();

        var value = IntakeRules.Text(string.Concat(Enumerable.Repeat(Regex.Unescape(piece), times)), "name", 200, f);

        Assert.Null(value);
        Assert.Equal((code, "name"), (Assert.Single(f).Code, f[0].Field));
    }

    [Theory]
    [InlineData("Łódź Café 北京 Müller")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("O'Brien; DROP TABLE x;--")]
    [InlineData("Emoji 👩‍💻 name")]
    [InlineData("مرحبا العالم")]
    public void The_text_validator_keeps_ordinary_text_of_any_script(string text)
    {
        var f = new List<Finding>();

        Assert.Equal(text, IntakeRules.Text(text, "name", 200, f));
        Assert.Empty(f);
    }

    [GeneratedRegex("<MudTextField\\b(?:\"[^\"]*\"|[^\">])*>")]
    private static partial Regex TextField();
}
