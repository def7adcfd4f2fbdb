using IaasKyc.Portal.Features.Audit;

namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// A form's input and the stored record it was read from (whose version a save goes over). A newer copy from the page never
/// overwrites what the user typed: it is taken only when the form is untouched, already matches it, or was just saved; when only
/// the version moved (this form's fields are the same in it) the input stays and the save goes over the newer version; otherwise
/// the input stays on the older version, so that the save is refused and <see cref="Refused"/> shows both ("never loses work").
/// <paramref name="compare"/> sets a stored copy (theirs) beside an input (mine), field by field.
/// </summary>
public sealed class EditedRecord<TRecord, TForm>(Func<TRecord, TForm> read, Func<TForm, TForm, IReadOnlyList<ConflictField>> compare)
    where TRecord : class
{
    /// <summary>A form of fixed fields, compared one by one.</summary>
    public EditedRecord(Func<TRecord, TForm> read, IReadOnlyList<(string Label, Func<TForm, string?> Value)> fields)
        : this(read, (theirs, mine) => EditConflict.Between(theirs, mine, fields, null, null).Fields)
    {
    }

    private TRecord? offered;
    private bool saved, changedHere;

    /// <summary>The stored record the input is based on: the one opened, or the one stored by whoever saved first.</summary>
    public TRecord Record { get; private set; } = default!;

    public TForm Input { get; private set; } = default!;

    public EditConflict? Conflict { get; private set; }

    /// <summary>The input differs from the stored record: typing not saved yet.</summary>
    public bool Unsaved => Record is not null && Differ(read(Record), Input);

    /// <summary>The page's copy of the record, passed on every render (the same instance again is ignored).</summary>
    public void Offer(TRecord latest)
    {
        if (ReferenceEquals(latest, offered)) return;
        offered = latest;
        if (Record is null || saved || !Differ(read(Record), Input) || !Differ(read(latest), Input))
        {
            (Record, Input, saved) = (latest, read(latest), false);
        }
        else if (changedHere || !Differ(read(Record), read(latest)))
        {
            Record = latest;
        }
        changedHere = false;
    }

    /// <summary>This user changed the record through another part of the page: its next copy is no one else's work, so the input goes over it.</summary>
    public void ChangedHere() => changedHere = true;

    /// <summary>A save was refused: <paramref name="stored"/> is now the base, shown field by field beside the input.</summary>
    public void Refused(TRecord stored, string? changedBy, DateTime? changedAtUtc)
    {
        Record = stored;
        Conflict = new EditConflict(compare(read(stored), Input), changedBy, changedAtUtc);
    }

    /// <summary>A save was refused: shows <paramref name="stored"/> (read again) with who saved it last; false when it no longer exists.</summary>
    public async Task<bool> RefusedAsync(TRecord? stored, AuditService audit, string entityType, Guid id)
    {
        if (stored is null) return false;
        var last = await audit.LastChangeAsync(entityType, id.ToString());
        Refused(stored, last?.By, last?.AtUtc);
        return true;
    }

    /// <summary>The input was stored: the page's next copy replaces it.</summary>
    public void Saved() => (saved, Conflict) = (true, null);

    public void TakeTheirs() => (Input, Conflict) = (read(Record), null);

    public void ContinueEditing() => Conflict = null;

    private bool Differ(TForm theirs, TForm mine) => compare(theirs, mine).Any(f => f.Differs);
}
