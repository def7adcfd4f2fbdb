using IaasKyc.Domain.Audit;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void A_valid_chain_verifies_with_its_head()
    {
        var chain = Make.Chain(5);

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.True(result.Ok);
        Assert.Equal(5, result.Entries);
        Assert.Null(result.FirstBrokenSequence);
    }

    [Fact]
    public void An_empty_chain_verifies_against_the_genesis_head()
    {
        var result = AuditChain.Verify([], headSequence: 0, headHash: AuditChain.GenesisHash);

        Assert.True(result.Ok);
        Assert.Equal(0, result.Entries);
    }

    [Fact]
    public void The_first_entry_links_to_the_genesis_hash()
    {
        var chain = Make.Chain(1);

        Assert.Equal(AuditChain.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(64, chain[0].Hash.Length);
    }

    [Fact]
    public void The_hash_depends_on_the_time_to_the_tick()
    {
        var at = Make.Utc(2026, 6, 15, 14);
        var entry = Make.AuditRecord(1, at, AuditChain.GenesisHash);

        var later = Make.AuditRecord(1, at.AddTicks(1), AuditChain.GenesisHash);

        Assert.NotEqual(entry.Hash, later.Hash);
    }

    public static TheoryData<string> Fields() =>
        ["AtUtc", "Actor", "Action", "EntityType", "EntityId", "SubjectId", "Changes.Field", "Changes.Old", "Changes.New", "Changes.Added", "PreviousHash", "Hash"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_of_an_entry_is_detected_at_its_sequence(string field)
    {
        var chain = Make.Chain(5);
        var third = chain[2];
        var change = third.Changes[0];
        chain[2] = field switch
        {
            "AtUtc" => third with { AtUtc = third.AtUtc.AddSeconds(1) },
            "Actor" => third with { Actor = "mallory@example.com" },
            "Action" => third with { Action = "delete" },
            "EntityType" => third with { EntityType = "User" },
            "EntityId" => third with { EntityId = "key-99" },
            "SubjectId" => third with { SubjectId = "subject-1" },
            "Changes.Field" => third with { Changes = [change with { Field = "Scopes" }] },
            "Changes.Old" => third with { Changes = [change with { Old = "Payroll" }] },
            "Changes.New" => third with { Changes = [change with { New = null }] },
            "Changes.Added" => third with { Changes = [change, new FieldChange("Scopes", null, "audit")] },
            "PreviousHash" => third with { PreviousHash = chain[0].Hash },
            "Hash" => third with { Hash = new string('a', 64) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal(2, result.Entries);
    }

    [Fact]
    public void Rehashing_an_edited_entry_still_breaks_the_next_one()
    {
        var chain = Make.Chain(5);
        var third = chain[2];
        chain[2] = Make.AuditRecord(3, third.AtUtc, third.PreviousHash, actor: "mallory@example.com", entityId: third.EntityId);

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Fact]
    public void Deleting_a_middle_entry_is_detected_at_its_sequence()
    {
        var chain = Make.Chain(5);
        chain.RemoveAt(2);

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.False(result.Ok);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void Swapping_two_entries_is_detected_at_the_first_of_them()
    {
        var chain = Make.Chain(5);
        (chain[1], chain[3]) = (chain[3], chain[1]);

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.False(result.Ok);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void Swapping_two_entries_but_keeping_their_sequences_is_detected_at_the_first_of_them()
    {
        var chain = Make.Chain(5);
        var (second, fourth) = (chain[1], chain[3]);
        chain[1] = fourth with { Sequence = 2 };
        chain[3] = second with { Sequence = 4 };

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[^1].Hash);

        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void Cutting_the_last_entry_is_detected_against_the_head()
    {
        var chain = Make.Chain(5);
        var head = chain[^1];

        var result = AuditChain.Verify(chain.Take(4), headSequence: head.Sequence, headHash: head.Hash);

        Assert.False(result.Ok);
        Assert.Equal(4, result.Entries);
        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Fact]
    public void Cutting_the_last_entry_goes_unnoticed_without_a_head()
    {
        var chain = Make.Chain(5);

        var result = AuditChain.Verify(chain.Take(4));

        Assert.True(result.Ok);
    }

    [Fact]
    public void A_head_hash_that_differs_from_the_last_entry_is_a_break_at_the_head()
    {
        var chain = Make.Chain(5);

        var result = AuditChain.Verify(chain, headSequence: 5, headHash: chain[3].Hash);

        Assert.False(result.Ok);
        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Fact]
    public void The_streaming_verifier_stops_at_the_first_break()
    {
        var chain = Make.Chain(5);
        chain[1] = chain[1] with { Actor = "mallory@example.com" };
        var verifier = new ChainVerifier();

        var accepted = chain.Select(verifier.Accept).ToList();

        Assert.Equal([true, false, false, false, false], accepted);
        Assert.Equal(1, verifier.Verified);
        Assert.Equal(2, verifier.Finish(5, chain[^1].Hash).FirstBrokenSequence);
    }
}
