namespace IaasKyc.Portal.Components.Shared;

/// <summary>One field of a refused save: what is stored now (another user's save) and what this user typed.</summary>
public sealed record ConflictField(string Label, string? Theirs, string? Mine)
{
    public bool Differs => !string.Equals(Shown(Theirs), Shown(Mine), StringComparison.Ordinal);

    /// <summary>Blank and missing read the same, and surrounding spaces do not count: the services trim what they store.</summary>
    public static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? "" : value.Trim();
}

/// <summary>
/// A save refused because someone else saved the same record first ("never loses work", product.md): the stored version
/// field by field next to this user's input, and who saved it when, for <see cref="ConcurrencyConflict"/> to show.
/// </summary>
public sealed record EditConflict(IReadOnlyList<ConflictField> Fields, string? ChangedBy, DateTime? ChangedAtUtc)
{
    public bool AnyDifference => Fields.Any(f => f.Differs);

    /// <summary>Compares two instances of one form model, the stored record's and this user's, over the listed fields.</summary>
    public static EditConflict Between<TForm>(TForm theirs, TForm mine, IEnumerable<(string Label, Func<TForm, string?> Value)> fields,
        string? changedBy, DateTime? changedAtUtc) =>
        new([.. fields.Select(f => new ConflictField(f.Label, f.Value(theirs), f.Value(mine)))], changedBy, changedAtUtc);

    public static string? YesNo(bool? value, string yes, string no) => value switch { true => yes, false => no, null => null };
}
