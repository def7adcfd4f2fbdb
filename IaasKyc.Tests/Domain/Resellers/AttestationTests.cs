using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.Resellers;

public sealed class AttestationTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly ValidUntil = new(2027, 11, 2);

    private static Attestation Sent(out string token)
    {
        var template = new AttestationTemplate(Guid.NewGuid(), 3, "Intro", AttestationTemplate.Clauses.ToDictionary(c => c.Key, c => "Clause text"), "officer", T0);
        template.Approve("approver", T0);
        token = AttestationTokens.New();
        return new Attestation(Guid.NewGuid(), Guid.NewGuid(), template, template.Render(RulePack.Default), RulePack.DefaultVersion,
            AttestationTokens.Hash(token), "signatory@example.com", "officer", T0, T0.AddDays(14));
    }

    private static void Sign(Attestation a, DateTime at) => a.Sign("Mina Park", "CEO", "mina@example.kr", "203.0.113.7", a.TextSha256, at, ValidUntil);

    [Fact]
    public void A_token_carries_256_random_bits_url_safe_and_only_its_hash_is_kept()
    {
        var a = AttestationTokens.New();
        var b = AttestationTokens.New();
        var attestation = Sent(out var token);

        Assert.NotEqual(a, b);
        Assert.True(AttestationTokens.LooksValid(a));
        Assert.Equal(43, a.Length);
        Assert.DoesNotContain(token, attestation.TokenHash);
        Assert.Equal(AttestationTokens.Hash(token), attestation.TokenHash);
        Assert.Equal(64, attestation.TokenHash.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("../../../../etc/passwd-----------------------")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP!")]
    public void Malformed_tokens_are_refused_by_shape(string token) => Assert.False(AttestationTokens.LooksValid(token));

    [Fact]
    public void A_pending_link_is_signed_once_with_time_address_and_the_hash_of_the_text_shown()
    {
        var a = Sent(out _);

        Sign(a, T0.AddDays(1));

        Assert.Equal(AttestationState.Signed, a.StateAt(T0.AddDays(1)));
        Assert.Equal(("Mina Park", "203.0.113.7", T0.AddDays(1)), (a.SignerName, a.SignerIp, a.SignedAtUtc));
        Assert.Equal(AttestationTokens.Sha256(a.Text), a.SignedTextSha256);
        Assert.Throws<InvalidStateTransition>(() => Sign(a, T0.AddDays(2)));
        Assert.Equal("Mina Park", a.SignerName);
    }

    [Fact]
    public void The_link_expires_at_its_expiry_instant_and_cannot_be_signed_after_it()
    {
        var a = Sent(out _);

        Assert.Equal(AttestationState.Pending, a.StateAt(T0.AddDays(14).AddTicks(-1)));
        Assert.Equal(AttestationState.LinkExpired, a.StateAt(T0.AddDays(14)));
        var refused = Assert.Throws<InvalidStateTransition>(() => Sign(a, T0.AddDays(14)));
        Assert.Contains("expired", refused.Message);
    }

    [Fact]
    public void A_revoked_link_cannot_be_signed_and_a_signed_one_cannot_be_revoked()
    {
        var revoked = Sent(out _);
        var signed = Sent(out _);
        Sign(signed, T0.AddHours(1));

        revoked.Revoke("officer", T0.AddHours(1));

        Assert.Equal(AttestationState.Revoked, revoked.StateAt(T0.AddHours(2)));
        Assert.Throws<InvalidStateTransition>(() => Sign(revoked, T0.AddHours(2)));
        Assert.Throws<InvalidStateTransition>(() => signed.Revoke("officer", T0.AddHours(2)));
    }

    [Fact]
    public void A_signature_over_a_different_text_than_the_one_sent_is_refused()
    {
        var a = Sent(out _);

        Assert.Throws<InvalidStateTransition>(() => a.Sign("Mina Park", "CEO", "mina@example.kr", "203.0.113.7", AttestationTokens.Sha256("other text"), T0, ValidUntil));
        Assert.Null(a.SignedAtUtc);
    }

    [Fact]
    public void Reminders_fall_due_60_30_and_7_days_before_expiry_each_once_and_none_after_expiry()
    {
        var a = Sent(out _);
        Sign(a, T0);
        int[] days = [60, 30, 7];

        Assert.Empty(a.DueReminders(days, ValidUntil.AddDays(-61)));
        Assert.Equal([60], a.DueReminders(days, ValidUntil.AddDays(-60)));
        a.MarkReminded([60]);
        Assert.Empty(a.DueReminders(days, ValidUntil.AddDays(-59)));
        // A run missed for weeks: both overdue reminders are due at once, the most urgent first.
        Assert.Equal([7, 30], a.DueReminders(days, ValidUntil.AddDays(-5)));
        Assert.Empty(a.DueReminders(days, ValidUntil.AddDays(1)));
    }

    [Fact]
    public void A_signed_attestation_expires_the_day_after_its_last_valid_day()
    {
        var a = Sent(out _);
        Sign(a, T0);

        Assert.False(a.IsExpired(ValidUntil));
        Assert.True(a.IsExpired(ValidUntil.AddDays(1)));
    }
}
